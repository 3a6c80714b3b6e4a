import type {
  CslItem,
  CslName,
  MediaType,
  OriginalSource,
  Paragraph,
  RightsNotice,
} from './model.ts';
import { firstLinkUrl, flatText, plainText, splitBlocks, type Block } from './blocks.ts';
import { URL_LINE } from './boilerplate.ts';
import { field, readFrontMatter } from './front-matter.ts';
import { readHeader, titleText } from './header.ts';
import { findBodyEnd, noticeSpans, readBody, type NoticeSpan } from './sections.ts';
import { NAME_END, originalSourceText } from './notices.ts';
import { isOrganisation, nameKey, parseByline, type NameContext } from './names.ts';
import { parseDateValue } from './dates.ts';

/** Everything the parser reads from the text; hashing and the source record come later. */
export interface TextArticle {
  csl: CslItem;
  originalSource: OriginalSource | null;
  keywords: string[];
  body: Paragraph[];
  rights: Omit<RightsNotice, 'sha256'>[];
}

/**
 * Reads an article from plain text or Markdown (including Markdown flattened from a web page).
 * General rules, not site rules: see header.ts, sections.ts and notices.ts for each.
 */
export function parseTextArticle(text: string, _mediaType: MediaType, id = 'article'): TextArticle {
  const fm = readFrontMatter(text);
  const blocks = splitBlocks(text).filter((b) => b.start >= (fm?.end ?? 0));
  const header = readHeader(blocks);
  const bodyEnd = findBodyEnd(blocks, header.bodyStart, header.bylines.flatMap(bylineNames));
  const body = readBody(blocks.slice(header.bodyStart, bodyEnd));
  const footerNotices = blocks.slice(bodyEnd).flatMap((b) => noticeSpans(b, true));
  const spans = [...body.notices, ...footerNotices].sort((a, b) => a.start - b.start);
  const rights = spans.map((s: NoticeSpan) => ({
    kind: s.kind,
    text: text.slice(s.start, s.end),
    start: s.start,
    end: s.end,
  }));

  const originalSource = readOriginalSource(rights);
  const site =
    field(fm, 'site', 'site_name', 'sitename', 'publication', 'website')[0] ?? header.site ?? null;
  const url = field(fm, 'source', 'url', 'link', 'canonical')[0] ?? statedUrl(blocks);
  const context: NameContext = {
    organisations: [site, originalSource?.name].filter((s): s is string => !!s),
  };
  const authors = readAuthors(
    field(fm, 'author', 'authors', 'by'),
    [...header.bylines, ...body.bylines],
    context,
  );
  const fmDate = field(fm, 'published', 'date', 'created')[0];
  const issued = (fmDate && parseDateValue(fmDate)) || header.date?.parts || null;
  const fmTitle = field(fm, 'title')[0];
  const title = (fmTitle && titleText(plainText(fmTitle))) || header.title;
  const keywords = unique([...field(fm, 'tags', 'keywords'), ...header.keywords, ...body.keywords]);

  const csl: CslItem = { id, type: 'webpage' };
  if (title) csl.title = title;
  if (authors.length) csl.author = authors;
  if (issued) csl.issued = { 'date-parts': [issued] };
  const container = site ?? copyrightHolder(rights, authors, context) ?? (url ? hostOf(url) : null);
  if (container) csl['container-title'] = container;
  if (url && /^https?:\/\//i.test(url)) csl.URL = url;
  if (keywords.length) csl.keyword = keywords.join(', ');

  const paragraphs = body.paragraphs.map((p, i) => ({
    ...p,
    n: i + 1,
    id: paragraphId(i + 1, p.text),
  }));
  return { csl, originalSource, keywords, body: paragraphs, rights };
}

function readAuthors(frontMatter: string[], bylines: string[], context: NameContext): CslName[] {
  const names = frontMatter.length
    ? frontMatter
        .map((n) => (isOrganisation(n, context) ? { literal: n } : parseByline(n, context)[0]!))
        .filter(Boolean)
    : bylines.flatMap((b) => parseByline(b, context));
  const seen = new Set<string>();
  return names.filter((n) => !seen.has(nameKey(n)) && !!seen.add(nameKey(n)));
}

function readOriginalSource(
  rights: readonly { kind: string; text: string }[],
): OriginalSource | null {
  for (const notice of rights) {
    if (notice.kind !== 'republication') continue;
    const tail = originalSourceText(notice.text.split(/\r?\n/)[0]!);
    if (!tail) continue;
    // A name written as a link is exactly the link's label; otherwise read up to where it ends.
    const link = /^\[([^\]\n]+)\]\(([^)\s]*)\)/.exec(tail);
    const segment = link ? link[0] : tail.split(NAME_END)[0]!;
    const url = firstLinkUrl(segment) ?? /https?:\/\/[^\s)\]]+/.exec(segment)?.[0] ?? null;
    let name = flatText(plainText(segment))
      .replace(/[.,;:]+$/, '')
      .trim();
    if (/^https?:\/\//i.test(name)) name = hostOf(name) ?? name;
    if (name) return { name, url };
  }
  return null;
}

function statedUrl(blocks: readonly Block[]): string | null {
  for (const block of blocks) {
    const m = URL_LINE.exec(flatText(block.raw));
    if (m?.[1]) return m[1];
  }
  return null;
}

/** "© 2021 The Northern Review. All rights reserved." names the site when nothing else does. */
function copyrightHolder(
  rights: readonly { kind: string; text: string }[],
  authors: readonly CslName[],
  context: NameContext,
): string | null {
  const notice = rights.find((n) => n.kind === 'copyright');
  if (!notice) return null;
  const holder = flatText(notice.text)
    .replace(/\ball rights reserved\b.*$/i, '')
    .replace(/^(?:copyright|©|\(c\)|\s|\d{4}(?:\s*[-–]\s*\d{4})?|,)+/i, '')
    .replace(/[\s,.]*\d{4}[\s.]*$/, '')
    .replace(/[\s,.;]+$/, '')
    .trim();
  if (!holder || holder.includes(',') || holder.split(/\s+/).length > 8) return null;
  if (authors.some((a) => nameKey(a) === nameKey({ literal: holder }))) return null;
  return isOrganisation(holder, context) ? holder : null;
}

/** The names in a byline, for recognising their bios ("Jane Doe is …"). */
function bylineNames(byline: string): string[] {
  return parseByline(byline, { organisations: [] }).map((n) => n.literal ?? n.family ?? '');
}

function hostOf(url: string): string | null {
  return /^https?:\/\/(?:www\.)?([^/:?#]+)/i.exec(url)?.[1] ?? null;
}

function unique(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => !seen.has(v.toLowerCase()) && !!seen.add(v.toLowerCase()));
}

/** FNV-1a of the text: the id stays put while the paragraph does, and changes if its text does. */
function paragraphId(n: number, text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return `p${n}-${h.toString(16).padStart(8, '0')}`;
}
