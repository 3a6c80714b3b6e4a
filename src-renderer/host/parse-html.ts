import type { HtmlParser } from '../../src-core/article/capture.ts';

/**
 * The browser's HTML parser, handed to the core's importer. A DOMParser document is inert: it
 * never runs scripts, loads images or styles, or fetches anything, so untrusted pages are safe
 * to parse here.
 */
export const parseHtml: HtmlParser = (html) => new DOMParser().parseFromString(html, 'text/html');
