import type { Capturer } from '../../capture/capturer.ts';
import type { Host } from '../../host/index.ts';
import type { BatchSteps, FetchedBytes } from './batch.ts';

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
