/** What the block walk asks of single elements: hidden, a data table, a break, a picture. */
import type { Block } from '../document/types.ts';

const ELEMENT = 1;
const TEXT = 3;

/** A table of data, not one that lays out a page: no nested tables, headings or long prose. */
export function isDataTable(table: Element): boolean {
  return !table.querySelector('table, p, div, h1, h2, h3, h4, ul, ol, blockquote, article');
}

/**
 * Classes of content a page shows only on demand (hover cards, tooltips, pop-ups) or only to
 * screen readers: a reader of the page never sees it inline.
 */
const ON_DEMAND =
  /(?:^|[\s_-])(?:rollover|tooltip|popover|hover-?card|popup|sr-only|visually-hidden|screen-reader-text|screenreader)(?:$|[\s_-])/i;

export function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  // Inline elements only: a container with such a class may still hold the page.
  if (el.tagName === 'SPAN') {
    const cls = el.getAttribute('class');
    if (cls && ON_DEMAND.test(cls.slice(0, 300))) return true;
  }
  if (el.getAttribute('aria-hidden') === 'true' && !el.querySelector('p')) return true;
  const style = el.getAttribute('style');
  return !!style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style.slice(0, 500));
}

/** `<br><br>` (whitespace between allowed) ends a paragraph, as old pages write them. */
export function endsWithBreak(br: Element): boolean {
  let next = br.nextSibling;
  while (next && next.nodeType === TEXT && !(next as Text).data.trim()) next = next.nextSibling;
  if (next?.nodeType === ELEMENT && (next as Element).tagName === 'BR') return true;
  let previous = br.previousSibling;
  while (previous && previous.nodeType === TEXT && !(previous as Text).data.trim())
    previous = previous.previousSibling;
  return previous?.nodeType === ELEMENT && (previous as Element).tagName === 'BR';
}

export function separator(): Block {
  return { kind: 'separator', text: '', marks: [], start: 0, end: 0, spans: [] };
}

export function figure(alt: string, src: string | null): Block {
  const block: Block = {
    kind: 'figure',
    text: alt,
    marks: [],
    start: 0,
    end: 0,
    spans: [],
    context: { inArticle: false, landmark: null, linkDensity: 0 },
  };
  if (src && /^https?:/i.test(src)) block.src = src.slice(0, 2048);
  return block;
}
