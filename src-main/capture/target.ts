import { lookup } from 'node:dns/promises';
import { isIP, type LookupFunction } from 'node:net';
import { ADDRESS_KIND_NAMES, type AddressKind } from '../../src-core/net/address.ts';
import { checkWebUrl } from '../../src-core/validation/index.ts';
import { FetchError } from './fetch-error.ts';

/** Resolves a host name to every address it has, as `dns.lookup(host, { all: true })` does. */
export type Resolver = (
  hostname: string,
) => Promise<readonly { address: string; family: number }[]>;

export const systemResolver: Resolver = (hostname) =>
  lookup(hostname, { all: true, verbatim: true });

/** How one hop is judged; the defaults are the system's DNS and {@link classifyAddress}. */
export interface TargetRules {
  allowPrivate: boolean;
  resolve: Resolver;
  classify: (address: string) => AddressKind;
}

/** The one address a request may connect to, already checked. */
export interface PinnedAddress {
  address: string;
  family: 4 | 6;
}

/** "example.org" (or "example.org:8080") for messages: the host the user will recognise. */
export const hostOf = (url: URL): string => url.host;

/**
 * Parses an address the user gave, or a redirect's Location against the page that sent it, and
 * refuses what Quire never fetches: other schemes (file:, ftp:, javascript:, data:…) and URLs
 * with a user name or password (`https://bank.example@evil.example` hides where it goes, and
 * Quire has no business sending credentials).
 */
export function parseTarget(input: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(input, base);
  } catch {
    const shown = input.length > 80 ? `${input.slice(0, 80)}…` : input;
    throw new FetchError(
      'bad-url',
      base
        ? `${hostOf(base)} redirected to an address Quire cannot read ("${shown}").`
        : `"${shown}" is not a web address. Enter a full address, such as https://example.org/article.`,
    );
  }
  // The shared rule (src-core/validation/url.ts) judges the address as written, or a redirect's
  // target once resolved; the messages here say it for a fetch.
  const verdict = checkWebUrl(base ? url.href : input);
  if (verdict.ok) return verdict.value;
  switch (verdict.code) {
    case 'scheme':
      throw new FetchError(
        'scheme',
        `Quire fetches only http:// and https:// addresses${base ? ` (${hostOf(base)} redirected to a ${url.protocol} address)` : `, not ${url.protocol} ones`}.`,
      );
    case 'credentials':
      throw new FetchError(
        'credentials',
        `The address for ${hostOf(url)} contains a user name or password. Quire does not send credentials: remove them from the address (the part before "@") and try again.`,
      );
    case 'malformed':
      throw new FetchError('bad-url', `"${input}" has no host name. Enter a full web address.`);
    default:
      throw new FetchError('bad-url', verdict.message);
  }
}

/** The host name without the brackets a URL puts around an IPv6 address. */
export const bareHostname = (url: URL): string => url.hostname.replace(/^\[(.*)\]$/, '$1');

async function addressesOf(
  url: URL,
  resolve: Resolver,
): Promise<readonly { address: string; family: number }[]> {
  const hostname = bareHostname(url);
  const literal = isIP(hostname);
  if (literal) return [{ address: hostname, family: literal }];
  let found: readonly { address: string; family: number }[];
  try {
    found = await resolve(hostname);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const temporary = code === 'EAI_AGAIN' || code === 'ETIMEOUT';
    throw new FetchError(
      'dns',
      temporary
        ? `Quire could not look up ${hostOf(url)} right now. Check your internet connection and try again.`
        : `Quire could not find the server ${hostOf(url)}. Check the address and your internet connection.`,
    );
  }
  if (found.length === 0) {
    throw new FetchError('dns', `The server ${hostOf(url)} has no address. Check the address.`);
  }
  return found;
}

/**
 * Resolves one hop and judges every address the host has: if any of them is not on the public
 * internet the hop is refused, since a later connection could pick that one. The caller
 * connects to exactly the address returned (see {@link pinnedLookup}), so a DNS answer that
 * changes between the check and the connection (DNS rebinding) cannot redirect it.
 */
export async function checkTarget(url: URL, rules: TargetRules): Promise<PinnedAddress> {
  const addresses = await addressesOf(url, rules.resolve);
  for (const { address } of addresses) {
    const kind = rules.classify(address);
    if (kind === 'invalid' || (!rules.allowPrivate && kind !== 'public')) {
      throw new FetchError(
        'private-address',
        `${hostOf(url)} points to ${address}, ${ADDRESS_KIND_NAMES[kind]}. Quire does not fetch from this computer or your local network unless you allow it in Settings.`,
      );
    }
  }
  const [first] = addresses;
  return { address: first!.address, family: first!.family === 6 ? 6 : 4 };
}

/** A `lookup` for http.request that answers every question with the checked address. */
export function pinnedLookup(pinned: PinnedAddress): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: pinned.address, family: pinned.family }]);
    else callback(null, pinned.address, pinned.family);
  };
}
