import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { MAX_IMPORT_BYTES } from '../../src-core/import/decode.ts';
import type { FetchedResourceDto } from '../ipc/contract.ts';
import { classifyAddress } from '../../src-core/net/address.ts';
import { byteSize, duration, FetchError, httpStatusError, networkError } from './fetch-error.ts';
import { ACCEPT, checkMediaType, parseContentType, type FetchPurpose } from './media-type.ts';
import { readBody } from './read-body.ts';
import {
  bareHostname,
  checkTarget,
  hostOf,
  parseTarget,
  pinnedLookup,
  systemResolver,
  type PinnedAddress,
  type TargetRules,
} from './target.ts';

export { FetchError, type FetchErrorCode } from './fetch-error.ts';
export type { FetchPurpose } from './media-type.ts';

export interface FetchOptions {
  purpose: FetchPurpose;
  /** Let the user reach localhost and private networks (a setting; tests use it for 127.0.0.1). */
  allowPrivate: boolean;
  /** The whole fetch, redirects and body included; default 30 s for a page, 20 s for an image. */
  timeoutMs?: number;
  /** No bytes for this long ends the fetch; default 15 s. */
  idleTimeoutMs?: number;
  /** Decompressed body limit; default MAX_IMPORT_BYTES for a page, 5 MiB for an image. */
  maxBytes?: number;
  /** Default 5. */
  maxRedirects?: number;
  signal?: AbortSignal;
}

/** Same fields as the IPC result, so the main process hands it over unchanged. */
export type FetchedResource = FetchedResourceDto;

/** How hosts are resolved and addresses judged: tests swap these, the app never does. */
export type FetchDeps = Pick<TargetRules, 'resolve' | 'classify'>;

const SYSTEM_DEPS: FetchDeps = { resolve: systemResolver, classify: classifyAddress };

export const USER_AGENT = 'Quire/0.1 (offline archive)';
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

interface Limits {
  timeoutMs: number;
  idleTimeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
}

function limitsFor(options: FetchOptions): Limits {
  const page = options.purpose === 'page';
  return {
    timeoutMs: options.timeoutMs ?? (page ? 30_000 : 20_000),
    idleTimeoutMs: options.idleTimeoutMs ?? 15_000,
    maxBytes: options.maxBytes ?? (page ? MAX_IMPORT_BYTES : MAX_IMAGE_BYTES),
    maxRedirects: options.maxRedirects ?? 5,
  };
}

const what = (purpose: FetchPurpose): string => (purpose === 'page' ? 'page' : 'image');

function tooLarge(purpose: FetchPurpose, host: string, maxBytes: number): FetchError {
  const advice =
    purpose === 'page'
      ? 'Quire saves articles up to that size. Is it really an article?'
      : 'Quire saves images up to that size.';
  return new FetchError(
    'too-large',
    `The ${what(purpose)} at ${host} is larger than ${byteSize(maxBytes)}. ${advice}`,
  );
}

/** Settles with the promise, or rejects with the signal's reason as soon as it aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

interface Hop {
  url: URL;
  pinned: PinnedAddress;
  purpose: FetchPurpose;
  signal: AbortSignal;
  idleTimeoutMs: number;
  onIdle: () => void;
}

/**
 * One GET to one checked address. `agent: false` gives each request its own connection: a
 * pooled keep-alive socket could still point at an address judged for an earlier fetch. The
 * host name stays in the URL (for the Host header and TLS certificate checks); only the
 * lookup is pinned.
 */
function sendRequest(hop: Hop): Promise<IncomingMessage> {
  const { url } = hop;
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = transport.request(
      {
        protocol: url.protocol,
        hostname: bareHostname(url),
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        method: 'GET',
        agent: false,
        lookup: pinnedLookup(hop.pinned),
        signal: hop.signal,
        headers: {
          Accept: ACCEPT[hop.purpose],
          'Accept-Encoding': 'gzip, deflate, br',
          'User-Agent': USER_AGENT,
        },
      },
      resolve,
    );
    request.on('error', reject);
    // Socket inactivity: no byte for this long, while waiting for headers or body.
    request.setTimeout(hop.idleTimeoutMs, hop.onIdle);
    request.end();
  });
}

