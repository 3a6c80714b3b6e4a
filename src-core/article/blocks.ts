/** A blank-line-separated block of the source, with its exact character range. */
export interface Block {
  /** The source characters from the first to the last non-blank character of the block. */
  raw: string;
  start: number;
  end: number;
  lines: Line[];
}

export interface Line {
  raw: string;
  start: number;
  end: number;
}

/** Splits text into blocks at blank lines, keeping offsets into the original string. */
export function splitBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let current: Line[] = [];
  const flush = (): void => {
    if (current.length === 0) return;
    const first = current[0]!;
    const last = current[current.length - 1]!;
    blocks.push({
      raw: text.slice(first.start, last.end),
      start: first.start,
      end: last.end,
      lines: current,
    });
    current = [];
  };
  const lineRe = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  let match: RegExpExecArray | null;
  while ((match = lineRe.exec(text)) !== null && match[0] !== '') {
    const content = match[0].replace(/[\r\n]+$/, '');
    const lead = content.length - content.trimStart().length;
    const trimmed = content.trim();
    if (!trimmed) {
      flush();
      continue;
    }
    const start = match.index + lead;
    current.push({ raw: trimmed, start, end: start + trimmed.length });
  }
  flush();
  return blocks;
}

const LINK = /!?\[([^\]\n]*)\]\(([^)\s]*)(?:\s+"[^"]*")?\)/g;
const AUTOLINK = /<((?:https?|mailto):[^>\s]+)>/g;

const ACTIVE_ELEMENT =
  /<(script|style|iframe|object|embed|noscript|template|svg|math)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const TAG = /<\/?[a-z][^<>]*>|<!--[\s\S]*?-->/gi;

/**
 * Markdown inline syntax resolved to what a reader sees: link labels, bare autolinks, and no
 * raw HTML tags (Markdown allows them; Quire shows text). Rights notices never pass through
 * here: they stay exactly as the source wrote them.
 */
export function plainText(markdown: string): string {
  let text = markdown.replace(ACTIVE_ELEMENT, '');
  // Removing one tag can join the pieces of another ("<scr<b>ipt>"): repeat until none is left.
  for (let pass = 0; pass < 5; pass++) {
    const next = text.replace(TAG, '');
    if (next === text) break;
    text = next;
  }
  return text.replace(LINK, (_m, label: string) => label).replace(AUTOLINK, '$1');
}

/**
 * Markup that survived tag removal (broken tags, escaped tags, event handlers, script URLs):
 * such a block is code someone pasted or an attack, not the article's prose.
 */
export const MARKUP = /<[a-z/!?]|&lt;[a-z/!?]|\bon[a-z]+\s*=|javascript:/i;

export function hasMarkup(text: string): boolean {
  return MARKUP.test(text);
}

/** Text with links resolved, emphasis markers dropped and whitespace collapsed: for matching. */
export function flatText(markdown: string): string {
  return plainText(markdown)
    .replace(/(^|\s)[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}(?=\s|$|[.,;:!?])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The first http(s) link target in a piece of Markdown, if any. */
export function firstLinkUrl(markdown: string): string | null {
  for (const m of markdown.matchAll(LINK)) {
    const url = m[2] ?? '';
    if (/^https?:\/\//i.test(url)) return url;
  }
  return null;
}

/** True when the block is nothing but links (navigation, tag clouds, "Related" lists). */
export function isLinkOnly(markdown: string): boolean {
  const rest = markdown.replace(LINK, '').replace(AUTOLINK, '');
  return rest !== markdown && /^[\s,|·•/\-–—>»]*$/.test(rest);
}

/** An image, or an image wrapped in a link ("[![](#)](#)"), alone on its line. */
export const IMAGE = /^\[?!\[[^\]]*\]\([^)]*\)(?:\]\([^)]*\))?$/;
