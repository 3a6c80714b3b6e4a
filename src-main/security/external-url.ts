import { checkWebUrl, MAX_URL_LENGTH } from '../../src-core/validation/index.ts';

/** The shared cap (src-core/validation/url.ts), under the name main's callers know. */
export const MAX_EXTERNAL_URL_LENGTH = MAX_URL_LENGTH;

/**
 * Whether a URL may be handed to the operating system: the shared web-address rule (http(s)
 * with a host, no credentials, no control characters, at most 8 KiB). Every other scheme
 * (file:, javascript:, data:, blob:, smb:, custom app protocols) can run or open local things.
 * Returns the parsed URL so callers open exactly what was checked (`url.href`), or null.
 */
export function parseExternalUrl(candidate: unknown): URL | null {
  if (typeof candidate !== 'string') return null;
  const verdict = checkWebUrl(candidate);
  return verdict.ok ? verdict.value : null;
}

export function isExternalHttpUrl(candidate: unknown): boolean {
  return parseExternalUrl(candidate) !== null;
}
