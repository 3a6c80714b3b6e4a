import { PARAGRAPH_BREAK } from './display-text.ts';
import type {
  Excerpt,
  ExcerptDocument,
  ExcerptFormat,
  ExcerptNotice,
  ExcerptSource,
} from './types.ts';

/**
 * Annotated excerpts as text, Markdown or an HTML fragment for the clipboard. Every format says
 * the same things in the same order: per source (in order of first appearance) its excerpts
 * (quote, citation, note, tags, quote hash), then its reference, its rights notices verbatim
 * and the source hash. Quotes, notes, tags and notices are data: escaped, never markup.
 */

/** The excerpts grouped by source, sources in order of first appearance. */
export function groupBySource(
  excerpts: readonly Excerpt[],
): { source: ExcerptSource; excerpts: Excerpt[] }[] {
  const groups = new Map<string, { source: ExcerptSource; excerpts: Excerpt[] }>();
  for (const excerpt of excerpts) {
    const key = `${excerpt.source.id}\u0000${excerpt.source.sourceSha256}`;
    const group = groups.get(key) ?? { source: excerpt.source, excerpts: [] };
    group.excerpts.push(excerpt);
    groups.set(key, group);
  }
  return [...groups.values()];
}

const KIND_LABELS: Record<string, string> = {
  copyright: 'Copyright',
  licence: 'Licence',
  disclaimer: 'Disclaimer',
  'fair-use': 'Fair use',
  republication: 'Republication',
  permission: 'Permission',
};
export const noticeLabel = (kind: string): string => KIND_LABELS[kind] ?? kind;

export const NOTICES_HEADING = 'Rights notices (verbatim from the source)';
export const EXACT_TEXT_LABEL = 'Exact text in the source';

/** A multi-paragraph quote as English prints it: an opening mark on each paragraph, one close. */
export function quoteParagraphs(quote: string): string[] {
  const parts = quote.split(PARAGRAPH_BREAK);
  return parts.map((p, i) => `“${p}${i === parts.length - 1 ? '”' : ''}`);
}

export const docTitle = (doc: ExcerptDocument): string => `Excerpts — ${doc.style.title}`;

// ---- text ----

function noticeText(n: ExcerptNotice): string[] {
  const exact = n.text === n.display ? [] : [`${EXACT_TEXT_LABEL}:`, n.text];
  return [`${noticeLabel(n.kind)}:`, n.display, ...exact, `Notice SHA-256: ${n.sha256}`, ''];
}

