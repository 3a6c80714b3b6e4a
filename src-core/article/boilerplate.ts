/**
 * Page furniture that is never part of an article's prose, whatever the site: share and
 * print prompts, donation and membership appeals, comment links, newsletter sign-ups,
 * "Related"/"Read more" lines, advertisements, reading-time lines, image credits.
 */
/** "Url of this article: https://…", as print views and clippers write it. */
export const URL_LINE =
  /^(?:url of (?:this|the) (?:article|page|post)|(?:source|original|article|page|canonical) url|permalink|url)\s*:\s*<?(https?:\/\/[^\s>]+)>?\s*$/i;

/** Site navigation that flattened pages keep as lines of their own. */
export const NAVIGATION =
  /^(?:skip to (?:main )?content|skip navigation|menu|main menu|open menu|close menu|toggle navigation|navigation|search|home|log ?in|sign ?in|log ?out|my account|back to top|top|next article|previous article|print this page|print article|email this)$/i;

/** Furniture wherever it stands, even between paragraphs of the article. */
const ANYWHERE: RegExp[] = [
  /\bshare buttons?\b/i,
  /^(?:share|tweet|email|print|save|copy link|whatsapp|facebook|twitter|linkedin|reddit|telegram)(?:\s*(?:this|article|story|post|on \w+))?\s*(?:[|·•,/]\s*(?:share|tweet|email|print|save|copy link|whatsapp|facebook|twitter|linkedin|reddit|telegram)\s*)*$/i,
  /^(?:click to share|share this (?:article|story|post)|follow us on|like us on facebook|join us on)\b/i,
  /^(?:please )?(?:donate|support (?:us|our work|our journalism|the project|independent (?:media|journalism)|this (?:site|website|work)))\b/i,
  /^become an? (?:member|patron|supporter|subscriber|sustaining member)\b/i,
  /^(?:subscribe|sign up) (?:to|for|now|today)\b/i,
  /^(?:get|receive) (?:our|the) (?:newsletter|daily|weekly)/i,
  /^comment on\b/i,
  /^(?:leave|post|add|view|show|read) (?:a |all |the )?(?:\d+ )?comments?\b/i,
  /^\d+\s+comments?$/i,
  /^join the (?:discussion|conversation)\b/i,
  /^(?:for )?(?:media|press) (?:inquiries|enquiries|contact)\b/i,
  /^(?:related|related articles?|related stories|read more|read also|also read|see also|recommended|more from|you may also like|further reading|more on this|watch|listen)\s*[:|-]/i,
  /^(?:related|read more|see also|recommended for you|advertisement|sponsored|sponsored content|story continues below|continue reading(?: below)?|scroll to continue)$/i,
  /^(?:\d+\s*(?:min(?:ute)?s?)\s+read|reading time:.*|listen to this article.*)$/i,
  /^(?:featured |top |header |cover )?(?:image|photo|picture|illustration|graphic|video)(?:\s+(?:credit|source|by|courtesy(?: of)?))?\s*:/i,
  /^\((?:photo|image|picture|credit|source)[^)]*\)$/i,
  /^(?:photo |image )?(?:credit|source)s?\s*:\s*\S.{0,100}$/i,
  /^(?:photo|image|picture) (?:by|courtesy|credit)\b/i,
  /^(?:the )?(?:featured |top |cover |header )?(?:image|photo|picture|illustration)s?\s+(?:is|are)\s+(?:from|by|courtesy|credited|via|licensed)\b/i,
  URL_LINE,
  NAVIGATION,
  // A bare address between paragraphs is a link preview; a line of symbols is decoration.
  /^https?:\/\/\S+$/i,
  /^[^\p{L}\p{N}]+$/u,
  /^(?:citation|cite this (?:article|page|story)|how to cite(?: this (?:article|page))?)\s*:/i,
  /\bfollow us on (?:instagram|twitter|facebook|telegram|x|mastodon|bluesky)\b/i,
  /^(?:related|more)(?: (?:articles?|stories|coverage|content|posts?|reading|links|news|videos?))?\s*:?$/i,
  /^(?:advertisement|advert|ad)\b.{0,40}\b(?:scroll|continue)|^(?:the )?(?:story|article|content|text) continues (?:below|after)\b/i,
  /^(?:leave a (?:reply|comment)|post a comment|comments? (?:are )?closed)\b/i,
  // Breadcrumbs written out: "Home > News > Local", "Home / News / Local".
  /^home\s*(?:[>/»›|]\s*[^>/»›|.!?]{1,40}){1,6}$/i,
  /^(?:posted|filed) (?:in|under)\b[^.!?]{0,120}(?:\||\btagged\b)/i,
  // Wire copy's credits: "(Reporting by …; Editing by …)", "Additional reporting by …".
  /^\(?(?:additional )?(?:reporting|writing|editing|research|compiled|produced|graphics|fact-checking) by\b.{0,200}$/i,
  /^follow\b.{0,60}\b(?:on|at) (?:twitter|x|facebook|instagram|mastodon|bluesky|threads|linkedin)\b/i,
  /^.{0,100}\b(?:sign up|subscribe)\b.{0,40}\bnewsletters?\b.{0,60}$/i,
  // A row of legal and site links written out as text: "Privacy Policy | Terms of Use".
  /^(?:(?:privacy(?: policy| notice| settings)?|terms(?: (?:of|and) (?:use|service|conditions))?|cookies?(?: policy| settings| preferences)?|accessibility(?: statement)?|contact(?: us)?|about(?: us)?|site ?map|careers|jobs|advertise(?: with us)?|do not sell(?: or share)? my (?:personal )?info(?:rmation)?|ad ?choices|help|faq|rss|newsletters?|corrections)(?:\s*[|·•,/]\s*|\s+|$)){2,}$/i,
  /^(?:don'?t miss|must read|most read|most popular|trending(?: now)?|editor'?s picks?|more stories|top stories|latest(?: news)?|in (?:other|related) news|recommended(?: reading| stories)?|(?:you )?might also like|more (?:on|about) this(?: story| topic)?)\s*:?$/i,
  /^(?:advert|advertisement|advertising|ad|ads|sponsored|sponsored (?:content|post|links?)|paid (?:post|content)|promoted|partner content)$/i,
  // What a page shows in place of a script-driven widget, and consent banners.
  /^[^.]{0,80}\b(?:requires|enable|turn on|needs) javascript\b[^.]{0,80}\.?$/i,
  /^(?:this|our) (?:web)?site uses cookies\b|\bwe use cookies\b.{0,200}$|\baccept (?:all )?cookies\b/i,
  // WordPress shortcodes a theme failed to render: "[button link=… type=…]".
  /^\[\/?[a-z][\w-]*(?:\s+[\w-]+=|\])/i,
  /^.{0,200}\b(?:click|tap) here\b.{0,40}\b(?:subscribe|subscription|issues|offer|deal|newsletter|sign up|download (?:our|the) app)\b.{0,100}$|^.{0,100}\b(?:subscribe|subscription|issues for)\b.{0,100}\b(?:click|tap) here\b.{0,100}$/i,
];

