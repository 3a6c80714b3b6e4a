import type { BlockView } from './view.ts';

/**
 * What sharing, like and sign-up widgets leave behind when a page is flattened: their labels and
 * counters, alone or in rows ("Share", "Like 12", "Tweet", "0 Comments", "1.2K shares").
 */
const WIDGET_WORD =
  /^(?:share via \w+|share on \w+|share this(?: article| story| post| page)?|like this|print this(?: article| page| story)?|share|shares|shared|like|likes|liked|tweet|tweets|retweet|pin|pin it|email|e-mail|print|save|saved|copy|copy link|link copied|comment|comments|reply|follow|following|subscribe|subscribed|sign up|log in|login|sign in|register|loading|loading\.\.\.|more|menu|close|share this|share on \w+|facebook|twitter|x|linkedin|reddit|whatsapp|telegram|pinterest|flipboard|pocket|messenger|sms|mail|bookmark|gift|gift article|listen|play|pause|mute|read more|show more|see more|view comments|\d[\d.,]*\s*[kmb]?|\d[\d.,]*\s*[kmb]?\s+(?:shares?|likes?|comments?|views?|reads?))$/i;

/** A block made only of widget labels and counters. */
export function isWidgetText(view: BlockView): boolean {
  // "Share this:" and "Like this:" label the buttons that follow them.
  const flat = view.flat.replace(/:$/, '');
  if (flat.length > 120) return false;
  const parts = flat.split(/\s*[|·•,/]\s*|\s{2,}|\n/).filter(Boolean);
  if (!parts.length) return false;
  // "Share Tweet Email" without separators: every word a widget label.
  const words = parts.length === 1 ? splitWords(flat) : parts;
  return words.every((w) => WIDGET_WORD.test(w.trim()));
}

function splitWords(text: string): string[] {
  const words = text.split(' ');
  // Two-word labels ("Copy link", "Sign up") are tried before single words.
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    // Three-word labels ("Share on Facebook") before two-word ones before single words.
    let taken = 1;
    for (const n of [3, 2]) {
      if (i + n <= words.length && WIDGET_WORD.test(words.slice(i, i + n).join(' '))) {
        taken = n;
        break;
      }
    }
    out.push(words.slice(i, i + taken).join(' '));
    i += taken - 1;
  }
  return out;
}

const CREDIT =
  /^(?:(?:photo|image|picture|video|illustration|graphic|credit|source)s?\b.{0,120}$|.{0,120}\b(?:getty images|afp|reuters|associated press|ap photo|shutterstock|istock|alamy|epa|pa images|pa wire)\)?\.?$)/i;

/** A photo caption ends with its credit: "… Photographer: Jane Doe/Bloomberg via Getty Images". */
const CREDIT_TAIL =
  /(?:\((?:[A-Z]{2,8} )?(?:image|photo|picture|video|credit|source|illustration)s?\s*[:/]\s*[^()]{1,80}\)\.?|\b(?:photographer|photo|image|picture|credit|source)s?\s*:\s*[^.:]{1,80}|\b(?:via|\/|\|)\s*(?:getty images|afp|reuters|ap|shutterstock|istock|alamy|epa|bloomberg)\b[^.]{0,10})$/i;

/**
 * HTML evidence that a block is page furniture rather than the article's prose: it sits in a
 * share, related, comments or navigation widget, is mostly links, or is a photo credit.
 */
export function isPageFurniture(view: BlockView): boolean {
  const context = view.block.context;
  if (!context) return false;
  const { flat } = view;
  const landmark = context.landmark;
  // An embedded post (a quoted tweet) often sits in a "social" wrapper: it is still a quote.
  if (landmark === 'share' && view.block.kind !== 'quote') return true;
  if (landmark === 'comments' || landmark === 'nav') return true;
  // Teasers and "most read" boxes that an extractor left inside the article.
  if (
    (landmark === 'related' || landmark === 'aside') &&
    (context.linkDensity > 0.3 || flat.length < 250)
  )
    return true;
  if (context.linkDensity > 0.5 && flat.length < 200) return true;
  if (context.linkDensity > 0.7) return true;
  if (flat.length < 160 && CREDIT.test(flat) && !/[.!?]["”’]?$/.test(flat.replace(/\)\.?$/, '')))
    return true;
  if (flat.length < 700 && CREDIT_TAIL.test(flat)) return true;
  return false;
}

/** "Updated at 1:23 p.m.", "Posted Nov 18, 8:19 PM", "Published 3 hours ago": a stamp, not prose. */
const TIMESTAMP =
  /^(?:(?:page )?(?:last )?(?:updated|posted|published|modified|reviewed|first published)\b|(?:\d{1,2}:\d{2}|\d+ (?:minutes?|hours?|days?) ago))(?:[^.!?]|\b[ap]\.m\.?){0,100}$/i;

export function isTimestampLine(view: BlockView): boolean {
  const { flat } = view;
  if (flat.length > 110 || view.lines.length > 2) return false;
  return TIMESTAMP.test(flat) && /\d/.test(flat);
}

/**
 * How to reach the author or the newsroom, below an article: "Have a tip? Jane Doe may be
 * reached at …", "Follow her on Twitter @jane", "Contact the author: …".
 */
const CONTACT =
  /^(?:have a (?:news )?tip\b|got a (?:news )?tip\b|(?:contact|email|e-mail|reach) (?:the )?(?:author|reporter|writer|newsroom|us)\b|follow (?:him|her|them|me|us|the author)\b)|\b(?:may|can) be (?:reached|contacted|emailed) (?:at|by|on|via)\b/i;

export function isContactLine(view: BlockView): boolean {
  return view.flat.length < 400 && CONTACT.test(view.flat);
}
