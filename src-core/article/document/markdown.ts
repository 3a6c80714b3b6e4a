import type {
  BlockContent,
  Code,
  DefinitionContent,
  Image,
  ImageReference,
  InlineCode,
  List,
  Nodes,
  Paragraph,
  PhrasingContent,
  Root,
  RootContent,
  Table,
} from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { markdownTooCostly } from './markdown-limits.ts';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { readFrontMatter } from './front-matter.ts';
import { linearGfm } from './gfm-linear.ts';
import { appendAligned, appendLines, isSpace, SpanBuilder, type AlignOptions } from './spans.ts';
import { isDecoration, textDocument } from './text.ts';
import type {
  Block,
  BlockImage,
  BlockKind,
  ListItem,
  SourceDocument,
  StatedMetadata,
} from './types.ts';

/**
 * The Markdown front end: CommonMark + GFM (tables, autolink literals, strikethrough, task
 * lists, footnotes) + YAML front matter, parsed by micromark with positions, turned into the
 * one block model. Only what a reader of the rendered page sees becomes text: no Markdown
 * syntax, and no raw HTML at all (it is dropped, never interpreted, and the content of an inline
 * `<script>`/`<style>`… pair goes with it).
 *
 * Top-level nodes map to blocks: heading, paragraph (a paragraph of images only is a figure; a
 * paragraph of decoration characters only is a separator), thematic break → separator, code →
 * preformatted, table → table (cells joined by a tab, rows by a line break), blockquote → one
 * quote (its parts joined by a blank line), list → one list (every item, nested ones included,
 * one per line, with `items`), footnote definition → paragraph. HTML blocks, link reference
 * definitions and the front matter are no blocks.
 */
export function markdownDocument(source: string, recoveries = 0): SourceDocument {
  if (nestsTooDeep(source) || markdownTooCostly(source)) return plainFallback(source);
  // micromark drops a leading byte order mark and counts offsets from after it.
  const base = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  try {
    const tree = fromMarkdown(base ? source.slice(1) : source, {
      extensions: [linearGfm(), frontmatter(['yaml'])],
      mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml'])],
    });
    const doc = new Reader(source, base, tree).read();
    const rest = unclosedHtmlTail(tree, source, base);
    if (rest === null || recoveries >= MAX_RECOVERIES) return doc;
    // An HTML block that never closes (`<?`, `<!--`) runs to the end of the file in CommonMark
    // and would hide the article after it: past its first blank line, the text is read again.
    const tail = markdownDocument(source.slice(rest), recoveries + 1);
    return { ...doc, blocks: [...doc.blocks, ...tail.blocks.map((b) => shifted(b, rest))] };
  } catch (error) {
    // Only a pathological input exhausts the stack: read it as plain text rather than fail.
    if (error instanceof RangeError) return plainFallback(source);
    throw error;
  }
}

