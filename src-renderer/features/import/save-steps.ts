import type { ParsedArticle } from '../../../src-core/article/model.ts';
import { collectOfflineImages } from '../../../src-core/capture/offline-images.ts';
import type { Library } from '../../db/index.ts';
import { sha256, type Host } from '../../host/index.ts';
import { displayTitle } from '../../ui/format.ts';
import type { BatchSteps, FetchedBytes, SaveResult } from './batch.ts';

/** The last path segment of an address, as a file name hint ("page.html"), or null. */
function fileNameOf(url: string): string | null {
  const segment = new URL(url).pathname.split('/').pop();
  if (!segment) return null;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // a malformed %-escape: the name as written is still a hint
  }
}

/** Fetches a page through the host (main process or browser) and hands its bytes on. */
export function pageFetchStep(host: Host, allowPrivate: boolean): BatchSteps['fetchPage'] {
  return async (url, signal): Promise<FetchedBytes> => {
    const page = await host.fetchPage(url, { allowPrivate, signal });
    return {
      bytes: page.bytes,
      options: {
        fileName: fileNameOf(page.url),
        url: page.url,
        charset: page.charset,
        mediaType: page.mediaType,
      },
    };
  };
}

function imageNote(failed: number): string | undefined {
  if (failed === 0) return undefined;
  return failed === 1 ? '1 image could not be saved' : `${failed} images could not be saved`;
}

/**
 * Stores an article with the images its body shows, fetched now so that reading it later never
 * goes to the network. An image that fails is noted, not fatal: the text is what matters.
 */
export function createSaveStep(
  library: Library,
  host: Host,
  allowPrivate: boolean,
): BatchSteps['save'] {
  return async (parsed: ParsedArticle, bytes, signal): Promise<SaveResult> => {
    const known = await library.articles.findDuplicate(parsed);
    if (known) return duplicateResult(known.article.id, known.article.csl.title, known.duplicateOf);
    const { stored, outcomes } = await collectOfflineImages(
      parsed.images,
      (url) => host.fetchImage(url, { allowPrivate, signal }),
      sha256,
      { signal },
    );
    const result = await library.articles.add(parsed, bytes, { images: stored });
    if (result.status === 'duplicate') {
      return duplicateResult(result.article.id, result.article.csl.title, result.duplicateOf);
    }
    const note = imageNote(outcomes.filter((o) => o.status !== 'stored').length);
    return {
      status: 'added',
      id: result.article.id,
      title: displayTitle(result.article.csl.title),
      ...(note ? { note } : {}),
    };
  };
}

function duplicateResult(
  id: string,
  title: string | undefined,
  duplicateOf: 'content' | 'url',
): SaveResult {
  return {
    status: 'duplicate',
    id,
    title: displayTitle(title),
    ...(duplicateOf === 'url' ? { note: 'an article saved from the same address' } : {}),
  };
}
