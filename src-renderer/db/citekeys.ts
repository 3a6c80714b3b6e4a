import { citationKey, uniqueCitekey } from '../../src-core/citation/citation-key.ts';
import type { CslItem } from '../../src-core/article/model.ts';
import type { QuireDatabase } from './database.ts';

/** What BibTeX, biber and pandoc accept in a key without quoting: no spaces, commas or braces. */
const CITEKEY = /^[\p{L}\p{N}_:.+/-]+$/u;
export const MAX_CITEKEY_LENGTH = 100;

/** Checks a key the user typed; throws with a message for the field. */
export function validateCitekey(key: string): string {
  const text = key.trim();
  if (!text) throw new Error('A citation key cannot be empty');
  if (text.length > MAX_CITEKEY_LENGTH)
    throw new Error(`A citation key has at most ${MAX_CITEKEY_LENGTH} characters`);
  if (!CITEKEY.test(text)) {
    throw new Error(
      'A citation key may hold letters, digits and _ : . + / - only (no spaces, commas or braces)',
    );
  }
  return text;
}

/**
 * The readable key for `csl`, made unique in the library. Call inside a transaction over
 * `articles` so no other write takes the same key in between; `own` is the key of the record
 * being re-keyed, which does not count as taken.
 */
export async function freeCitekey(db: QuireDatabase, csl: CslItem, own?: string): Promise<string> {
  const base = citationKey(csl);
  const taken = new Set(
    (await db.articles.where('citekey').startsWith(base).keys()).map((k) => String(k)),
  );
  if (own) taken.delete(own);
  return uniqueCitekey(base, taken);
}