const MAX_RECOVERIES = 3;
const HTML_CLOSERS: [RegExp, string][] = [
  [/^<\?/, '?>'],
  [/^<!--/, '-->'],
  [/^<!\[CDATA\[/, ']]>'],
  [/^<![A-Za-z]/, '>'],
];

/** Where to read on after a last HTML block that runs unclosed to the end, or null. */
function unclosedHtmlTail(tree: Root, source: string, base: number): number | null {
  const last = tree.children[tree.children.length - 1];
  if (last?.type !== 'html' || last.position?.end.offset === undefined) return null;
  if (last.position.end.offset + base < source.trimEnd().length) return null;
  const closer = HTML_CLOSERS.find(([opener]) => opener.test(last.value.trimStart()))?.[1];
  if (!closer || last.value.includes(closer)) return null;
  const start = (last.position.start.offset ?? 0) + base;
  const blank = /\n[ \t]*\r?\n/g;
  blank.lastIndex = start;
  const m = blank.exec(source);
  return m ? m.index + m[0].length : null;
}

function shifted(
  block: SourceDocument['blocks'][number],
  by: number,
): SourceDocument['blocks'][number] {
  return {
    ...block,
    start: block.start + by,
    end: block.end + by,
    spans: block.spans.map((s) => ({ ...s, source: s.source + by })),
  };
}

/** Plain-text blocks for Markdown the parser cannot be trusted with. */
function plainFallback(source: string): SourceDocument {
  return { ...textDocument(source), format: 'markdown' };
}

/**
 * Deeper than any real document nests. micromark's time grows with the cube of the nesting
 * depth (24 KB of "- - - …" takes minutes) and it overflows the stack at some thousands.
 */
const MAX_NESTING = 100;

/**
 * Whether some line opens more than `MAX_NESTING` containers, counted from its start: each
 * `>`, each list marker (`-`, `*`, `+`, or digits and `.`/`)`) followed by a space, and every
 * two columns of indentation before a marker. One linear pass; a resource limit, not parsing.
 */
export function nestsTooDeep(source: string): boolean {
  const n = source.length;
  const isBlank = (code: number): boolean => code === 32 || code === 9;
  const isDigit = (code: number): boolean => code >= 48 && code <= 57;
  let i = 0;
  while (i < n) {
    let markers = 0;
    let columns = 0;
    let j = i;
    while (j < n) {
      const c = source.charCodeAt(j);
      if (c === 32) columns += 1;
      else if (c === 9) columns += 4;
      else if (c === 62 /* > */) markers++;
      else if ((c === 45 || c === 42 || c === 43) && isBlank(source.charCodeAt(j + 1))) markers++;
      else if (isDigit(c)) {
        let k = j;
        while (k < n && k - j < 9 && isDigit(source.charCodeAt(k))) k++;
        const d = source.charCodeAt(k);
        if (!((d === 46 || d === 41) && isBlank(source.charCodeAt(k + 1)))) break;
        markers++;
        j = k;
      } else break;
      j++;
      if (markers > 0 && markers + (columns >> 1) > MAX_NESTING) return true;
    }
    while (j < n && source.charCodeAt(j) !== 10 && source.charCodeAt(j) !== 13) j++;
    i = j + 1;
  }
  return false;
}

const TEXT: AlignOptions = { escapes: true, references: true, linePrefixes: true };
const CODE: AlignOptions = { linePrefixes: true, lineEndingAsSpace: true };

/** Elements whose content is never visible text; inline, their content is dropped with them. */
const HIDDEN = /^<(script|style|iframe|object|noscript|template|svg|math|textarea|xmp)(?=[\s/>])/i;

/** Inline walking state for one run of phrasing content. */
interface InlineState {
  /** Name of an open hidden element whose content is being skipped. */
  hidden: string | null;
}

class Reader {
  private readonly definitions = new Map<string, string>();

  constructor(
    private readonly source: string,
    private readonly base: number,
    private readonly tree: Root,
  ) {
    this.collectDefinitions();
  }

  read(): SourceDocument {
    const blocks: Block[] = [];
    let stated: StatedMetadata = {};
    this.tree.children.forEach((node, n) => {
      if (node.type === 'yaml') {
        if (n === 0) stated = readFrontMatter(node.value);
        return;
      }
      const block = this.topBlock(node);
      if (block) blocks.push(block);
    });
    return { format: 'markdown', source: this.source, blocks, stated };
  }

  private start(node: Nodes): number {
    return (node.position?.start.offset ?? 0) + this.base;
  }

  private end(node: Nodes): number {
    return (node.position?.end.offset ?? 0) + this.base;
  }

  private block(kind: BlockKind, node: Nodes, b: SpanBuilder, extra?: Partial<Block>): Block {
    return {
      kind,
      text: b.text(),
      // Outer marks first where two start together.
      marks: b.marks.sort((x, y) => x.start - y.start || y.end - x.end),
      start: this.start(node),
      end: this.end(node),
      spans: b.spans,
      ...extra,
    };
  }

  private topBlock(node: RootContent): Block | null {
    const b = new SpanBuilder(this.source);
    switch (node.type) {
      case 'heading':
        if (!this.inlineSegment(b, node.children)) return null;
        return this.block('heading', node, b, { level: node.depth });
      case 'paragraph': {
        const images = figureImages(node);
        if (images) return this.figure(node, images, b);
        if (!this.inlineSegment(b, node.children)) return null;
        return this.block(isDecoration(b.text()) ? 'separator' : 'paragraph', node, b);
      }
      case 'thematicBreak':
        return this.block('separator', node, b);
      case 'code':
        this.code(b, node);
        return b.length ? this.block('preformatted', node, b) : null;
      case 'table':
        return this.table(b, node) ? this.block('table', node, b) : null;
      case 'blockquote':
        this.flow(b, node.children, '\n\n');
        return b.length ? this.block('quote', node, b) : null;
      case 'list': {
        const items: ListItem[] = [];
        this.list(b, node, 0, items);
        if (items.every((item) => item.end === item.start)) {
          return this.block('separator', node, new SpanBuilder(this.source));
        }
        return this.block('list', node, b, { level: 0, ordered: node.ordered === true, items });
      }
      case 'footnoteDefinition':
        this.flow(b, node.children, '\n\n');
        return b.length ? this.block('paragraph', node, b) : null;
      case 'html':
      case 'definition':
      case 'yaml':
        return null;
      default:
        if ('children' in node) {
          this.flow(b, node.children as RootContent[], '\n\n');
          return b.length ? this.block('paragraph', node, b) : null;
        }
        return null;
    }
  }

  /** Flow content flattened into one block's text, the parts joined by `separator`. */
  private flow(b: SpanBuilder, nodes: readonly RootContent[], separator: string): void {
    const first = b.length;
    for (const node of nodes) {
      const before = b.checkpoint();
      if (b.length > first) b.synthetic(separator);
      const at = b.checkpoint();
      this.flowPart(b, node);
      if (b.length === at.length) b.truncate(before);
    }
  }

  private flowPart(b: SpanBuilder, node: RootContent): void {
    switch (node.type) {
      case 'heading':
      case 'paragraph':
        this.inlineSegment(b, node.children);
        return;
      case 'code':
        this.code(b, node);
        return;
      case 'table':
        this.table(b, node);
        return;
      case 'list':
        this.list(b, node, 0, []);
        return;
      case 'blockquote':
      case 'footnoteDefinition':
        this.flow(b, node.children, '\n\n');
        return;
      case 'html':
      case 'definition':
      case 'thematicBreak':
      case 'yaml':
        return;
      default:
        if ('children' in node) this.flow(b, node.children as RootContent[], '\n\n');
    }
  }

  /**
   * A list and its nested lists, one display line per item. An item's own paragraphs are
   * joined by a line break; content that follows a nested list inside the same item starts a
   * new entry at the item's depth.
   */
  private list(b: SpanBuilder, list: List, depth: number, items: ListItem[]): void {
    const first = b.length;
    const entry = { open: -1 };
    const openEntry = (): void => {
      if (b.length > first || items.length > 0) b.synthetic('\n');
      entry.open = b.length;
    };
    const closeEntry = (): void => {
      if (entry.open < 0) return;
      items.push({ start: entry.open, end: b.length, depth });
      entry.open = -1;
    };
    for (const item of list.children) {
      let opened = false;
      for (const child of item.children as (BlockContent | DefinitionContent)[]) {
        if (child.type === 'list') {
          if (!opened) openEntry();
          opened = true;
          closeEntry();
          this.list(b, child, depth + 1, items);
          continue;
        }
        const before = b.checkpoint();
        if (entry.open < 0) openEntry();
        else if (b.length > entry.open) b.synthetic('\n');
        opened = true;
        const at = b.checkpoint();
        this.flowPart(b, child);
        if (b.length === at.length) b.truncate(b.length > entry.open ? before : at);
      }
      if (!opened) openEntry();
      closeEntry();
    }
  }

  private table(b: SpanBuilder, table: Table): boolean {
    let any = false;
    table.children.forEach((row, r) => {
      if (r > 0) b.synthetic('\n');
      row.children.forEach((cell, c) => {
        if (c > 0) b.synthetic('\t');
        if (this.inlineSegment(b, cell.children)) any = true;
      });
    });
    return any;
  }

  private code(b: SpanBuilder, node: Code): void {
    if (!node.value) return;
    let start = this.start(node);
    const end = this.end(node);
    const first = this.source.charCodeAt(start);
    if (first === 96 /* ` */ || first === 126 /* ~ */) {
      // Fenced: the value starts on the line after the opening fence.
      while (start < end && !isLineEnd(this.source.charCodeAt(start))) start++;
      if (this.source.charCodeAt(start) === 13 && this.source.charCodeAt(start + 1) === 10) start++;
      start++;
    }
    appendLines(b, lf(node.value), Math.min(start, end), end);
  }

  /** Inline content appended and trimmed; returns whether any text remains. */
  private inlineSegment(b: SpanBuilder, nodes: readonly PhrasingContent[]): boolean {
    const at = b.checkpoint();
    this.inline(b, nodes, { hidden: null });
    return b.trimSince(at) > 0;
  }

  private inline(b: SpanBuilder, nodes: readonly PhrasingContent[], state: InlineState): void {
    for (const node of nodes) {
      if (state.hidden !== null) {
        if (node.type === 'html' && closesHidden(node.value, state.hidden)) state.hidden = null;
        continue;
      }
      switch (node.type) {
        case 'text':
          appendAligned(b, lf(node.value), this.start(node), this.end(node), TEXT);
          break;
        case 'inlineCode': {
          const at = b.length;
          this.inlineCode(b, node);
          b.mark('code', at, b.length);
          break;
        }
        case 'emphasis':
        case 'strong': {
          const at = b.length;
          this.inline(b, node.children, state);
          b.mark(node.type, at, b.length);
          break;
        }
        case 'link': {
          const at = b.length;
          this.inline(b, node.children, state);
          b.mark('link', at, b.length, node.url);
          break;
        }
        case 'linkReference': {
          const at = b.length;
          this.inline(b, node.children, state);
          const href = this.definitions.get(node.identifier);
          if (href !== undefined) b.mark('link', at, b.length, href);
          break;
        }
        case 'break':
          b.rewritten('\n', this.start(node), this.end(node));
          break;
        case 'html': {
          const hidden = HIDDEN.exec(node.value);
          if (hidden && !/\/\s*>$/.test(node.value)) state.hidden = hidden[1]!.toLowerCase();
          break;
        }
        case 'image':
        case 'imageReference':
        case 'footnoteReference':
          break;
        default:
          if ('children' in node) this.inline(b, node.children as PhrasingContent[], state);
      }
    }
  }

  /** A code span's content: inside its backtick fences, less the one space CommonMark strips. */
  private inlineCode(b: SpanBuilder, node: InlineCode): void {
    const src = this.source;
    let start = this.start(node);
    let end = this.end(node);
    while (start < end && src.charCodeAt(start) === 96) start++;
    while (end > start && src.charCodeAt(end - 1) === 96) end--;
    const spaceLike = (code: number): boolean => code === 32 || code === 10 || code === 13;
    if (
      end - start >= 2 &&
      spaceLike(src.charCodeAt(start)) &&
      spaceLike(src.charCodeAt(end - 1))
    ) {
      let content = false;
      for (let i = start; i < end && !content; i++) content = !spaceLike(src.charCodeAt(i));
      if (content) {
        start += src.charCodeAt(start) === 13 && src.charCodeAt(start + 1) === 10 ? 2 : 1;
        end -= src.charCodeAt(end - 1) === 10 && src.charCodeAt(end - 2) === 13 ? 2 : 1;
      }
    }
    appendAligned(b, lf(node.value), start, end, CODE);
  }

  /** A paragraph of images: their alternative texts, one per line, and the first image's URL. */
  private figure(node: Paragraph, images: (Image | ImageReference)[], b: SpanBuilder): Block {
    let src: string | undefined;
    const found: BlockImage[] = [];
    for (const image of images) {
      const url = image.type === 'image' ? image.url : this.definitions.get(image.identifier);
      if (src === undefined && url) src = url;
      const alt = image.alt ?? '';
      if (url) {
        const title = image.type === 'image' ? image.title?.trim() : undefined;
        found.push({ src: url.trim(), alt, caption: title || null, width: null, height: null });
      }
      if (!alt.trim()) continue;
      const at = b.checkpoint();
      if (b.length > 0) b.synthetic('\n');
      const text = b.checkpoint();
      appendAligned(b, lf(alt), this.start(image) + 2, this.end(image), TEXT);
      if (b.trimSince(text) === 0) b.truncate(at);
    }
    return this.block('figure', node, b, {
      ...(src === undefined ? {} : { src }),
      ...(found.length ? { images: found } : {}),
    });
  }

  private collectDefinitions(): void {
    const stack: Nodes[] = [this.tree];
    while (stack.length) {
      const node = stack.pop()!;
      if (node.type === 'definition') {
        if (!this.definitions.has(node.identifier)) this.definitions.set(node.identifier, node.url);
        continue;
      }
      if ('children' in node) {
        // Reversed so that the first definition in document order is seen first.
        for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
      }
    }
  }
}

const isLineEnd = (code: number): boolean => code === 10 || code === 13;

/** Display text breaks lines with "\n" whatever the source used ("\r\n", "\r"). */
const lf = (value: string): string =>
  value.includes('\r') ? value.replace(/\r\n?/g, '\n') : value;

function closesHidden(html: string, name: string): boolean {
  const m = /^<\/([A-Za-z]+)\s*>$/.exec(html);
  return !!m && m[1]!.toLowerCase() === name;
}

/**
 * The images of a paragraph that holds nothing else: images, images wrapped in a link, and
 * whitespace between them. Null for any other paragraph.
 */
function figureImages(node: Paragraph): (Image | ImageReference)[] | null {
  const images: (Image | ImageReference)[] = [];
  const visit = (nodes: readonly PhrasingContent[], inLink: boolean): boolean => {
    for (const child of nodes) {
      if (child.type === 'image' || child.type === 'imageReference') images.push(child);
      else if (child.type === 'break') continue;
      else if (child.type === 'text') {
        for (let i = 0; i < child.value.length; i++) {
          if (!isSpace(child.value.charCodeAt(i))) return false;
        }
      } else if ((child.type === 'link' || child.type === 'linkReference') && !inLink) {
        if (!visit(child.children, true)) return false;
      } else return false;
    }
    return true;
  };
  return visit(node.children, false) && images.length > 0 ? images : null;
}
