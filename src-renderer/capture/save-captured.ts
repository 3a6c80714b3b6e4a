import type { ParsedArticle } from '../../src-core/article/model.ts';
import { collectOfflineImages, type ImageFetcher } from '../../src-core/capture/offline-images.ts';
import type { ArticleRepository } from '../db/records.ts';
import { sha256 } from '../host/sha256.ts';
import { displayTitle } from '../ui/format.ts';

/** What became of a captured article: saved, or already in the library (and why). */
export interface SavedArticle {
  status: 'added' | 'duplicate';
  id: string;
  title: string;
  /** "an article saved from the same address", "2 images could not be saved". */
  note?: string;
}

function imageNote(failed: number): string | undefined {
  if (failed === 0) return undefined;
  return failed === 1 ? '1 image could not be saved' : `${failed} images could not be saved`;
}

function duplicate(id: string, title: string | undefined, by: 'content' | 'url'): SavedArticle {
  return {
    status: 'duplicate',
    id,
    title: displayTitle(title),
    ...(by === 'url' ? { note: 'an article saved from the same address' } : {}),
  };
}

/**
 * Stores a captured article with the images its body shows, fetched now so that reading it
 * later never goes to the network. A page already in the library is reported before any image
 * is fetched; an image that fails is noted, not fatal: the text is what matters. Runs where
 * the capture ran (the worker, or the UI thread for the baseline), so the article is never
 * copied between threads.
 */
export async function saveCaptured(
  articles: ArticleRepository,
  parsed: ParsedArticle,
  bytes: Uint8Array,
  fetchImage: ImageFetcher,
): Promise<SavedArticle> {
  const known = await articles.findDuplicate(parsed);
  if (known) return duplicate(known.article.id, known.article.csl.title, known.duplicateOf);
  const { stored, outcomes } = await collectOfflineImages(parsed.images, fetchImage, sha256);
  const result = await articles.add(parsed, bytes, { images: stored });
  if (result.status === 'duplicate') {
    return duplicate(result.article.id, result.article.csl.title, result.duplicateOf);
  }
  const note = imageNote(outcomes.filter((o) => o.status !== 'stored').length);
  return {
    status: 'added',
    id: result.article.id,
    title: displayTitle(result.article.csl.title),
    ...(note ? { note } : {}),
  };
}
