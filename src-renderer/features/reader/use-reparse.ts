import { useEffect } from 'react';
import { PARSER_VERSION } from '../../../src-core/article/model.ts';
import { reimportOptions } from '../../../src-core/import/import-article.ts';
import type { Capturer } from '../../capture/capturer.ts';
import { isReferenceOnly, type ArticleRecord, type Library } from '../../db/index.ts';

/**
 * Brings an article saved by older capture rules up to date when it is opened: its stored
 * original bytes are read again by the current rules and the repository swaps in what they
 * found (paragraphs, headings, notices), keeping the user's metadata. The reader shows the old
 * record meanwhile and picks up the new one by itself (live query). If the bytes cannot be read
 * again, the record stays as it is.
 */
export function useReparse(
  library: Library,
  capturer: Capturer,
  article: ArticleRecord | null | undefined,
): void {
  const id = article?.id;
  // A reference without its page has no capture to read again (its source is the entry's text).
  const stale =
    article != null && !isReferenceOnly(article) && article.parserVersion < PARSER_VERSION;
  const hash = article?.source.sha256;
  const source = article?.source;

  useEffect(() => {
    if (!stale || !id || !hash) return;
    // Not cancelled on unmount: the result is worth saving, and a second run (another window,
    // StrictMode's double effect) is a no-op in the repository.
    (async () => {
      const bytes = await library.articles.sourceBytes(hash);
      if (!bytes) throw new Error('its original source is missing');
      // The capture worker, as for a new import: a long article never blocks the window.
      const parsed = await capturer.capture(bytes, reimportOptions(source!));
      await library.articles.reparse(id, parsed);
    })().catch((error: unknown) => {
      console.warn(`Could not re-read article ${id} with the current capture rules:`, error);
    });
  }, [library, capturer, id, stale, hash, source]);
}
