import type { HtmlParser } from '../../src-core/article/capture.ts';
import { parseHtmlWithLinkedom } from '../../src-core/article/html/linkedom-parser.ts';

/**
 * The parser for untrusted HTML on the UI thread (the main-thread capture, a paste): linkedom,
 * as in the capture worker and the CLI, never the browser's DOMParser. A DOMParser document
 * runs nothing, but Chromium ties it to the app's window: every inline handler and <base> of a
 * hostile page is checked against the app's CSP as it is parsed (214 refusals for the XSS
 * corpus, ADR 0016). A linkedom document belongs to no window, so a page's markup never
 * reaches the app's execution context at all.
 */
export const parseHtml: HtmlParser = parseHtmlWithLinkedom;
