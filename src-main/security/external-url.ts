/** Long enough for any real link; short enough that nobody smuggles a document through a URL. */
export const MAX_EXTERNAL_URL_LENGTH = 8192;

const BROWSER_SCHEMES = new Set(['http:', 'https:']);

/**
 * The one rule for handing a URL to the operating system: http(s) only. Every other scheme
 * (file:, javascript:, data:, blob:, smb:, custom app protocols) can run or open local things.
 * URLs with credentials are refused too: `https://trusted.example@evil.example` is a classic
 * way to make a link look like somewhere it is not.
 * Returns the parsed URL so callers open exactly what was checked (`url.href`), or null.
 */
export function parseExternalUrl(candidate: unknown): URL | null {
  if (typeof candidate !== 'string' || candidate.length === 0) return null;
  if (candidate.length > MAX_EXTERNAL_URL_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (!BROWSER_SCHEMES.has(url.protocol)) return null;
  if (url.hostname === '' || url.username !== '' || url.password !== '') return null;
  return url;
}

export function isExternalHttpUrl(candidate: unknown): boolean {
  return parseExternalUrl(candidate) !== null;
}
