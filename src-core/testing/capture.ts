import { parseHtml as parseWithLinkedom } from '../../src-main/cli/parse-html.ts';
import type { MediaType } from '../article/model.ts';
import { captureSource, type HtmlParser } from '../article/capture.ts';
import type { RuleArticle } from '../article/rules/article.ts';

// Test-only helpers (imported by *.test.ts files, never by src-core code).

/** Node's HTML parser for tests and the CLI: linkedom, standing in for the browser's DOMParser. */
export const parseHtml: HtmlParser = parseWithLinkedom;

/** Runs the whole capture (front end for the format, then the rules) as the CLI and app do. */
export function capture(
  text: string,
  mediaType: MediaType,
  url: string | null = null,
): RuleArticle {
  return captureSource(text, mediaType, { parseHtml, url, id: 'article' });
}
