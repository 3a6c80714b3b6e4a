import type { ArticleRecord } from '../../db/index.ts';
import { collectOfflineImages } from '../../../src-core/capture/offline-images.ts';
import { fetchedPageOptions } from '../../../src-core/import/import-article.ts';
import type { Capturer } from '../../capture/capturer.ts';
import type { ReferenceRepository } from '../../db/index.ts';
import type { Host } from '../../host/index.ts';
import { sha256 } from '../../host/sha256.ts';

/**
 * Saves the page of a reference-only entry from its address, by the same path as "Add from
 * address": fetched through the host (private addresses as the user's setting says), captured
 * by the capture workers, its images fetched for offline reading; then attached to the entry,
 * whose imported metadata, notes, tags, collections and key stay.
 */
export async function savePageForReference(
  deps: { host: Host; capturer: Capturer; references: ReferenceRepository; allowPrivate: boolean },
  article: Pick<ArticleRecord, 'id' | 'csl'>,
  signal: AbortSignal,
): Promise<ArticleRecord> {
  const url = article.csl.URL;
  if (!url || !/^https?:\/\//iu.test(url)) throw new Error('This entry has no web address');
  const page = await deps.host.fetchPage(url, { allowPrivate: deps.allowPrivate, signal });
  const parsed = await deps.capturer.capture(page.bytes, fetchedPageOptions(page));
  const { stored } = await collectOfflineImages(
    parsed.images,
    (src) => deps.host.fetchImage(src, { allowPrivate: deps.allowPrivate, signal }),
    sha256,
  );
  return deps.references.attachPage(article.id, parsed, page.bytes, { images: stored });
}
