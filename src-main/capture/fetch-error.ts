import type { FetchErrorCode } from '../ipc/contract.ts';

export type { FetchErrorCode } from '../ipc/contract.ts';

/**
 * A fetch that did not bring back something Quire can save. `message` is written for the
 * user: it names the host, says what went wrong and what to do, and is shown as it is.
 */
export class FetchError extends Error {
  override name = 'FetchError';
  constructor(
    readonly code: FetchErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** "2 seconds", "300 ms": timeouts in a message, as a person would say them. */
export function duration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  const seconds = Math.round(ms / 100) / 10;
  return `${seconds} second${seconds === 1 ? '' : 's'}`;
}

/** "10 MB", "512 KB" or "300 bytes". */
export function byteSize(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (Number.isInteger(mb)) return `${mb} MB`;
  const kb = bytes / 1024;
  if (Number.isInteger(kb)) return `${kb} KB`;
  return `${bytes} bytes`;
}

/** What to suggest for a status code the server answered with. */
function statusAdvice(status: number): string {
  if (status === 401 || status === 403)
    return 'The page may need a login, or the site refuses automated visitors: save it from your browser instead (Save Page As…) and add the file.';
  if (status === 404 || status === 410) return 'Check the address.';
  if (status === 429) return 'The site asks for fewer requests: try again in a few minutes.';
  if (status >= 500) return 'The site has a problem of its own: try again later.';
  return 'Open the address in your browser to see what the site says.';
}

export function httpStatusError(host: string, status: number, statusText: string): FetchError {
  const answer = `${status}${statusText ? ` ${statusText}` : ''}`;
  return new FetchError(
    'http-status',
    `The server at ${host} answered ${answer}. ${statusAdvice(status)}`,
  );
}

/** Network failures by errno, in words. */
const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: 'the connection was refused',
  ECONNRESET: 'the connection was reset',
  EHOSTUNREACH: 'the host cannot be reached',
  ENETUNREACH: 'the network cannot be reached',
  EPIPE: 'the connection was closed',
  ETIMEDOUT: 'the connection timed out',
  CERT_HAS_EXPIRED: 'its security certificate has expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its security certificate is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'its security certificate is not trusted',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its security certificate cannot be verified',
  ERR_TLS_CERT_ALTNAME_INVALID: 'its security certificate is for another site',
  HPE_INVALID_CONSTANT: 'it sent a malformed answer',
  HPE_HEADER_OVERFLOW: 'it sent headers that are too large',
  Z_DATA_ERROR: 'it sent a damaged compressed body',
  Z_BUF_ERROR: 'it sent a compressed body that is cut off',
  ERR_STREAM_PREMATURE_CLOSE: 'the connection closed before the whole page arrived',
};

export function networkError(host: string, error: unknown): FetchError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const reason =
    (code && NETWORK_REASONS[code]) ??
    (error instanceof Error ? error.message : String(error)) ??
    'an unknown error';
  return new FetchError(
    'network',
    `Quire could not fetch from ${host}: ${reason}${code ? ` (${code})` : ''}. Check the address and your internet connection, then try again.`,
  );
}
