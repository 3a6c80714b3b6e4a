/**
 * Which addresses Quire may fetch a page or image from: one rule for the desktop app's main
 * process, the web build and the CLI: the shared web-address rule (src-core/validation/url.ts:
 * http(s), no credentials, no control characters, at most 8 KiB), and on top of it no
 * loopback, private, link-local or otherwise special network unless the user allowed it.
 */

import { checkWebUrl } from '../validation/url.ts';
import { classifyAddress } from './address.ts';

export type UrlRefusal = 'bad-url' | 'scheme' | 'credentials' | 'private-address';

export class UrlPolicyError extends Error {
  override name = 'UrlPolicyError';
  constructor(
    readonly code: UrlRefusal,
    message: string,
  ) {
    super(message);
  }
}

/**
 * True for an IP address (v4 or v6, as text) that is not a public internet address: loopback,
 * private, link-local, carrier-grade NAT, unspecified, multicast, reserved. A host name is not
 * an address: the caller resolves it first (the main process) or judges only literals (a browser).
 */
export function isNonPublicAddress(address: string): boolean {
  const kind = classifyAddress(address);
  return kind !== 'public' && kind !== 'invalid';
}

/** Host names that always mean this machine or its network. */
function isLocalName(host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost') || name.endsWith('.local');
}

/**
 * Checks a URL before anything is fetched; returns it parsed. Host names are judged here only
 * when they are literals or local names; the main process also checks what a name resolves to.
 */
export function checkFetchUrl(text: string, allowPrivate: boolean): URL {
  const verdict = checkWebUrl(text);
  if (!verdict.ok) {
    switch (verdict.code) {
      case 'scheme':
        throw new UrlPolicyError(
          'scheme',
          `Quire only saves pages from http and https addresses, not ${schemeOf(text)} ones.`,
        );
      case 'credentials':
        throw new UrlPolicyError(
          'credentials',
          'This address contains a user name or password. Quire does not send credentials: remove them from the address.',
        );
      default:
        throw new UrlPolicyError('bad-url', `“${text}” is not a web address. ${verdict.message}`);
    }
  }
  const url = verdict.value;
  if (!allowPrivate && (isLocalName(url.hostname) || isNonPublicAddress(url.hostname))) {
    throw new UrlPolicyError(
      'private-address',
      `${url.hostname} is on this computer or a private network. Quire fetches from such addresses only when you allow local and private network addresses.`,
    );
  }
  return url;
}

/** "file:" from "file:///etc/passwd", for a refusal that names the scheme. */
function schemeOf(text: string): string {
  try {
    return new URL(text.trim()).protocol;
  } catch {
    return 'such';
  }
}