/** Appeals that only count as furniture above or below the article: in prose they are words. */
const OUTSIDE_BODY: RegExp[] = [
  /\b(?:donate|donation|donating)\b|\bpaypal\b|\bpatreon\b|\bbuy (?:us|me) a coffee\b/i,
  /\bplease support (?:the project|us|our work|our journalism|independent)/i,
  /\bbecome an? (?:member|patron|supporter|subscriber|sustaining member)\b/i,
  /\b(?:subscribe|sign up) (?:to|for|now|today)\b.*\b(?:newsletter|updates|list|mailing|channel|our)\b/i,
  /^(?:order (?:it )?directly|get your free copy|buy (?:the|this) book|available (?:now )?(?:on|at) amazon)\b/i,
];

/** `outsideBody`: the block sits in the page header or footer, where appeals are furniture too. */
export function isBoilerplate(text: string, outsideBody = false): boolean {
  return (
    ANYWHERE.some((re) => re.test(text)) ||
    (outsideBody && OUTSIDE_BODY.some((re) => re.test(text)))
  );
}

/** A line of nothing but decoration: "*", "* * *", "---", "• • •". */
export function isSeparator(text: string): boolean {
  return /^[*\-_=~•·#+\\\s]+$/.test(text) && !/^#{1,6}\s+\S/.test(text);
}

const TAXONOMY =
  /^(?:regions?|themes?|topics?|tags?|tagged|categor(?:y|ies)|filed under|sections?|keywords?|subjects?|in-depth reports?|countr(?:y|ies)|series|posted in)\s*:\s*(.+)$/i;

/** "Region: Asia" and friends: returns the label list, or null when the line is not taxonomy. */
export function taxonomyValues(text: string): string[] | null {
  const m = TAXONOMY.exec(text);
  if (!m?.[1]) return null;
  return m[1]
    .split(/\s*[,;|·•]\s*/)
    .map((s) => s.trim())
    .filter(Boolean);
}

const BYLINE =
  /^(?:by|written by|words by|story by|reporting by|posted by|authors?\s*:|author\(s\)\s*:)\s*(.+)$/i;

/** "By Jane Doe", not "By the end of 2018, …": a byline names someone, briefly. */
export function bylineText(text: string): string | null {
  if (text.length > 150) return null;
  const name = BYLINE.exec(text)?.[1]?.trim();
  if (!name || !/^[\p{Lu}\p{Lt}\d"“'‘[]/u.test(name) || name.split(/\s+/).length > 14) return null;
  // "By Monday, the talks had collapsed." is a sentence; "By Jane Doe Jr." is a byline.
  if (/[!?]$/.test(name) || (/\.$/.test(name) && !/\b(?:Jr|Sr|Dr|Ph\.D|[A-Z])\.$/.test(name)))
    return null;
  return name;
}

const BIO_ROLE =
  /\b(?:\p{L}+(?:ists?|ians?)|writer|author|journalist|editor|reporter|researcher|professor|analyst|correspondent|contributor|founder|director|fellow|columnist|scholar|lecturer|student|lawyer|teacher|candidate|consultant|commentator|blogger|filmmaker|photographer|producer|member|physician|doctor|officer|expert|veteran)s?\b/u;

/**
 * An author bio in a footer ("Jane Doe is a journalist based in…", "About the author").
 * `authors` are the byline's names: a paragraph that opens with one of them is its bio.
 */
export function isAuthorBio(text: string, authors: readonly string[] = []): boolean {
  if (/^about the authors?\b/i.test(text)) return true;
  const opening =
    /^((?:[A-Z][\p{L}.'’-]+\s+){1,5})(?:is|was|has been)\s+(?:an?|the|currently|also|now|one|headquartered|based|listed|owned|part)\b\s*([^.]{0,140})/u.exec(
      text,
    );
  if (!opening || text.length > 1200) return false;
  const name = opening[1]!.trim().toLowerCase();
  const byAuthor = authors.some(
    (a) => a.length > 2 && name.includes(a.toLowerCase().split(/\s+/).pop()!),
  );
  return byAuthor || BIO_ROLE.test(opening[2]!);
}
