import type { CitableArticle, CitationEngine, OutputFormat } from '../citation/index.ts';
import type { Formatted, LocatorScheme, ParagraphSpan } from './types.ts';

/** What a locator needs of a heading (article/model.ts Heading). */
export interface SectionHeading {
  text: string;
  /** How many body paragraphs come before it. */
  before: number;
}

/**
 * Headings longer than this are not cited as section names: APA 7 §8.28 would want a short
 * title in quotation marks, and a machine-cut one could misquote the heading; whole-article
 * paragraph numbers, which §8.28 also accepts, stay unambiguous.
 */
export const MAX_SECTION_HEADING = 80;

/** The locator to hand the engine, and the section it counts within (null: whole article). */
export interface LocatorChoice {
  /** "para. 5", "paras. 4-5": CSL turns the hyphen into an en dash and picks the style's term. */
  engineLocator: string;
  /** The heading to print as "<heading> section, " before the paragraph locator, or null. */
  section: string | null;
}

const paragraphs = (first: number, last: number): string =>
  first === last ? `para. ${first}` : `paras. ${first}-${last}`;

/** The heading as cited: one line, without a closing colon or full stop ("Symptoms:"). */
function sectionName(text: string): string | null {
  // Long headings are refused before any pattern runs over them.
  if (text.length > MAX_SECTION_HEADING * 4) return null;
  let name = text.replace(/\s+/gu, ' ').trim();
  while (name.endsWith(':') || name.endsWith('.') || name.endsWith(' ')) name = name.slice(0, -1);
  return name && name.length <= MAX_SECTION_HEADING ? name : null;
}

/** The last heading before paragraph n (one with fewer than n paragraphs before it). */
function headingOf(n: number, headings: readonly SectionHeading[]): SectionHeading | null {
  let found: SectionHeading | null = null;
  for (const h of headings) if (h.before < n && (!found || h.before >= found.before)) found = h;
  return found;
}

/**
 * The locator for a quote. 'section' counts paragraphs within the quote's section (APA 7 §8.28,
 * "Symptoms section, para. 2") when the whole quote lies under one usable heading; a quote
 * before the first heading, across two sections, or under an empty or overlong heading is
 * numbered through the whole article instead, as is every quote with 'paragraph'.
 */
export function chooseLocator(
  span: ParagraphSpan,
  headings: readonly SectionHeading[],
  scheme: LocatorScheme = 'paragraph',
): LocatorChoice {
  const whole = { engineLocator: paragraphs(span.firstN, span.lastN), section: null };
  if (scheme !== 'section') return whole;
  const heading = headingOf(span.firstN, headings);
  if (!heading || heading !== headingOf(span.lastN, headings)) return whole;
  const section = sectionName(heading.text);
  if (!section) return whole;
  return {
    engineLocator: paragraphs(span.firstN - heading.before, span.lastN - heading.before),
    section,
  };
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/gu, (c) => `&#${c.charCodeAt(0)};`);

/** Markdown punctuation that could start markup, escaped so the heading stays text. */
const escapeMarkdown = (text: string): string => text.replace(/[\\`*_[\]<>&#|~!]/gu, '\\$&');

const sectionLabel: Record<OutputFormat, (name: string) => string> = {
  text: (name) => `${name} section, `,
  markdown: (name) => `${escapeMarkdown(name)} section, `,
  html: (name) => `${escapeHtml(name)} section, `,
};

/**
 * Where the style printed the locator: the part of `withLocator` that `bare` (the same
 * citation without one) lacks, less the separators around it. Empty (start === end) when the
 * style prints no locator (Vancouver's "(1)").
 */
export function locatorRange(bare: string, withLocator: string): { start: number; end: number } {
  let start = 0;
  while (start < bare.length && bare[start] === withLocator[start]) start++;
  let tail = 0;
  const room = Math.min(bare.length, withLocator.length) - start;
  while (tail < room && bare[bare.length - 1 - tail] === withLocator[withLocator.length - 1 - tail])
    tail++;
  let end = withLocator.length - tail;
  while (start < end && /[\s,;:]/u.test(withLocator[start]!)) start++;
  while (end > start && /[\s,;:]/u.test(withLocator[end - 1]!)) end--;
  return { start, end };
}

const FORMATS: readonly OutputFormat[] = ['text', 'markdown', 'html'];

/**
 * The in-text citation (or note) of a quote in all three formats, and the locator as the style
 * printed it. CSL has no "section" label, so a section locator is the paragraph locator the
 * style printed with "<heading> section, " put right before it. Only author-date styles
 * locate by section (APA's rule); the others number through the whole article.
 */
export function citeQuote(
  engine: CitationEngine,
  article: CitableArticle,
  styleId: string,
  span: ParagraphSpan,
  headings: readonly SectionHeading[],
  scheme: LocatorScheme = 'paragraph',
): { inText: Formatted; locator: string } {
  const kind = engine.styles().find((s) => s.id === styleId)?.kind;
  const choice = chooseLocator(span, headings, kind === 'author-date' ? scheme : 'paragraph');
  const out = { text: '', markdown: '', html: '' };
  let locator = '';
  for (const format of FORMATS) {
    const cited = engine.inText(article, styleId, { locator: choice.engineLocator }, format);
    const { start, end } = locatorRange(engine.inText(article, styleId, {}, format), cited);
    const printed = start < end;
    const label = printed && choice.section ? sectionLabel[format](choice.section) : '';
    out[format] = cited.slice(0, start) + label + cited.slice(start);
    if (format === 'text') locator = printed ? label + cited.slice(start, end) : '';
  }
  // A style that prints no locator still gets one for the reader: the engine's own spelling.
  if (!locator) {
    const section = choice.section ? sectionLabel.text(choice.section) : '';
    locator = section + choice.engineLocator.replace('-', '–');
  }
  return { inText: out, locator };
}