/**
 * Fetches a web page or an image for the library, from the main process. Every hop, the first
 * and each redirect, is parsed and checked by the same rules (http(s) only, no credentials,
 * every address of the host public unless `allowPrivate`), then connected to exactly the
 * checked address. Limits hold while the body streams: the whole fetch and each silence have
 * a timeout, and the decompressed body a size limit.
 *
 * Throws {@link FetchError} with a message for the user; nothing else.
 */
export async function fetchResource(
  url: string,
  options: FetchOptions,
  deps: FetchDeps = SYSTEM_DEPS,
): Promise<FetchedResource> {
  const limits = limitsFor(options);
  const { purpose } = options;
  let current = parseTarget(url);
  const requestedUrl = current.href;
  const rules: TargetRules = { ...deps, allowPrivate: options.allowPrivate };

  // One controller ends whatever is in progress (DNS, connection, body) for every reason, and
  // `failure` remembers the first reason, which is the one the user hears about.
  const controller = new AbortController();
  let failure: FetchError | null = null;
  const fail = (error: FetchError): void => {
    if (failure) return;
    failure = error;
    controller.abort(error);
  };
  const cancelled = (): FetchError =>
    new FetchError('aborted', `Fetching from ${hostOf(current)} was cancelled.`);
  if (options.signal?.aborted) throw cancelled();
  const onAbort = (): void => fail(cancelled());
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const deadline = setTimeout(() => {
    fail(
      new FetchError(
        'timeout',
        `${hostOf(current)} did not send the whole ${what(purpose)} within ${duration(limits.timeoutMs)}. The site may be slow or down: try again later.`,
      ),
    );
  }, limits.timeoutMs);
  const onIdle = (): void =>
    fail(
      new FetchError(
        'timeout',
        `${hostOf(current)} stopped answering (nothing for ${duration(limits.idleTimeoutMs)}). The site may be slow or down: try again later.`,
      ),
    );

  try {
    for (let redirects = 0; ; redirects++) {
      const pinned = await untilAborted(checkTarget(current, rules), controller.signal);
      const response = await sendRequest({
        url: current,
        pinned,
        purpose,
        signal: controller.signal,
        idleTimeoutMs: limits.idleTimeoutMs,
        onIdle,
      });
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      if (REDIRECTS.has(status) && location) {
        response.destroy();
        if (redirects >= limits.maxRedirects) {
          throw new FetchError(
            'too-many-redirects',
            `${hostOf(current)} redirected more than ${limits.maxRedirects} times (perhaps in a loop). Open the address in your browser and copy the address of the page it ends on.`,
          );
        }
        current = parseTarget(location, current);
        continue;
      }
      return await readResponse(
        response,
        current,
        requestedUrl,
        purpose,
        limits,
        controller.signal,
      );
    }
  } catch (error) {
    if (failure) throw failure;
    if (error instanceof FetchError) throw error;
    throw networkError(hostOf(current), error);
  } finally {
    clearTimeout(deadline);
    options.signal?.removeEventListener('abort', onAbort);
    // Whatever is still open (a response left unread after an error) closes now.
    controller.abort();
  }
}

async function readResponse(
  response: IncomingMessage,
  url: URL,
  requestedUrl: string,
  purpose: FetchPurpose,
  limits: Limits,
  signal: AbortSignal,
): Promise<FetchedResource> {
  const host = hostOf(url);
  const status = response.statusCode ?? 0;
  if (status < 200 || status > 299) {
    response.destroy();
    throw httpStatusError(host, status, response.statusMessage ?? '');
  }
  const { mediaType, charset } = parseContentType(response.headers['content-type']);
  const declaredLength = Number(response.headers['content-length']);
  try {
    checkMediaType(purpose, mediaType, host);
    // Refused before a byte of the body is read. Compressed, the body only grows.
    if (declaredLength > limits.maxBytes) throw tooLarge(purpose, host, limits.maxBytes);
  } catch (error) {
    response.destroy();
    throw error;
  }
  const bytes = await readBody(response, {
    maxBytes: limits.maxBytes,
    signal,
    host,
    tooLarge: () => tooLarge(purpose, host, limits.maxBytes),
  });
  return { requestedUrl, url: url.href, status, mediaType, charset, bytes };
}
