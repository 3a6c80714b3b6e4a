import { citationKey, uniqueCitekey } from './citation-key.ts';
import type { CitableArticle } from './types.ts';

/**
 * Gives every article a citation key unique among them: keys already assigned (persisted in
 * the library, perhaps exported and cited in a paper) are kept as they are and reserved first;
 * the others get their readable key, with a, b, … when it is taken.
 */
export function withLibraryCitekeys<T extends CitableArticle>(
  articles: readonly T[],
): (T & { citekey: string })[] {
  const taken = new Set<string>();
  for (const a of articles) if (a.citekey) taken.add(a.citekey);
  return articles.map((a) => {
    if (a.citekey) return { ...a, citekey: a.citekey };
    const citekey = uniqueCitekey(citationKey(a.csl), taken);
    taken.add(citekey);
    return { ...a, citekey };
  });
}
