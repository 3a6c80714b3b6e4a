import type { StatedMetadata, StatedName } from '../document/types.ts';
import { NameList, namesOf } from './authors.ts';
import { allOf, firstOf, type Candidate } from './candidates.ts';
import { readPageElements } from './elements.ts';
import { readJsonLd, type JsonLdFacts } from './json-ld.ts';
import { normalizeLanguage } from './language.ts';
import { dublinCore, MetaTags } from './meta-tags.ts';
import { chooseStatedDate } from './stated-date.ts';
import { cleanTitle, onlyNamesSite, siteOf, untruncatedTitle, usableTitle } from './title.ts';
import { httpUrl, isUrlLike, plainText, splitKeywords } from './text.ts';
import { parselyJson, yoastWrittenBy } from './vendor-tags.ts';
import { forgetTags } from './tag-index.ts';

/**
 * Reads what an HTML page states about itself — Highwire `citation_*` tags, JSON-LD, Dublin
 * Core, OpenGraph and `article:*`, Parse.ly and Sailthru tags, plain `<meta>`, and a few
 * elements (`<time>`, `<link rel=canonical|license>`, `<html lang>`, `<title>`) — and picks one
 * value per field by a fixed precedence (README.md beside this file). `sources` records where
 * each chosen value came from. Never throws; every value is plain text.
 */
export function readStatedMetadata(
  doc: Document,
  options: { url?: string | null } = {},
): StatedMetadata {
  try {
    return read(doc, options.url ?? null);
  } catch {
    // Hostile input the readers below did not foresee: state nothing rather than fail capture.
    return {};
  } finally {
    forgetTags(doc);
  }
}

type Field = keyof Omit<StatedMetadata, 'sources'>;

function attempt<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

