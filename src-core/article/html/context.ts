import type { Block } from '../document/types.ts';
import type { BlockTrace, LandmarkNode } from './dom-blocks.ts';
import { textKey, type Extraction } from './extract.ts';

/**
 * Settles each block's context once the extractor has chosen: a block is the article's when
 * most of its text was kept, and its landmark is the innermost widget around it, except a
 * "landmark" that holds most of the article (a page wrapper classed `nav-open`, say).
 */
export function resolveContext(
  blocks: Block[],
  traces: readonly BlockTrace[],
  extraction: Extraction,
): void {
  let totalKept = 0;
  // Readability re-parses the page when it retries: then no kept node is the page's own.
  const byIdentity = traces.some((t) => t.nodes.some((n) => extraction.keptNodes.has(n)));
  const byText = new TextFinder(extraction.keptText);
  blocks.forEach((block, i) => {
    const trace = traces[i]!;
    let all = 0;
    let kept = 0;
    for (const node of trace.nodes) {
      const length = node.data.trim().length;
      all += length;
      const isKept = byIdentity ? extraction.keptNodes.has(node) : byText.find(textKey(node.data));
      if (isKept) kept += length;
    }
    const inArticle = all > 0 ? kept * 2 >= all : false;
    if (block.context) block.context.inArticle = inArticle;
    if (!inArticle) return;
    totalKept += kept;
    for (let l: LandmarkNode | null = trace.landmark; l; l = l.parent) l.keptChars += kept;
  });
  // Figures and separators have no text: they belong where their nearest neighbours with
  // text do (a run of figures, a gallery, sits between the same two), or an image the
  // extractor kept is the article's.
  const hasText = (i: number): boolean => traces[i]!.nodes.length > 0;
  const previousIn: boolean[] = [];
  let last = false;
  blocks.forEach((block, i) => {
    previousIn[i] = last;
    if (hasText(i)) last = !!block.context?.inArticle;
  });
  let next = false;
  for (let i = blocks.length - 1; i >= 0; i--) {
    const block = blocks[i]!;
    if (hasText(i)) {
      next = !!block.context?.inArticle;
      continue;
    }
    const image = traces[i]!.image;
    if (block.context)
      block.context.inArticle =
        (previousIn[i]! && next) || (!!image && extraction.keptImages.has(image));
  }
  blocks.forEach((block, i) => {
    let l = traces[i]!.landmark;
    while (l && totalKept > 0 && l.keptChars * 2 > totalKept) l = l.parent;
    if (block.context) block.context.landmark = l?.kind ?? null;
  });
}

const PROBE = 64;
const TRIES = 8;

/** Searches kept text in reading order, a bounded stretch ahead, so the whole pass is linear. */
class TextFinder {
  private cursor = 0;
  constructor(private readonly text: string) {}

  find(key: string): boolean {
    if (!key || !this.text) return false;
    const window = Math.max(20_000, key.length * 2);
    // Search by a short probe and check the rest in place: a long needle in repetitive text
    // makes indexOf itself quadratic.
    const probe = key.length > PROBE ? key.slice(0, PROBE) : key;
    let at = this.text.indexOf(probe, this.cursor);
    for (let tries = 0; at >= 0 && at - this.cursor <= window && tries < TRIES; tries++) {
      if (probe === key || this.text.startsWith(key, at)) {
        // A few words may stand anywhere ("Share", "Read more"): only a long match moves on.
        if (key.length >= 24) this.cursor = at + key.length;
        return true;
      }
      at = this.text.indexOf(probe, at + 1);
    }
    return false;
  }
}
