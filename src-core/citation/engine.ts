import { plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import type { CslItem } from '../article/model.ts';
import { toBibtex } from './bibtex.ts';
import { ITEM_ID, itemForStyle } from './csl-item.ts';
import { registerResources } from './csl-styles.ts';
import { parseLocator } from './locator.ts';
import { fromCiteprocHtml, fromPlainText } from './output-format.ts';
import { articleProperNouns, withMetadataNames } from './article-nouns.ts';
import type { CitableArticle, CitationEngine, CslResources } from './types.ts';

interface CiteItem {
  id: string;
  locator?: string;
  label?: string;
  suffix?: string;
}

/** citation-js types `format` per output plugin; this is the shape the CSL plugin accepts. */
const format = plugins.output.format as unknown as (
  name: 'bibliography' | 'citation',
  data: CslItem[],
  options: Record<string, unknown>,
) => unknown;

/**
 * Creates the engine once per set of resources; each call then only renders one item with an
 * already-built citeproc engine (citation-js caches those per style and locale). Proper nouns
 * are learned once per body array: Article bodies are immutable values in Quire.
 */
export function createCitationEngine(resources: CslResources): CitationEngine {
  const styles = registerResources(resources);
  const learned = new WeakMap<object, Set<string>>();
  const properNouns = (article: CitableArticle): Set<string> => {
    let nouns = learned.get(article.body);
    if (!nouns) {
      nouns = articleProperNouns(article.body.map((p) => p.text));
      learned.set(article.body, nouns);
    }
    return withMetadataNames(nouns, article);
  };

  return {
    reference(article, style, outputFormat = 'text') {
      const nouns = properNouns(article);
      if (style === 'bibtex' || style === 'biblatex') {
        return fromPlainText(toBibtex(article, style, nouns), outputFormat);
      }
      const item = itemForStyle(article.csl, style, nouns);
      const entries = format('bibliography', [item], {
        template: styles[style],
        lang: styles.lang,
        format: 'html',
        asEntryArray: true,
      }) as [string, string][];
      return fromCiteprocHtml(entries[0]?.[1] ?? '', outputFormat);
    },

    inText(article, style, options = {}, outputFormat = 'text') {
      const item = itemForStyle(article.csl, style, properNouns(article));
      const html = format('citation', [item], {
        template: styles[style],
        lang: styles.lang,
        format: 'html',
        entry: citeItem(options.locator),
      }) as string;
      return fromCiteprocHtml(html, outputFormat);
    },
  };
}

/**
 * A locator the styles can label ("para. 5") goes to citeproc, which prints it in the style's
 * own abbreviation (APA "para. 5", MLA "par. 5"). Anything else is kept verbatim after a comma
 * rather than dropped, so what the user typed is never lost.
 */
function citeItem(locator: string | undefined): CiteItem {
  const text = locator?.trim();
  if (!text) return { id: ITEM_ID };
  const parsed = parseLocator(text);
  if (parsed) return { id: ITEM_ID, locator: parsed.value, label: parsed.label };
  return { id: ITEM_ID, suffix: `, ${text}` };
}
