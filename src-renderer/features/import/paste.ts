import { parseHtml } from '../../host/index.ts';
import type { BatchSource } from './batch.ts';
import { bytesSource } from './sources.ts';

/** What a paste carries: rich text (HTML) when the source offered it, and its plain text. */
export interface PastedContent {
  html: string | null;
  text: string;
}

/** Elements that give a page structure a plain-text copy would lose. */
const STRUCTURE =
  'p, h1, h2, h3, h4, h5, h6, ul, ol, li, blockquote, a[href], table, article, section, strong, em, b, i';

/**
 * The content of a paste (or drop) of text. Rich text wins when it has structure: paragraphs,
 * headings, lists, links, emphasis. HTML made only of styled boxes (what code editors put on the
 * clipboard along with a Markdown file's text) says less than the text itself, so then the text
 * is used. Null when the clipboard holds no text at all.
 */
export function clipboardContent(data: DataTransfer | null): PastedContent | null {
  if (!data) return null;
  const html = data.getData('text/html');
  const plain = data.getData('text/plain');
  if (html.trim()) {
    const page = parseHtml(html);
    if (page.body?.querySelector(STRUCTURE)) {
      return { html, text: plain || (page.body.textContent ?? '').trim() };
    }
  }
  return plain ? { html: null, text: plain } : null;
}

/**
 * Pasted rich text is imported like a saved web page, pasted plain text like a UTF-8 text file
 * (Markdown is recognised by its content either way).
 */
export function pastedContent({ html, text }: PastedContent): BatchSource {
  return bytesSource(
    'the pasted text',
    html !== null ? 'pasted.html' : 'pasted-text.txt',
    new TextEncoder().encode(html ?? text),
  );
}
