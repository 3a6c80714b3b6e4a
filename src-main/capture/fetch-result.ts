import type { FetchRequest, FetchResult } from '../ipc/contract.ts';
import { FetchError, fetchResource, type FetchPurpose } from './fetch-resource.ts';

/**
 * A fetch for the renderer: failures come back as values, since Electron replaces the message
 * of an error thrown across IPC with its own wrapper text. Anything that is not a FetchError
 * is a bug; the user gets a plain sentence and the log gets the details.
 */
export async function fetchForRenderer(
  request: FetchRequest,
  purpose: FetchPurpose,
  fetch: typeof fetchResource = fetchResource,
): Promise<FetchResult> {
  try {
    const resource = await fetch(request.url, { purpose, allowPrivate: request.allowPrivate });
    return { ok: true, resource };
  } catch (error) {
    if (error instanceof FetchError) return { ok: false, code: error.code, message: error.message };
    console.error('[quire] fetch failed unexpectedly', error);
    return {
      ok: false,
      code: 'network',
      message: 'Quire could not fetch this address because of an internal error. Try again.',
    };
  }
}
