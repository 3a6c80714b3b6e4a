import { accept, hasControlCharacter, refuse, type Verdict } from './verdict.ts';

/** Long enough for any real link; short enough that nobody smuggles a document through a URL. */
export const MAX_URL_LENGTH = 8192;

export type UrlRefusal = 'empty' | 'too-long' | 'control' | 'malformed' | 'scheme' | 'credentials';

/**
 * The one rule for a web address anywhere in Quire (stored, opened, fetched, typed): http or
 * https with a host, no user name or password (`https://trusted.example@evil.example` is a
 * classic way to disguise where a link leads), no control characters, at most 8 KiB.
 * Surrounding whitespace is ignored. The parsed URL comes back so callers open or fetch exactly
 * what was checked; where a page is fetched, url-policy.ts adds the private-address rule on top.
 */
export function checkWebUrl(text: string): Verdict<URL, UrlRefusal> {
  const value = text.trim();
  if (value === '') return refuse('empty', 'Enter a web address.');
  if (value.length > MAX_URL_LENGTH) {
    return refuse('too-long', `This web address is longer than ${MAX_URL_LENGTH} characters.`);
  }
  if (hasControlCharacter(value)) {
    return refuse(
      'control',
      'This web address contains a line break, tab or other control character.',
    );
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return refuse('malformed', 'Enter a full web address starting with https:// or http://.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return refuse('scheme', `Only http and https addresses are allowed, not ${url.protocol} ones.`);
  }
  if (url.hostname === '') {
    return refuse('malformed', 'Enter a full web address starting with https:// or http://.');
  }
  if (url.username !== '' || url.password !== '') {
    return refuse(
      'credentials',
      'This address contains a user name or password: remove them (they can disguise where a link leads).',
    );
  }
  return accept(url);
}

/** The parsed http(s) URL, or null; for callers that drop what they cannot use. */
export function webUrlOrNull(text: unknown): URL | null {
  if (typeof text !== 'string') return null;
  const verdict = checkWebUrl(text);
  return verdict.ok ? verdict.value : null;
}