function renderText(doc: ExcerptDocument): string {
  const out = [docTitle(doc), `Created ${doc.created}`, ''];
  for (const { source, excerpts } of groupBySource(doc.excerpts)) {
    out.push(source.title, '='.repeat(Math.min(source.title.length, 72) || 3), '');
    for (const e of excerpts) {
      const quote = quoteParagraphs(e.quote);
      quote[quote.length - 1] += ` ${e.inText.text}`;
      out.push(...quote.flatMap((p, i) => (i ? ['', p] : [p])));
      if (e.note) out.push(`Note: ${e.note}`);
      if (e.tags.length) out.push(`Tags: ${e.tags.join(', ')}`);
      out.push(`Quote SHA-256: ${e.quoteSha256}`, '');
    }
    out.push(`Reference: ${source.reference.text}`, '');
    if (source.notices.length)
      out.push(`${NOTICES_HEADING}:`, '', ...source.notices.flatMap(noticeText));
    out.push(`Source SHA-256: ${source.sourceSha256}`, '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

// ---- Markdown ----

/**
 * Escapes what could start Markdown or HTML anywhere in a line, and what could start a block
 * (list, heading, quote, setext underline) at its start, so the text stays text.
 */
const escapeMarkdown = (line: string): string =>
  line
    .replace(/[\\`*_[\]<>|~&#]/gu, '\\$&')
    .replace(/^[-+=#>]/u, '\\$&')
    .replace(/^(\d+)([.)])/u, '$1\\$2');

/**
 * The engine's Markdown escapes only `\` and `*` (its own italics); this escapes the rest of the
 * characters that could become links or HTML. Idempotent: an already escaped one is left alone.
 */
const hardenMarkdown = (markdown: string): string =>
  // One token at a time (an escape pair, or a character to escape): linear on any input.
  markdown.replace(/\\[\s\S]|[_[\]<>&`~|#]/gu, (m) => (m.length === 2 ? m : `\\${m}`));

/**
 * A paragraph's lines, escaped. Leading blanks go: rendered Markdown collapses them anyway, and
 * four of them would start a code block.
 */
const markdownLines = (text: string): string[] =>
  text.split(/\r\n|[\r\n]/u).map((l) => escapeMarkdown(l.trimStart()));
const hardBreaks = (lines: string[]): string => lines.join('\\\n');

/** A fence longer than any backtick run in the text (CommonMark: the block cannot end early). */
function fenced(text: string): string {
  let longest = 0;
  for (const m of text.matchAll(/`+/gu)) longest = Math.max(longest, m[0].length);
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}text\n${text}\n${fence}`;
}

function noticeMarkdown(n: ExcerptNotice): string[] {
  const label = `**${noticeLabel(n.kind)}**`;
  const exact = fenced(n.text);
  const sha = `Notice SHA-256: \`${n.sha256}\``;
  if (n.text === n.display) return [`${label}:`, exact, sha];
  return [`${label}: ${hardBreaks(markdownLines(n.display))}`, `${EXACT_TEXT_LABEL}:`, exact, sha];
}

function renderMarkdown(doc: ExcerptDocument): string {
  const out = [`# ${escapeMarkdown(docTitle(doc))}`, `Created ${escapeMarkdown(doc.created)}`];
  for (const { source, excerpts } of groupBySource(doc.excerpts)) {
    out.push(`## ${escapeMarkdown(source.title.replace(/\s+/gu, ' '))}`);
    for (const e of excerpts) {
      const quote = quoteParagraphs(e.quote).map(markdownLines);
      const last = quote[quote.length - 1]!;
      last[last.length - 1] += ` ${hardenMarkdown(e.inText.markdown)}`;
      out.push(
        quote.map((lines) => `> ${hardBreaks(lines).replace(/\n/gu, '\n> ')}`).join('\n>\n'),
      );
      if (e.note) out.push(`**Note:** ${hardBreaks(markdownLines(e.note))}`);
      if (e.tags.length) out.push(`**Tags:** ${e.tags.map(escapeMarkdown).join(', ')}`);
      out.push(`Quote SHA-256: \`${e.quoteSha256}\``);
    }
    out.push(`**Reference:** ${hardenMarkdown(source.reference.markdown)}`);
    if (source.notices.length)
      out.push(`**${NOTICES_HEADING}:**`, ...source.notices.flatMap(noticeMarkdown));
    out.push(`Source SHA-256: \`${source.sourceSha256}\``);
  }
  return `${out.join('\n\n')}\n`;
}

// ---- HTML ----

/** Escapes text for element content; CR as a reference, or the parser would turn it into LF. */
const escapeHtml = (text: string): string =>
  text.replace(/[&<>"'\r]/gu, (c) => `&#${c.charCodeAt(0)};`);

/** citeproc's inline markup, when it is only that; anything else is shown as its text. */
const CITEPROC_TAG =
  /^<(?:\/?(?:i|b|em|strong|sup|sub|span)|span class="csl-[a-z-]+"|span style="(?:[a-z-]+:[a-z -]+;)+")>$/u;

function inlineHtml(html: string, text: string): string {
  const spans = html
    .replace(/<div class="(csl-[a-z-]+)">/gu, '<span class="$1">')
    .replace(/<\/div>/gu, '</span> ')
    .trim();
  const tags = spans.match(/<[^>]*>?/gu) ?? [];
  return tags.every((t) => CITEPROC_TAG.test(t)) ? spans : escapeHtml(text);
}

const PRE_WRAP = ' style="white-space: pre-wrap"';

function noticeHtml(n: ExcerptNotice): string[] {
  const exact =
    n.text === n.display
      ? []
      : [
          `<p>${EXACT_TEXT_LABEL}:</p>`,
          `<div class="notice-source"${PRE_WRAP}>${escapeHtml(n.text)}</div>`,
        ];
  return [
    `<p><strong>${escapeHtml(noticeLabel(n.kind))}</strong></p>`,
    `<div class="notice"${PRE_WRAP}>${escapeHtml(n.display)}</div>`,
    ...exact,
    `<p>Notice SHA-256: <code>${escapeHtml(n.sha256)}</code></p>`,
  ];
}

function renderHtml(doc: ExcerptDocument): string {
  const out = [
    '<div class="quire-excerpts">',
    `<h1>${escapeHtml(docTitle(doc))}</h1>`,
    `<p>Created ${escapeHtml(doc.created)}</p>`,
  ];
  for (const { source, excerpts } of groupBySource(doc.excerpts)) {
    out.push('<section>', `<h2>${escapeHtml(source.title)}</h2>`);
    for (const e of excerpts) {
      const quote = quoteParagraphs(e.quote).map(escapeHtml);
      quote[quote.length - 1] +=
        ` <span class="citation">${inlineHtml(e.inText.html, e.inText.text)}</span>`;
      out.push(`<blockquote${PRE_WRAP}>${quote.map((p) => `<p>${p}</p>`).join('')}</blockquote>`);
      if (e.note) out.push(`<p${PRE_WRAP}><strong>Note:</strong> ${escapeHtml(e.note)}</p>`);
      if (e.tags.length) out.push(`<p><strong>Tags:</strong> ${escapeHtml(e.tags.join(', '))}</p>`);
      out.push(`<p>Quote SHA-256: <code>${escapeHtml(e.quoteSha256)}</code></p>`);
    }
    const reference = inlineHtml(source.reference.html, source.reference.text);
    out.push(`<p><strong>Reference:</strong> ${reference}</p>`);
    if (source.notices.length)
      out.push(`<h3>${NOTICES_HEADING}</h3>`, ...source.notices.flatMap(noticeHtml));
    out.push(
      `<p>Source SHA-256: <code>${escapeHtml(source.sourceSha256)}</code></p>`,
      '</section>',
    );
  }
  out.push('</div>');
  return `${out.join('\n')}\n`;
}

/** The document in one of the three text formats (.docx: docx.ts). */
export function renderExcerpts(doc: ExcerptDocument, format: ExcerptFormat): string {
  if (format === 'markdown') return renderMarkdown(doc);
  if (format === 'html') return renderHtml(doc);
  return renderText(doc);
}
