import { captureSource } from '../article/capture.ts';
import type { Span } from '../article/document/types.ts';
import type { Paragraph } from '../article/model.ts';
import type { RuleArticle } from '../article/rules/article.ts';
import { parseHtml } from './capture.ts';
import { readFixture } from './fixtures.ts';

// Test-only helpers for the whole-page capture tests (imported by *.test.ts files only).

export interface CapturedPage {
  html: string;
  article: RuleArticle;
}

/**
 * Captures HTML as the CLI does: linkedom (through the CLI's parser, which gives a fragment the
 * `<html><body>` a browser's DOMParser would) and the whole rule pipeline.
 */
export function captureHtml(html: string, url: string | null = null): RuleArticle {
  return captureSource(html, 'text/html', { parseHtml, url, id: 'article' });
}

/** A page of `test-fixtures/pages/`, captured. */
export function capturePage(name: string, url: string | null = null): CapturedPage {
  const html = readFixture(`pages/${name}`);
  return { html, article: captureHtml(html, url) };
}

export const paragraphTexts = (article: RuleArticle): string[] => article.body.map((p) => p.text);

/**
 * A tag or a character reference left undecoded: never part of what a reader is shown. (Only
 * real tag and entity names: "<This" after a stray "<", or "&midddot;", is text a page shows.)
 */
const SYNTAX =
  /<\/?(?:a|abbr|b|br|cite|code|div|em|font|i|mark|p|small|span|strong|sub|sup|time|u)\b[^<>]*>|&(?:amp|lt|gt|quot|apos|nbsp|copy|reg|middot|mdash|ndash|hellip|[lr]squo|[lr]dquo|#\d+|#x[\da-f]+);/i;

export interface ExactnessOptions {
  /** Spans with a known defect that has a test of its own. */
  tolerate?: (paragraph: Paragraph, span: Span) => boolean;
  /**
   * Also check that no notice's display shows a tag or an undecoded reference (default true).
   * Off for random inputs, where a page may well show "&nbsp;" as text ("&n</a>bsp;").
   */
  display?: boolean;
}

/**
 * Everything that breaks the capture's exactness promises, as readable lines (empty when none):
 * a notice's text is exactly `source.slice(start, end)` and its display carries no syntax; every
 * verbatim span of a paragraph copies its source character for character and every span stays
 * inside the source.
 */
export function exactnessProblems(
  source: string,
  article: RuleArticle,
  options: ExactnessOptions = {},
): string[] {
  const { tolerate = () => false, display = true } = options;
  const problems: string[] = [];
  article.rights.forEach((notice, i) => {
    if (!(notice.start >= 0 && notice.start < notice.end && notice.end <= source.length))
      problems.push(`notice ${i}: range [${notice.start}, ${notice.end}) outside the source`);
    if (notice.text !== source.slice(notice.start, notice.end))
      problems.push(`notice ${i}: text is not source.slice(start, end)`);
    if (display && SYNTAX.test(notice.display)) problems.push(`notice ${i}: display shows markup`);
  });
  for (const paragraph of article.body)
    problems.push(...spanProblems(source, paragraph, (span) => tolerate(paragraph, span)));
  return problems;
}

function spanProblems(
  source: string,
  paragraph: Paragraph,
  tolerate: (span: Span) => boolean,
): string[] {
  const problems: string[] = [];
  for (const s of paragraph.spans) {
    if (tolerate(s)) continue;
    const where = `paragraph ${paragraph.n}, span at text ${s.text}`;
    if (s.source < 0 || s.source + s.sourceLength > source.length)
      problems.push(`${where}: outside the source`);
    if (s.text < 0 || s.text + s.textLength > paragraph.text.length)
      problems.push(`${where}: outside the paragraph's text`);
    if (
      s.textLength === s.sourceLength &&
      paragraph.text.slice(s.text, s.text + s.textLength) !==
        source.slice(s.source, s.source + s.sourceLength)
    )
      problems.push(`${where}: verbatim span differs from its source`);
  }
  return problems;
}

/** The furniture strings that some body paragraph contains, as "n: string". */
export function furnitureInBody(article: RuleArticle, furniture: readonly string[]): string[] {
  return article.body.flatMap((p) =>
    furniture.filter((f) => p.text.includes(f)).map((f) => `${p.n}: ${f}`),
  );
}

/**
 * Each heading with the first four words of the paragraph that follows it (null at the end): a
 * heading is shown between paragraphs and never takes a number of its own.
 */
export function headingsWithNext(article: RuleArticle): [string, string | null][] {
  return article.headings.map((h) => [h.text, firstWords(article.body[h.before]?.text)]);
}

function firstWords(text: string | undefined): string | null {
  return text === undefined ? null : text.split(/\s+/).slice(0, 4).join(' ');
}

/** True when `wanted` appear in `texts` in this order (other paragraphs may stand between). */
export function inOrder(texts: readonly string[], wanted: readonly string[]): boolean {
  let at = 0;
  for (const text of texts) if (text === wanted[at]) at++;
  return at === wanted.length;
}
