/** What the block walk asks of single elements: hidden, a data table, a break, a picture. */
import type { Block, BlockImage } from '../document/types.ts';
import { declaredSize } from '../images.ts';

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

/** A figure block for one image: its alternative text is the text; the image as written. */
export function figure(image: BlockImage): Block {
  const block: Block = {
    kind: 'figure',
    text: image.alt,
    marks: [],
    start: 0,
    end: 0,
    spans: [],
    images: [image],
    context: { inArticle: false, landmark: null, linkDensity: 0 },
  };
  const src = image.src;
  if (src && /^https?:/i.test(src)) block.src = src.slice(0, 2048);
  return block;
}

const MAX_ATTRIBUTE = 10_000;
const SKIP_CAPTION =
  /^(?:SCRIPT|STYLE|TEMPLATE|NOSCRIPT|SVG|MATH|BUTTON|SELECT|TEXTAREA|OBJECT|EMBED)$/;
const MAX_CAPTION_NODES = 2000;
const BREAKS = /^(?:BR|P|DIV|LI|UL|OL|DL|DT|DD|SECTION|H[1-6]|BLOCKQUOTE|TABLE|TR|TD|TH)$/;

/**
 * An `<img>` as the page writes it: `src`, `alt`, declared size, and the caption of the
 * `<figure>` around it. Attributes only the sanitizer keeps (no `srcset`, no `data-src`).
 */
export function imageOf(img: Element): BlockImage {
  const fig = img.closest('figure');
  return {
    src: (img.getAttribute('src') ?? '').slice(0, MAX_ATTRIBUTE).trim(),
    alt: (img.getAttribute('alt') ?? '').slice(0, MAX_ATTRIBUTE).trim(),
    caption: fig ? captionOf(fig) : null,
    width: declaredSize(img.getAttribute('width')),
    height: declaredSize(img.getAttribute('height')),
  };
}

/** The visible text of a figure's own `<figcaption>`, or null. Iterative and bounded. */
function captionOf(fig: Element): string | null {
  let caption: Element | null = null;
  for (let child = fig.firstElementChild; child; child = child.nextElementSibling)
    if (child.tagName === 'FIGCAPTION') {
      caption = child;
      break;
    }
  if (!caption) return null;
  let text = '';
  const stack: Node[] = [caption];
  for (let seen = 0; stack.length && seen < MAX_CAPTION_NODES; seen++) {
    const node = stack.pop()!;
    if (node.nodeType === TEXT) {
      text += (node as Text).data;
      if (text.length > MAX_ATTRIBUTE) break;
      continue;
    }
    if (node.nodeType !== ELEMENT) continue;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIP_CAPTION.test(tag) || isHidden(el)) continue;
    if (BREAKS.test(tag)) text += ' ';
    for (let child = el.lastChild; child; child = child.previousSibling) stack.push(child);
  }
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat || null;
}
