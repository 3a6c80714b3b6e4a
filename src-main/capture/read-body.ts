import type { IncomingMessage } from 'node:http';
import { Writable, type Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';
import { FetchError } from './fetch-error.ts';

export interface BodyLimits {
  maxBytes: number;
  /** Ends the read (timeout, cancel): the pipeline destroys the response and its socket. */
  signal: AbortSignal;
  /** The error to give when the decompressed body passes maxBytes. */
  tooLarge: () => FetchError;
  host: string;
}

/**
 * The encodings a body went through, outermost last ("gzip, br" was gzipped, then brotli'd).
 * Quire asked for gzip, deflate and br only; anything else it cannot read.
 */
function encodingsOf(header: string | undefined, host: string): string[] {
  const names = (header ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '' && name !== 'identity');
  for (const name of names) {
    if (!['gzip', 'x-gzip', 'deflate', 'br'].includes(name)) {
      throw new FetchError(
        'unsupported-type',
        `The server at ${host} compressed its answer as "${name.slice(0, 40)}", which Quire cannot read.`,
      );
    }
  }
  if (names.length > 2) {
    throw new FetchError(
      'unsupported-type',
      `The server at ${host} compressed its answer ${names.length} times over; Quire refuses it.`,
    );
  }
  return names;
}

/**
 * "deflate" is meant to be zlib-wrapped (RFC 9110), but some servers send raw deflate, which
 * browsers accept too. A zlib stream starts with a header whose first 16 bits are a multiple
 * of 31 and whose method is 8.
 */
function isZlibHeader(chunk: Uint8Array | null): boolean {
  if (!chunk || chunk.length < 2) return true;
  const [cmf = 0, flg = 0] = chunk;
  return (cmf & 0x0f) === 8 && ((cmf << 8) | flg) % 31 === 0;
}

/** Waits for the first chunk of the body and puts it back, to look at it before decoding. */
function peekFirstChunk(response: IncomingMessage, signal: AbortSignal): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const done = (): void => {
      response.off('readable', onReadable);
      response.off('end', onEnd);
      response.off('error', onError);
      signal.removeEventListener('abort', onAbort);
    };
    const onReadable = (): void => {
      done();
      const chunk = response.read() as Buffer | null;
      if (chunk) response.unshift(chunk);
      resolve(chunk);
    };
    const onEnd = (): void => {
      done();
      resolve(null);
    };
    const onError = (error: Error): void => {
      done();
      reject(error);
    };
    const onAbort = (): void => {
      done();
      reject(signal.reason);
    };
    if (signal.aborted) return onAbort();
    response.once('readable', onReadable);
    response.once('end', onEnd);
    response.once('error', onError);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

async function decoderFor(
  name: string,
  response: IncomingMessage,
  first: boolean,
  signal: AbortSignal,
): Promise<Transform> {
  if (name === 'br') return createBrotliDecompress();
  if (name === 'gzip' || name === 'x-gzip') return createGunzip();
  // Only the first decoder reads the raw body, which can be peeked at; later ones get zlib.
  if (!first) return createInflate();
  return isZlibHeader(await peekFirstChunk(response, signal))
    ? createInflate()
    : createInflateRaw();
}

/**
 * Reads a response body through its decompressors and counts the DECOMPRESSED bytes as they
 * stream: the read stops as soon as they pass maxBytes, so a zip bomb (a few KB that inflate
 * to gigabytes) or a body that never ends costs at most the limit plus one chunk. The result is
 * a fresh Uint8Array of exactly the body's length (never a view into Node's shared buffer pool,
 * which structured clone would copy whole across IPC).
 */
export async function readBody(response: IncomingMessage, limits: BodyLimits): Promise<Uint8Array> {
  const names = encodingsOf(response.headers['content-encoding'], limits.host);
  const decoders: Transform[] = [];
  for (const [index, name] of [...names].reverse().entries()) {
    decoders.push(await decoderFor(name, response, index === 0, limits.signal));
  }
  const chunks: Buffer[] = [];
  let total = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      total += chunk.length;
      if (total > limits.maxBytes) return callback(limits.tooLarge());
      chunks.push(chunk);
      callback();
    },
  });
  await pipeline([response, ...decoders, sink], { signal: limits.signal });
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.length;
  }
  return body;
}
