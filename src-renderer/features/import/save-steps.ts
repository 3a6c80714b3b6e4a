import { fetchedPageOptions } from '../../../src-core/import/import-article.ts';
import type { Capturer } from '../../capture/capturer.ts';
import type { Host } from '../../host/index.ts';
import type { BatchSteps, FetchedBytes } from './batch.ts';

/** Fetches a page through the host (main process or browser) and hands its bytes on. */
export function pageFetchStep(host: Host, allowPrivate: boolean): BatchSteps['fetchPage'] {
  return async (url, signal): Promise<FetchedBytes> => {
    const page = await host.fetchPage(url, { allowPrivate, signal });
    return { bytes: page.bytes, options: fetchedPageOptions(page) };
  };
}

/**
 * Captures and stores through the capturer (the worker stores it itself), fetching the body's
 * images through the host so that reading the article later never goes to the network.
 */
export function storeStep(
  capturer: Capturer,
  host: Host,
  allowPrivate: boolean,
): BatchSteps['store'] {
  return (bytes, options, signal) =>
    capturer.store(bytes, options, (url) => host.fetchImage(url, { allowPrivate, signal }));
}
