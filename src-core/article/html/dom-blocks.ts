import type { Block, BlockContext, BlockKind, ListItem } from '../document/types.ts';
import { landmarkOf } from './landmarks.ts';
import { SourceAligner, sourceTextChunks } from './source-text.ts';
import { TextBuilder } from './text-builder.ts';
import {
  endsWithBreak,
  figure,
  imageOf,
  isDataTable,
  isHidden,
  separator,
} from './dom-elements.ts';

const ELEMENT = 1;
const TEXT = 3;

/** Never text a reader sees. */
const SKIP = new Set(
  `SCRIPT STYLE TEMPLATE NOSCRIPT SVG MATH IFRAME OBJECT EMBED CANVAS VIDEO AUDIO SELECT OPTION
  TEXTAREA BUTTON INPUT HEAD TITLE LINK META MAP DIALOG`.split(/\s+/),
);

const CONTAINERS = new Set(
  `P DIV SECTION ARTICLE MAIN BODY HTML TD TH TR TBODY THEAD TFOOT DD DT ADDRESS CENTER FORM
  FIELDSET DETAILS SUMMARY HEADER FOOTER NAV ASIDE HGROUP FIGURE FIGCAPTION CAPTION LEGEND`.split(
    /\s+/,
  ),
);
const HEADINGS: Record<string, number> = { H1: 1, H2: 2, H3: 3, H4: 4, H5: 5, H6: 6 };
const LISTS = new Set(['UL', 'OL', 'MENU', 'DL']);
const ITEMS = new Set(['LI', 'DT', 'DD']);
const CELLS = new Set(['TD', 'TH']);
const EMPHASIS = new Set(['EM', 'I', 'CITE', 'DFN']);
const STRONG = new Set(['STRONG', 'B']);
const CODE = new Set(['CODE', 'KBD', 'SAMP', 'TT']);
const SAFE_HREF = /^(?:https?:|mailto:|[/#.?]|[\w-]+(?:[/.?#]|$))/i;

/** Everything the walk needs to know of one open block. */
interface Open {
  kind: BlockKind;
  element: Element;
  builder: TextBuilder;
  level?: number;
  /** Lists, quotes, data tables and preformatted text are one block whatever they hold. */
  atomic: boolean;
  preformatted: boolean;
  items?: ListItem[];
  ordered?: boolean;
  listDepth: number;
  landmark: LandmarkNode | null;
  nodes: Text[];
  /** Items whose own text is still being read (a nested list ends an item's own text). */
  openItems?: number[];
}

/** An enclosing landmark element, linked to the one around it. */
export interface LandmarkNode {
  kind: NonNullable<BlockContext['landmark']>;
  parent: LandmarkNode | null;
  /** Characters of article text inside it, filled in once the extractor has spoken. */
  keptChars: number;
}

/** How each block was made: its text nodes and landmarks, for deciding its context later. */
export interface BlockTrace {
  nodes: Text[];
  landmark: LandmarkNode | null;
  /** A figure block's `<img>`: the extractor may have kept it. */
  image?: Element;
}

interface Frame {
  node: Node;
  exit: boolean;
  /** What to undo when leaving the element. */
  opened?: Open;
  markStart?: number;
  markBuilder?: TextBuilder;
  markType?: 'link' | 'emphasis' | 'strong' | 'code';
  href?: string;
  landmark?: boolean;
  article?: boolean;
  itemIndex?: number;
  nestedList?: boolean;
}

/**
 * Walks a page's DOM in document order and cuts it into typed blocks, each with display text,
 * inline marks, its context on the page and spans back to the HTML source. Iterative, so a
 * deeply nested hostile page cannot overflow the stack.
 */
export function domBlocks(
  doc: Document,
  source: string,
): { blocks: Block[]; traces: BlockTrace[]; depth: number } {
  const aligner = new SourceAligner(sourceTextChunks(source));
  const blocks: Block[] = [];
  const traces: BlockTrace[] = [];
  let landmarks: LandmarkNode | null = null;
  let articleDepth = 0;
  // Some DOMs throw on `body` when there is no root element at all.
  const root = doc.documentElement ? (doc.body ?? doc.documentElement) : null;
  if (!root) return { blocks, traces, depth: 0 };
  let depth = 0;
  let maxDepth = 0;

  const here = (): LandmarkNode | null => landmarks;
  let open: Open = newOpen('paragraph', root as Element, false, 0, null);
  const stack: Open[] = [];

  const emit = (o: Open): void => {
    const { text, spans, marks } = o.builder.finish();
    const visible = text.trim();
    if (!visible && o.kind !== 'separator') return;
    const first = spans[0];
    const last = spans[spans.length - 1];
    const start = first ? first.source : 0;
    const end = last ? last.source + last.sourceLength : start;
    const linked = marks.filter((m) => m.type === 'link').reduce((n, m) => n + m.end - m.start, 0);
    const block: Block = {
      kind: o.kind,
      text,
      marks,
      start,
      end,
      spans,
      context: {
        inArticle: false,
        landmark: null,
        linkDensity: text.length ? Math.min(1, linked / text.length) : 0,
      },
    };
    traces.push({ nodes: o.nodes, landmark: o.landmark });
    if (o.level !== undefined) block.level = o.level;
    if (o.items) {
      block.items = o.items.filter((i) => i.end > i.start);
      block.ordered = o.ordered ?? false;
    }
    blocks.push(block);
  };

  /** Closes the current run and starts a new one of the same container. */
  const cut = (): void => {
    if (open.atomic) return;
    emit(open);
    open = newOpen(open.kind, open.element, false, 0, open.landmark, open.level, open);
  };

  const frames: Frame[] = [{ node: root, exit: false }];
  while (frames.length) {
    const frame = frames.pop()!;
    const node = frame.node;
    if (frame.exit) {
      depth--;
      const el = node as Element;
      if (frame.markType && frame.markStart !== undefined && frame.markBuilder === open.builder)
        open.builder.mark(frame.markType, frame.markStart, frame.href);
      if (frame.itemIndex !== undefined && open.items) {
        closeItem(open, frame.itemIndex);
        open.builder.lineBreak();
      }
      if (frame.nestedList) open.listDepth--;
      if (frame.opened) {
        emit(open);
        open = stack.pop()!;
        open = newOpen(
          open.kind,
          open.element,
          open.atomic,
          open.listDepth,
          open.landmark,
          open.level,
          open,
        );
      } else if (open.kind === 'table' && CELLS.has(el.tagName)) {
        // Cells of a row stay on one line, apart by tabs.
      } else if (
        open.atomic &&
        (CONTAINERS.has(el.tagName) || ITEMS.has(el.tagName) || LISTS.has(el.tagName))
      ) {
        open.builder.lineBreak();
      }
      if (frame.landmark) landmarks = (landmarks as LandmarkNode | null)?.parent ?? null;
      if (frame.article) articleDepth--;
      continue;
    }
    if (node.nodeType === TEXT) {
      const data = (node as Text).data;
      open.builder.append(data, aligner.align(data), open.preformatted);
      open.nodes.push(node as Text);
      continue;
    }
    if (node.nodeType !== ELEMENT) continue;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIP.has(tag) || isHidden(el)) {
      skipText(el, aligner);
      continue;
    }
    if (tag === 'IMG') {
      // A picture of its own (in a figure, or where its block has no text yet) is a figure
      // block; one inside a line of text is an icon or an emoji, and never cuts the line.
      const inFigure = !!el.closest('figure');
      if (!open.atomic && (inFigure || open.builder.length === 0)) {
        if (open.builder.length > 0) cut();
        blocks.push(figure(imageOf(el)));
        // An image classed as a widget ("share-icon", "nav-logo") stands in that widget.
        const own = landmarkOf(el, articleDepth > 0);
        const landmark = own ? { kind: own, parent: here(), keptChars: 0 } : here();
        traces.push({ nodes: [], landmark, image: el });
      }
      continue;
    }
    const exit: Frame = { node, exit: true };
    const landmark = landmarkOf(el, articleDepth > 0);
    if (landmark) {
      landmarks = { kind: landmark, parent: landmarks, keptChars: 0 };
      exit.landmark = true;
    }
    if (tag === 'ARTICLE') {
      articleDepth++;
      exit.article = true;
    }

    if (tag === 'BR') {
      if (open.atomic) open.builder.lineBreak();
      else if (endsWithBreak(el)) cut();
      else open.builder.lineBreak();
      continue;
    }
    if (tag === 'HR') {
      if (!open.atomic) {
        cut();
        blocks.push(separator());
        traces.push({ nodes: [], landmark: here() });
      }
      continue;
    }

    if (open.atomic && open.items && LISTS.has(tag)) {
      // A list inside a list item: the item's own text ends here, its children go deeper.
      const current = open.openItems?.at(-1);
      if (current !== undefined) closeItem(open, current);
      open.listDepth++;
      open.builder.lineBreak();
      exit.nestedList = true;
      maxDepth = Math.max(maxDepth, ++depth);
      pushChildren(frames, exit, el);
      continue;
    }
    if (open.kind === 'table' && CELLS.has(tag)) {
      open.builder.cell();
      maxDepth = Math.max(maxDepth, ++depth);
      pushChildren(frames, exit, el);
      continue;
    }
    const start = startBlock(tag, el, open, here());
    if (start) {
      if (!open.atomic) {
        emit(open);
        stack.push(open);
        open = start;
        exit.opened = start;
      } else if (ITEMS.has(tag) && open.items) {
        exit.itemIndex = openItem(open);
      } else {
        open.builder.lineBreak();
      }
    } else if (ITEMS.has(tag) && open.items) {
      exit.itemIndex = openItem(open);
    } else if (tag === 'A' && el.hasAttribute('href')) {
      exit.markType = 'link';
      exit.markStart = open.builder.cursor;
      exit.markBuilder = open.builder;
      const href = (el.getAttribute('href') ?? '').trim().slice(0, 2048);
      if (SAFE_HREF.test(href)) exit.href = href;
    } else if (EMPHASIS.has(tag) || STRONG.has(tag) || CODE.has(tag)) {
      exit.markType = STRONG.has(tag) ? 'strong' : CODE.has(tag) ? 'code' : 'emphasis';
      exit.markStart = open.builder.cursor;
      exit.markBuilder = open.builder;
    } else if (open.atomic && (CONTAINERS.has(tag) || ITEMS.has(tag) || LISTS.has(tag))) {
      // Inside a quote, lists and their items still start lines of their own.
      open.builder.lineBreak();
    }
    maxDepth = Math.max(maxDepth, ++depth);
    pushChildren(frames, exit, el);
  }
  emit(open);
  return { blocks, traces, depth: maxDepth };
}

/** Queues an element's exit, then its children in document order. */
function pushChildren(frames: Frame[], exit: Frame, el: Element): void {
  frames.push(exit);
  // Siblings, not childNodes: some DOMs build a fresh list object on every childNodes read.
  const mark = frames.length;
  for (let child = el.firstChild; child; child = child.nextSibling)
    frames.push({ node: child, exit: false });
  reverseFrom(frames, mark);
}

function openItem(open: Open): number {
  open.builder.lineBreak();
  const at = open.builder.cursor;
  open.items!.push({ start: at, end: at, depth: open.listDepth });
  const index = open.items!.length - 1;
  (open.openItems ??= []).push(index);
  return index;
}

/** Ends an item's own text where the builder stands, once. */
function closeItem(open: Open, index: number): void {
  const stack = open.openItems ?? [];
  const at = stack.lastIndexOf(index);
  if (at < 0) return;
  stack.splice(at, 1);
  open.items![index]!.end = open.builder.length;
}

function reverseFrom(frames: Frame[], from: number): void {
  for (let i = from, j = frames.length - 1; i < j; i++, j--) {
    const t = frames[i]!;
    frames[i] = frames[j]!;
    frames[j] = t;
  }
}

/** A new open block for a block-level element, or null when the element is inline. */
function startBlock(
  tag: string,
  el: Element,
  parent: Open,
  landmark: LandmarkNode | null,
): Open | null {
  const heading = HEADINGS[tag];
  if (heading) return newOpen('heading', el, false, 0, landmark, heading);
  if (LISTS.has(tag)) {
    if (parent.atomic) return null;
    const o = newOpen('list', el, true, 0, landmark);
    o.items = [];
    o.ordered = tag === 'OL';
    return o;
  }
  if (tag === 'BLOCKQUOTE') return parent.atomic ? null : newOpen('quote', el, true, 0, landmark);
  if (tag === 'PRE') {
    if (parent.atomic) return null;
    const o = newOpen('preformatted', el, true, 0, landmark);
    o.preformatted = true;
    return o;
  }
  if (tag === 'TABLE') return isDataTable(el) ? newOpen('table', el, true, 0, landmark) : null;
  if (tag === 'FIGCAPTION' || tag === 'CAPTION') return newOpen('caption', el, false, 0, landmark);
  if (CONTAINERS.has(tag)) return newOpen('paragraph', el, false, 0, landmark);
  return null;
}

function newOpen(
  kind: BlockKind,
  element: Element,
  atomic: boolean,
  listDepth: number,
  landmark: LandmarkNode | null,
  level?: number,
  like?: Open,
): Open {
  const o: Open = {
    kind,
    element,
    builder: new TextBuilder(),
    atomic,
    preformatted: like?.preformatted ?? false,
    listDepth,
    landmark,
    nodes: [],
  };
  if (level !== undefined) o.level = level;
  if (like?.items) {
    o.items = [];
    o.ordered = like.ordered ?? false;
  }
  return o;
}

/** Keeps the aligner in step past text the walk does not show. */
function skipText(el: Element, aligner: SourceAligner): void {
  const text = el.textContent;
  if (text && el.tagName !== 'TEMPLATE') aligner.align(text);
}
