import { MAX_IMPORT_BYTES } from '../../src-core/import/decode.ts';
import { ACCEPT_HEADERS, PAGE_MEDIA_TYPES } from '../../src-core/net/media-types.ts';
import { checkFetchUrl } from '../../src-core/net/url-policy.ts';
import { UserFacingError, type FetchedPage, type FetchOptions, type ImageResult } from './host.ts';

/**
 * Web mode's fetch: the browser reads the page itself, which it may only do where the site
 * allows cross-origin reads (CORS). The desktop app fetches in its main process instead.
 */

const PAGE_TIMEOUT_MS = 30_000;
const IMAGE_TIMEOUT_MS = 20_000;
export const MAX_WEB_IMAGE_BYTES = 5 * 1024 * 1024;

function contentType(response: Response): { mediaType: string; charset: string | null } {
  const header = response.headers.get('content-type') ?? '';
  const [type = '', ...params] = header.split(';');
  const charset = params
    .map((p) => /^\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(p)?.[1])
    .find((c) => c !== undefined);
  return { mediaType: type.trim().toLowerCase(), charset: charset?.toLowerCase() ?? null };
}

/** Reads a body up to `limit` bytes, cancelling the stream as soon as it goes over. */
async function readLimited(response: Response, limit: number, tooLarge: () => Error) {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array(await response.arrayBuffer());
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function withTimeout(signal: AbortSignal | undefined, ms: number): AbortSignal {
  const timeout = AbortSignal.timeout(ms);
  return signal ? AbortSignal.any([signal, timeout]) : timeout;
}

async function request(url: URL, signal: AbortSignal, accept: string): Promise<Response> {
  try {
    return await fetch(url, {
      signal,
      mode: 'cors',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      cache: 'no-store',
      headers: { Accept: accept },
    });
  } catch (error) {
    if (signal.aborted) {
      const reason: unknown = signal.reason;
      const timedOut = reason instanceof DOMException && reason.name === 'TimeoutError';
      throw new UserFacingError(
        timedOut
          ? `${url.host} did not answer in time. Try again later, or save the page as a file and add that.`
          : 'Cancelled.',
      );
    }
    void error;
    throw new UserFacingError(
      `This browser could not read the page at ${url.host}: the site does not allow other web pages to read it (CORS), or it could not be reached. Use the Quire desktop app, which fetches pages itself, or save the page as a file and add that.`,
    );
  }
}

function statusMessage(response: Response, host: string): string {
  const text = response.statusText ? ` ${response.statusText}` : '';
  return `${host} answered ${response.status}${text}: there is no page to save at this address.`;
}

export async function webFetchPage(text: string, options: FetchOptions): Promise<FetchedPage> {
  const url = checkUrl(text, options.allowPrivate);
  const signal = withTimeout(options.signal, PAGE_TIMEOUT_MS);
  const response = await request(url, signal, ACCEPT_HEADERS.page);
  if (!response.ok) throw new UserFacingError(statusMessage(response, url.host));
  const { mediaType, charset } = contentType(response);
  if (!PAGE_MEDIA_TYPES.has(mediaType)) {
    await response.body?.cancel();
    throw new UserFacingError(
      `The address gives ${mediaType}, not a web page. Quire saves web pages, Markdown and plain text.`,
    );
  }
  const bytes = await readLimited(
    response,
    MAX_IMPORT_BYTES,
    () =>
      new UserFacingError(
        `The page at ${url.host} is larger than ${MAX_IMPORT_BYTES / (1024 * 1024)} MB, too large to be an article.`,
      ),
  );
  return { bytes, url: response.url || url.href, mediaType, charset };
}

export async function webFetchImage(text: string, options: FetchOptions): Promise<ImageResult> {
  try {
    const url = checkUrl(text, options.allowPrivate);
    const signal = withTimeout(options.signal, IMAGE_TIMEOUT_MS);
    const response = await request(url, signal, ACCEPT_HEADERS.image);
    if (!response.ok) return { ok: false, message: statusMessage(response, url.host) };
    const { mediaType } = contentType(response);
    const bytes = await readLimited(
      response,
      MAX_WEB_IMAGE_BYTES,
      () => new UserFacingError('The image is larger than 5 MB.'),
    );
    return { ok: true, bytes, mediaType };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

function checkUrl(text: string, allowPrivate: boolean): URL {
  try {
    return checkFetchUrl(text, allowPrivate);
  } catch (error) {
    throw new UserFacingError((error as Error).message);
  }
}
