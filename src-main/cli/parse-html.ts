/** The CLI reads pages with the same linkedom parser as the app's capture worker. */
export { parseHtmlWithLinkedom as parseHtml } from '../../src-core/article/html/linkedom-parser.ts';
