import { hostOf } from '../../text/host.ts';
import type {
  CapturedImage,
  CslItem,
  CslName,
  OriginalSource,
  Paragraph,
  RightsNotice,
} from '../model.ts';
import { capturedImages, type PlacedImage } from '../images.ts';
import type { SourceDocument, StatedName } from '../document/types.ts';
import { isOrganisation, nameKey, parseByline, type NameContext } from '../names.ts';
import { readHeader } from './header.ts';
import { findBodyEnd, readBody, type BodyPart } from './body.ts';
import { noticesIn, sourceRange, type FoundNotice } from './notice-spans.ts';
import { readOriginalSource, copyrightHolder, licenceOf } from './notice-facts.ts';
import { paragraphOf, type Heading } from './paragraphs.ts';
import { viewOf, type BlockView } from './view.ts';
import { URL_LINE } from '../boilerplate.ts';
import { checkAuthor, checkDateParts, checkTitle, webUrlOrNull } from '../../validation/index.ts';

/** Everything the rules read from a document; hashing and the source record come later. */
export interface RuleArticle {
  csl: CslItem;
  originalSource: OriginalSource | null;
  keywords: string[];
  body: Paragraph[];
  headings: Heading[];
  /** The body's images in reading order, addresses resolved and checked. */
  images: CapturedImage[];
  rights: Omit<RightsNotice, 'sha256'>[];
  /** Dates the page wrote ambiguously (03/04/2021 with no language): the UI asks. */
  ambiguousDate: boolean;
}

/**
 * Reads an article from the blocks of any front end. General rules, not site rules: header.ts,
 * body.ts, furniture.ts and notices.ts say what each one looks at.
 */
export function readArticle(doc: SourceDocument, id: string, pageUrl: string | null): RuleArticle {
  const views = doc.blocks.map(viewOf);
  const html = doc.format === 'html';
  // An HTML page's article is what the extractor kept; the rest of the page is chrome, where
  // only notices are looked for.
  const article =
    html && views.some((v) => v.block.context?.inArticle) ? articleViews(views) : views;
  const header = readHeader(article, 0, { titleFromParagraphs: !html });
  const stated = doc.stated;
  const hostName = /^([^.]+)\./.exec(hostOf(stated.url ?? pageUrl ?? '') ?? '')?.[1] ?? null;
  const publishers = [stated.siteName, stated.publisher?.name, header.site, hostName].filter(
    (s): s is string => !!s && s.length > 2,
  );
  const bioNames = [
    ...header.bylines.flatMap(namesOf),
    ...(stated.authors ?? []).map((a) => a.name),
    ...publishers,
  ];
  const bodyEnd = findBodyEnd(article, header.bodyStart, article.length, bioNames);
  const body = readBody(article.slice(header.bodyStart, bodyEnd));
  const footer = article.slice(bodyEnd).flatMap((v) => noticesIn(v, true));
  const chrome = html && article !== views ? pageNotices(views, article) : [];
  const found = dedupe([...body.notices, ...footer, ...chrome]);
  const rights = found
    .map((n) => toNotice(n, doc))
    .filter((n): n is Omit<RightsNotice, 'sha256'> => n !== null)
    .sort((a, b) => a.start - b.start);

  const originalSource = readOriginalSource(found) ?? basedOn(stated.basedOn);
  const site = stated.siteName ?? header.site ?? null;
  const url = stated.url ?? statedUrl(views) ?? pageUrl;
  const context: NameContext = {
    organisations: [site, originalSource?.name, stated.publisher?.name].filter(
      (s): s is string => !!s,
    ),
  };
  const authors = readAuthors(stated.authors ?? [], [...header.bylines, ...body.bylines], context);
  const issued = stated.published?.parts ?? header.date?.parts ?? null;
  const title = stated.title ?? header.title;
  const keywords = unique([...(stated.keywords ?? []), ...header.keywords, ...body.keywords]);

  // What the page states goes in only when the shared rules (src-core/validation) take it, the
  // same rules the editor, the database and the CLI apply; anything else is left as a gap.
  const csl: CslItem = { id, type: 'webpage' };
  const titleVerdict = title ? checkTitle(title) : null;
  if (titleVerdict?.ok) csl.title = titleVerdict.value;
  const validAuthors = authors.filter((name) => checkAuthor(name).ok);
  if (validAuthors.length) csl.author = validAuthors;
  if (issued && checkDateParts(issued).ok) csl.issued = { 'date-parts': [issued] };
  const container = site ?? copyrightHolder(found, authors, context) ?? (url ? hostOf(url) : null);
  if (container) csl['container-title'] = container;
  if (url && webUrlOrNull(url)) csl.URL = url.trim();
  if (stated.accessed) csl.accessed = { 'date-parts': [stated.accessed.parts] };
  if (keywords.length) csl.keyword = keywords.join(', ');
  if (stated.language) csl.language = stated.language;
  const licence = licenceOf(found) ?? stated.license ?? null;
  if (licence) csl.license = licence;

  const numbered = numberParagraphs(body.paragraphs);
  const headings = body.headings.map((h) => ({
    text: h.view.flat,
    level: h.view.block.level ?? 2,
    before: h.before,
    start: h.view.block.start,
    end: h.view.block.end,
  }));
  const lead = html && article !== views ? leadFigures(views, article) : [];
  const placed = articleImages([...lead, ...article], lead.length + bodyEnd, body.paragraphs);
  const images = capturedImages(placed, doc.baseUrl ?? stated.url ?? pageUrl);
  return {
    csl,
    originalSource,
    keywords,
    body: numbered,
    headings,
    images,
    rights,
    ambiguousDate: stated.published ? !!stated.published.ambiguous : !!header.date?.ambiguous,
  };
}

