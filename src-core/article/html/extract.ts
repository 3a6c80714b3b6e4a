import { Readability } from '@mozilla/readability';

const TEXT = 3;

export interface Extraction {
  /** Text nodes of the page that the extractor kept as the article's. */
  keptNodes: Set<Text>;
  /** `<img>` elements of the page the extractor kept (by identity, as `keptNodes`). */
  keptImages: Set<Element>;
  /**
   * The kept text in reading order, words separated by single spaces: for pages where the
   * extractor started over on a re-parsed copy, whose nodes are not the page's.
   */
  keptText: string;
  /** Readability's own reading of the title: evidence, not the answer. */
  title: string | null;
}

/**
 * Asks Mozilla Readability which part of the page is the article. Readability rewrites the
 * document it reads, moving the article's nodes into a container of its own: so it runs after
 * the blocks and the metadata are read, and the text nodes it kept say which blocks are the
 * article's. When Readability retries on a re-parsed copy, identity is lost and the kept text
 * itself is compared instead.
 */
export function extractArticle(doc: Document): Extraction {
  const keptNodes = new Set<Text>();
  const keptImages = new Set<Element>();
  const texts: string[] = [];
  let title: string | null = null;
  try {
    const result = new Readability<Element>(doc, { serializer: (el) => el as Element }).parse();
    if (result?.content) {
      collectText(result.content, keptNodes, texts, keptImages);
      title = result.title?.trim() || null;
    }
  } catch {
    // A page Readability cannot read still has blocks: the rules then read the whole page.
  }
  return { keptNodes, keptImages, keptText: textKey(texts.join(' ')), title };
}

function collectText(root: Element, nodes: Set<Text>, texts: string[], images: Set<Element>): void {
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.nodeType === TEXT) {
      nodes.add(node as Text);
      texts.push((node as Text).data);
      continue;
    }
    if ((node as Element).tagName === 'IMG') images.add(node as Element);
    const mark = stack.length;
    for (let child = node.firstChild; child; child = child.nextSibling) stack.push(child);
    stack.splice(mark, stack.length - mark, ...stack.slice(mark).reverse());
  }
}

/** Text compared by its words: a re-parsed copy may differ in whitespace and no-break spaces. */
export function textKey(data: string): string {
  return data.replace(/[\s\u00a0]+/g, ' ').trim();
}
