import type { OutputFormat } from './types.ts';
import { decodeEntities } from '../text/entities.ts';

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"]/gu,
    (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[c]};`,
  );
}

/**
 * Text that stays text in Markdown: emphasis marks, inline HTML and autolinks (an author or a
 * title that reads "<script>…"), and link syntax ("[x](y)") are escaped, so a paste into a
 * Markdown editor cannot turn them into markup. Underscores stay: CommonMark does not read
 * them inside words, and URLs are full of them.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\*<]|\](?=\()/gu, '\\$&');
}

const MARKDOWN_MARKS: Record<string, string> = { i: '*', em: '*', b: '**', strong: '**' };

/**
 * Turns citeproc's inline HTML into the requested format. citeproc renders once, as HTML, and
 * text and Markdown are derived from it, so all three formats always say the same thing.
 * Only italics and bold survive into Markdown; spans (small caps, flip-flopped normal style
 * inside italics) have no Markdown form and are dropped.
 */
export function fromCiteprocHtml(html: string, format: OutputFormat): string {
  const inline = unwrapEntry(html).trim();
  if (format === 'html') return inline;
  let out = '';
  for (const m of inline.matchAll(/<(\/?)([a-z]+)[^>]*>|[^<]+/giu)) {
    const [token, closing, tag] = m;
    if (tag === undefined) {
      const text = decodeEntities(token);
      out += format === 'markdown' ? escapeMarkdown(text) : text;
      continue;
    }
    const mark = MARKDOWN_MARKS[tag.toLowerCase()];
    if (format === 'markdown' && mark) out += mark;
    else if (closing === '' && /^(?:br|div|p)$/iu.test(tag)) out += ' ';
  }
  return out.replace(/\s+/gu, ' ').trim();
}

/** citeproc wraps each bibliography entry in <div class="csl-entry">; callers get the inside. */
function unwrapEntry(html: string): string {
  const m = /^\s*<div\b[^>]*class="csl-entry"[^>]*>([\s\S]*)<\/div>\s*$/u.exec(html);
  return m ? (m[1] ?? '') : html;
}

/** Plain-text output (BibTeX) in the requested format. */
export function fromPlainText(text: string, format: OutputFormat): string {
  return format === 'html' ? escapeHtml(text) : text;
}