/** Widgets whose pictures are never the article's (logos, avatars, thumbnails, share icons). */
const IMAGE_LANDMARKS = new Set([
  'nav',
  'header',
  'footer',
  'aside',
  'comments',
  'share',
  'related',
]);

/**
 * The figure images of the article, each with the number of body paragraphs before it: those
 * above the end of the body (the header's lead picture included) and those standing right
 * after its last paragraph, never the footer's or a widget's.
 */
function articleImages(
  article: readonly BlockView[],
  bodyEnd: number,
  paragraphs: readonly BodyPart[],
): PlacedImage[] {
  let end = bodyEnd;
  while (end < article.length && ['figure', 'caption'].includes(article[end]!.block.kind)) end++;
  const starts = paragraphs.map((p) => p.views[0]!.index);
  const placed: PlacedImage[] = [];
  let before = 0;
  for (const view of article.slice(0, end)) {
    const { block } = view;
    if (block.kind !== 'figure' || !block.images) continue;
    if (IMAGE_LANDMARKS.has(block.context?.landmark ?? '')) continue;
    while (before < starts.length && starts[before]! < view.index) before++;
    for (const image of block.images) placed.push({ image, before });
  }
  return placed;
}

/**
 * The lead picture the extractor left out: figures (with their captions) standing right above
 * the article's first block, outside any widget.
 */
function leadFigures(views: readonly BlockView[], article: readonly BlockView[]): BlockView[] {
  const first = article[0]?.index ?? 0;
  let start = first;
  while (start > 0 && ['figure', 'caption'].includes(views[start - 1]!.block.kind)) start--;
  return views.slice(start, first).filter((v) => v.block.kind === 'figure');
}

function inArticle(view: BlockView): boolean {
  return view.block.context?.inArticle === true;
}

/**
 * The extractor's blocks, plus the quotations and section headings it dropped from between
 * them: embedded posts, pull quotes and headings whose classes look like widgets are part of
 * the article.
 */
function articleViews(views: readonly BlockView[]): BlockView[] {
  const first = views.findIndex(inArticle);
  let last = views.length - 1;
  while (last > first && !inArticle(views[last]!)) last--;
  return views.filter(
    (v, i) =>
      inArticle(v) ||
      (i > first &&
        i < last &&
        (v.block.kind === 'quote' || v.block.kind === 'heading') &&
        (v.block.context?.linkDensity ?? 1) < 0.5 &&
        !['nav', 'comments', 'related', 'aside'].includes(v.block.context?.landmark ?? '')),
  );
}

/** Notices in the page around the article: its footer, mostly ("© 2021 Example Media"). */
function pageNotices(views: readonly BlockView[], article: readonly BlockView[]): FoundNotice[] {
  const last = article[article.length - 1]?.index ?? -1;
  return views
    .filter((v) => !inArticle(v) && v.index > last && v.block.kind === 'paragraph')
    .filter((v) => v.block.context?.linkDensity !== undefined && v.block.context.linkDensity < 0.8)
    .flatMap((v) => noticesIn(v, v.block.context?.landmark === 'footer'));
}

function dedupe(found: FoundNotice[]): FoundNotice[] {
  const seen = new Set<string>();
  return found.filter((n) => {
    const key = `${n.view.index}:${n.textStart}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function toNotice(found: FoundNotice, doc: SourceDocument): Omit<RightsNotice, 'sha256'> | null {
  const range = sourceRange(
    found.view.block,
    found.textStart,
    found.textEnd,
    doc.source,
    doc.format,
  );
  if (!range || range.end <= range.start) return null;
  return {
    kind: found.kind,
    text: doc.source.slice(range.start, range.end),
    start: range.start,
    end: range.end,
    display: found.view.block.text.slice(found.textStart, found.textEnd),
  };
}

function numberParagraphs(parts: readonly BodyPart[]): Paragraph[] {
  const seen = new Map<string, number>();
  return parts.map((part, i) => paragraphOf(part, i + 1, seen));
}

function readAuthors(
  stated: readonly StatedName[],
  bylines: string[],
  context: NameContext,
): CslName[] {
  const names = stated.length
    ? stated.map((n) => statedName(n, context)).filter((n): n is CslName => n !== null)
    : bylines.flatMap((b) => parseByline(b, context));
  const seen = new Set<string>();
  return names.filter((n) => !seen.has(nameKey(n)) && !!seen.add(nameKey(n)));
}

function statedName(name: StatedName, context: NameContext): CslName | null {
  if (name.type === 'organisation') return { literal: name.name };
  if (name.type === 'person') return parseByline(name.name, { organisations: [] })[0] ?? null;
  return isOrganisation(name.name, context)
    ? { literal: name.name }
    : (parseByline(name.name, context)[0] ?? null);
}

function basedOn(
  stated: { name: string | null; url: string | null } | undefined,
): OriginalSource | null {
  if (!stated) return null;
  const name = stated.name ?? (stated.url ? hostOf(stated.url) : null);
  return name ? { name, url: stated.url } : null;
}

function statedUrl(views: readonly BlockView[]): string | null {
  for (const view of views) {
    const m = URL_LINE.exec(view.flat);
    if (m?.[1]) return m[1];
  }
  return null;
}

/** The names in a byline, for recognising their bios ("Jane Doe is …"). */
function namesOf(byline: string): string[] {
  return parseByline(byline, { organisations: [] }).map((n) => n.literal ?? n.family ?? '');
}

function unique(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => !seen.has(v.toLowerCase()) && !!seen.add(v.toLowerCase()));
}