function read(doc: Document, pageUrl: string | null): StatedMetadata {
  const meta = attempt(() => MetaTags.read(doc), new MetaTags());
  const dc = attempt(() => dublinCore(meta), new Map<string, string[]>());
  const page = attempt(() => readPageElements(doc), null);
  const givenUrl = httpUrl(pageUrl);
  const clipperUrl = httpUrl(page?.clipper.url) ?? httpUrl(meta.first('savepage-url')) ?? null;
  const baseUrl = httpUrl(page?.base, givenUrl ?? clipperUrl) ?? givenUrl ?? clipperUrl;
  const ld: JsonLdFacts = attempt(() => readJsonLd(doc, baseUrl), { authors: [] });
  const parsely = parselyJson(meta);

  const out: StatedMetadata = {};
  const sources: NonNullable<StatedMetadata['sources']> = {};
  const set = <F extends Field>(field: F, value: StatedMetadata[F], from: string): void => {
    out[field] = value;
    sources[field] = from;
  };
  const dcAll = (...elements: string[]): Candidate[] =>
    elements.flatMap((e) => (dc.get(e) ?? []).map((value) => ({ value, from: `dc.${e}` })));
  const metaAll = (...names: string[]): Candidate[] =>
    names.flatMap((n) => meta.all(n).map((value) => ({ value, from: n })));

  // Language first: it decides how numeric dates read. A bare language ("en") takes the region
  // of a later source that agrees with it ("en-AU" on <html>): the region says how dates read.
  const languages = allOf(
    [
      ...metaAll('citation_language'),
      { value: ld.language?.value, from: 'json-ld inLanguage' },
      ...dcAll('language'),
      { value: page?.lang, from: 'html lang' },
      ...metaAll('content-language', 'og:locale'),
    ],
    normalizeLanguage,
  );
  const language =
    languages[0] && !languages[0].value.includes('-')
      ? (languages.find((l) => l.value.startsWith(`${languages[0]!.value}-`)) ?? languages[0])
      : languages[0];
  if (language) set('language', language.value, language.from);
  const lang = language?.value ?? null;

  // The address. A stated address on another site than the one the page was captured from is
  // a syndication canonical pointing at the original: it is not this page's address.
  const sameSite = (url: string): boolean =>
    !givenUrl || siteOf(new URL(url).hostname) === siteOf(new URL(givenUrl).hostname);
  const urlCandidates: Candidate[] = [
    ...(page?.canonical ?? []).map((value) => ({ value, from: 'link rel=canonical' })),
    ...metaAll(
      'og:url',
      'citation_public_url',
      'citation_abstract_html_url',
      'citation_fulltext_html_url',
    ),
    { value: ld.url?.value, from: ld.url?.from ?? 'json-ld url' },
    ...dcAll('identifier'),
    { value: parsely.link, from: 'parsely-page link' },
  ];
  const statedUrls = urlCandidates
    .map((c) => ({ value: httpUrl(c.value, baseUrl), from: c.from }))
    .filter((c): c is { value: string; from: string } => c.value !== null);
  const ownUrls = statedUrls.filter((c) => sameSite(c.value));
  const fallbackUrls = [
    { value: clipperUrl, from: page?.clipper.from ?? 'savepage-url' },
    { value: httpUrl(meta.first('source-url')), from: 'source-url' },
    { value: givenUrl, from: 'capture address' },
  ].filter((c): c is { value: string; from: string } => Boolean(c.value));
  // A site's root is never an article's address (a misconfigured canonical), unless it is all
  // there is.
  const urls = [...ownUrls, ...fallbackUrls];
  const url = urls.find((c) => new URL(c.value).pathname.length > 1) ?? urls[0];
  if (url) set('url', url.value, url.from);
  const host = url ? new URL(url.value).hostname : givenUrl ? new URL(givenUrl).hostname : null;

  // Authors: the first source that names anyone, all of its names. JSON-LD's @type carries
  // over to the same name stated by another source (Highwire's "Doe, Jane" included).
  const ldNames = new NameList();
  for (const a of ld.authors) ldNames.add(a.name, a.type, true);
  const authorTiers: (() => { names: StatedName[]; from: string } | null)[] = [
    () =>
      namesOf(
        [
          ...metaAll('citation_author'),
          // The deprecated plural tag lists everyone, separated by semicolons.
          ...metaAll('citation_authors'),
        ],
        ldNames,
        false,
      ),
    () => (ldNames.names.length ? { names: ldNames.names, from: 'json-ld author' } : null),
    () => namesOf(dcAll('creator'), ldNames, false),
    () => namesOf(metaAll('article:author'), ldNames, true),
    () =>
      namesOf(
        [
          ...metaAll('parsely-author'),
          ...parsely.authors.map((value) => ({ value, from: 'parsely-page author' })),
          ...metaAll('sailthru.author'),
        ],
        ldNames,
        true,
      ),
    () => namesOf([...metaAll('author', 'byl'), ...yoastWrittenBy(meta)], ldNames, true),
  ];
  for (const tier of authorTiers) {
    const found = tier();
    if (found) {
      set('authors', found.names, found.from);
      break;
    }
  }
  const authorNames = (out.authors ?? []).map((a) => a.name);

  // The site: a journal's title is the container a citation needs; then the site's own name.
  const siteCandidates: Candidate[] = [
    ...metaAll('citation_journal_title', 'citation_conference_title', 'citation_inbook_title'),
    ...metaAll('og:site_name'),
    { value: ld.siteName?.value, from: 'json-ld WebSite name' },
    { value: ld.publisher?.value.name, from: 'json-ld publisher' },
    ...metaAll('application-name', 'apple-mobile-web-app-title'),
  ];
  const site = firstOf(siteCandidates, (v) => (isUrlLike(v) ? null : v));
  if (site) set('siteName', site.value, site.from);

  // Publisher: JSON-LD's type carries over to the same name stated elsewhere.
  const ldPublisher = ld.publisher?.value ?? null;
  const publisher = firstOf<StatedName>(
    [
      ...metaAll('citation_publisher'),
      { value: ldPublisher?.name, from: 'json-ld publisher' },
      ...dcAll('publisher'),
      ...metaAll('publisher'),
    ],
    (v) => {
      if (isUrlLike(v)) return null;
      const type = ldPublisher && sameName(ldPublisher.name, v) ? ldPublisher.type : null;
      return { name: v, type };
    },
  );
  if (publisher) set('publisher', publisher.value, publisher.from);

  // Title.
  const known = {
    siteName: site?.value ?? null,
    siteNames: [
      ...siteCandidates.map((c) => c.value),
      ...metaAll('citation_publisher').map((c) => c.value),
      ...dcAll('publisher').map((c) => c.value),
    ],
    host,
    authors: authorNames,
    headings: page?.headings ?? [],
    soleH1: page?.soleH1 ?? null,
  };
  const titleElement = { value: page?.title ? plainText(page.title) : null, from: 'title element' };
  const titleCandidates = [
    ...metaAll('citation_title'),
    jsonLdTitle(ld, [
      ...metaAll('og:title', 'twitter:title'),
      titleElement,
      ...known.headings.map((value) => ({ value, from: 'heading' })),
    ]),
    // Dublin Core, like Highwire, is bibliographic metadata stated on purpose; OpenGraph and
    // Twitter titles are written for link previews.
    ...dcAll('title'),
    ...metaAll('og:title', 'twitter:title', 'parsely-title'),
    { value: parsely.title, from: 'parsely-page title' },
    ...metaAll('sailthru.title'),
    titleElement,
  ]
    .map((c) => ({ value: c.value ? cleanTitle(c.value, known) : '', from: c.from }))
    // Past the length cap, or still holding a tag, a title is not used: the next source is.
    .filter((c) => usableTitle(c.value));
  // A source that states only the site's name gives way to one that names the article.
  const articleTitles = titleCandidates.filter((c) => !onlyNamesSite(c.value, known));
  const title = untruncatedTitle(articleTitles.length ? articleTitles : titleCandidates);
  if (title) set('title', title.value, title.from);

  // Dates.
  const times = page?.times ?? [];
  const published = chooseStatedDate(
    [
      ...metaAll('citation_publication_date', 'citation_date', 'citation_online_date'),
      { value: ld.published?.value, from: ld.published?.from ?? 'json-ld datePublished' },
      ...dcAll('date.issued', 'issued', 'date.published', 'date', 'date.created', 'created'),
      ...metaAll('article:published_time', 'og:published_time', 'og:article:published_time'),
      ...metaAll('parsely-pub-date'),
      { value: parsely.published, from: 'parsely-page pub_date' },
      ...metaAll('sailthru.date'),
      ...metaAll(
        'datepublished',
        'date',
        'pubdate',
        'publishdate',
        'publish-date',
        'publish_date',
        'publication_date',
        'publication-date',
        'article.published',
        'article_date_original',
        'original-publish-date',
      ),
      ...times.filter((t) => t.role === 'published'),
      ...times.filter((t) => t.role === null),
    ],
    lang,
  );
  if (published) set('published', published, published.from);
  const modified = chooseStatedDate(
    [
      { value: ld.modified?.value, from: ld.modified?.from ?? 'json-ld dateModified' },
      ...dcAll('date.modified', 'modified'),
      ...metaAll('article:modified_time', 'og:updated_time', 'parsely-updated-date'),
      ...metaAll('datemodified', 'last-modified', 'lastmod', 'revised'),
      ...times.filter((t) => t.role === 'modified'),
    ],
    lang,
  );
  if (modified) set('modified', modified, modified.from);
  // A clipper's saved or created date is when the page was accessed, never when it appeared.
  const accessed = chooseStatedDate(
    [
      { value: page?.clipper.savedDate, from: page?.clipper.from ?? 'SingleFile comment' },
      ...metaAll('savepage-date', 'saved-date', 'clipped-date', 'created'),
    ],
    lang,
  );
  if (accessed) set('accessed', accessed, accessed.from);

  // Keywords: the first source that has any.
  const keywordTiers: Candidate[][] = [
    metaAll('citation_keywords'),
    ld.keywords ? ld.keywords.value.map((value) => ({ value, from: ld.keywords!.from })) : [],
    dcAll('subject'),
    metaAll('article:tag'),
    [
      ...metaAll('parsely-tags'),
      ...parsely.tags.map((value) => ({ value, from: 'parsely-page tags' })),
      ...metaAll('sailthru.tags'),
    ],
    metaAll('keywords', 'news_keywords'),
  ];
  for (const tier of keywordTiers) {
    const keywords = splitKeywords(tier.map((c) => c.value ?? ''));
    if (keywords.length) {
      set('keywords', keywords, tier[0]!.from);
      break;
    }
  }

  const description = firstOf(
    [
      { value: ld.description?.value, from: ld.description?.from ?? 'json-ld description' },
      ...dcAll('description'),
      ...metaAll('og:description', 'description', 'twitter:description'),
    ],
    (v) => v,
  );
  if (description) set('description', description.value, description.from);

  const license = firstOf(
    [
      { value: ld.license?.value, from: 'json-ld license' },
      ...(page?.licenseLinks ?? []).map((value) => ({ value, from: 'link rel=license' })),
      ...dcAll('license'),
      ...dcAll('rights').filter((c) => c.value && looksLikeLicence(c.value)),
      ...(page?.licenseAnchors ?? []).map((value) => ({ value, from: 'a rel=license' })),
    ],
    (v) => (isUrlLike(v) ? httpUrl(v, baseUrl) : plainText(v) || null),
  );
  if (license) set('license', license.value, license.from);

  // The work this page republishes.
  const ownAddress = url?.value ?? givenUrl;
  const basedOn =
    ld.basedOn && ld.basedOn.value.url !== ownAddress
      ? { value: ld.basedOn.value, from: ld.basedOn.from }
      : firstOf(
          [
            ...metaAll('original-source', 'syndication-source'),
            ...statedUrls
              .filter((c) => c.from === 'link rel=canonical' && !sameSite(c.value))
              .map((c) => ({ value: c.value, from: 'link rel=canonical (another site)' })),
          ],
          (v) => {
            const address = httpUrl(v, baseUrl);
            return address && address !== ownAddress ? { name: null, url: address } : null;
          },
        );
  if (basedOn) set('basedOn', basedOn.value, basedOn.from);

  if (Object.keys(sources).length) out.sources = sources;
  return out;
}

const sameName = (a: string, b: string): boolean =>
  a.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '') ===
  b.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

const looksLikeLicence = (value: string): boolean =>
  isUrlLike(value) ||
  /licen[cs]e|public domain|creative commons|\bCC[ -](?:BY|0)\b|\bCC0\b/i.test(value);

/**
 * JSON-LD's title: `headline`, unless the node also has a different `name` and only the name
 * appears in the page's other titles (Wikipedia's `headline` is the article's one-line
 * description; its `name` is the title).
 */
function jsonLdTitle(ld: JsonLdFacts, others: Candidate[]): Candidate {
  const { headline, name } = ld;
  if (!headline || !name || headline.value === name.value) {
    const chosen = headline ?? name;
    return { value: chosen?.value, from: chosen?.from ?? 'json-ld headline' };
  }
  const seen = (value: string): boolean =>
    others.some((o) => Boolean(o.value?.toLowerCase().includes(value.toLowerCase())));
  return !seen(headline.value) && seen(name.value) ? name : headline;
}
