/**
 * What kind of network an IP address belongs to. Quire fetches pages on the user's behalf from
 * a URL a web page may have suggested, so everything that is not the public internet (this
 * computer, the home or office network, the cloud metadata service at 169.254.169.254) is off
 * limits unless the user allows it: otherwise a saved page could make Quire probe a router.
 */
export type AddressKind =
  | 'public'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'shared'
  | 'unique-local'
  | 'unspecified'
  | 'multicast'
  | 'broadcast'
  | 'reserved'
  | 'invalid';

/** Words for a message: "127.0.0.1 (this computer)". */
export const ADDRESS_KIND_NAMES: Record<Exclude<AddressKind, 'public'>, string> = {
  loopback: 'this computer',
  private: 'a private network',
  'link-local': 'a link-local network',
  shared: 'a carrier-grade NAT network',
  'unique-local': 'a private network',
  unspecified: 'an unspecified address',
  multicast: 'a multicast address',
  broadcast: 'a broadcast address',
  reserved: 'a reserved address range',
  invalid: 'an address Quire cannot read',
};

type Range4 = readonly [base: number, prefix: number, kind: AddressKind];

const ip4 = (a: number, b: number, c: number, d: number): number =>
  ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;

/** IANA special-purpose IPv4 ranges (RFC 6890 and successors); first match wins. */
const IPV4_RANGES: readonly Range4[] = [
  [ip4(255, 255, 255, 255), 32, 'broadcast'],
  [ip4(0, 0, 0, 0), 8, 'unspecified'],
  [ip4(10, 0, 0, 0), 8, 'private'],
  [ip4(100, 64, 0, 0), 10, 'shared'],
  [ip4(127, 0, 0, 0), 8, 'loopback'],
  [ip4(169, 254, 0, 0), 16, 'link-local'],
  [ip4(172, 16, 0, 0), 12, 'private'],
  [ip4(192, 0, 0, 0), 24, 'reserved'],
  [ip4(192, 0, 2, 0), 24, 'reserved'],
  [ip4(192, 88, 99, 0), 24, 'reserved'],
  [ip4(192, 168, 0, 0), 16, 'private'],
  [ip4(198, 18, 0, 0), 15, 'reserved'],
  [ip4(198, 51, 100, 0), 24, 'reserved'],
  [ip4(203, 0, 113, 0), 24, 'reserved'],
  [ip4(224, 0, 0, 0), 4, 'multicast'],
  [ip4(240, 0, 0, 0), 4, 'reserved'],
];

function classifyIpv4(value: number): AddressKind {
  for (const [base, prefix, kind] of IPV4_RANGES) {
    const mask = prefix === 0 ? 0 : (~0 << (32 - prefix)) >>> 0;
    if ((value & mask) >>> 0 === base) return kind;
  }
  return 'public';
}

function parseIpv4(address: string): number | null {
  const parts = address.split('.');
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return null;
    value = value * 256 + Number(part);
  }
  return value;
}

/** The eight 16-bit groups of an IPv6 address (with an optional dotted IPv4 tail), or null. */
function parseIpv6(address: string): number[] | null {
  let text = address.toLowerCase();
  // A dotted IPv4 tail (::ffff:127.0.0.1) is two groups written another way.
  const tail = /:(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (tail) {
    const v4 = parseIpv4(tail[1]!);
    if (v4 === null) return null;
    text = `${text.slice(0, tail.index + 1)}${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const parse = (part: string): number[] | null => {
    if (part === '') return [];
    const groups = part.split(':');
    if (groups.some((g) => !/^[0-9a-f]{1,4}$/.test(g))) return null;
    return groups.map((g) => parseInt(g, 16));
  };
  const head = parse(halves[0]!);
  const rest = halves.length === 2 ? parse(halves[1]!) : [];
  if (head === null || rest === null) return null;
  const known = head.length + rest.length;
  if (halves.length === 1 ? known !== 8 : known > 7) return null;
  const zeros = new Array<number>(8 - known).fill(0);
  return [...head, ...zeros, ...rest];
}

function classifyIpv6(groups: readonly number[]): AddressKind {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = groups;
  const embedded = ((g6 << 16) | g7) >>> 0;
  const upperZero = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0;
  if (upperZero && g5 === 0 && g6 === 0) {
    if (g7 === 0) return 'unspecified';
    if (g7 === 1) return 'loopback';
  }
  // ::ffff:a.b.c.d reaches the IPv4 address itself: judge that one.
  if (upperZero && g5 === 0xffff) return classifyIpv4(embedded);
  // Deprecated IPv4-compatible ::a.b.c.d: nobody serves pages there.
  if (upperZero && g5 === 0) return 'reserved';
  // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) translate to an IPv4 address: judge that one.
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0)
    return classifyIpv4(embedded);
  if (g0 === 0x2002) return classifyIpv4(((g1 << 16) | g2) >>> 0);
  if ((g0 & 0xffc0) === 0xfe80) return 'link-local';
  // fec0::/10 (site-local) is deprecated, but still means "this site".
  if ((g0 & 0xffc0) === 0xfec0) return 'private';
  if ((g0 & 0xfe00) === 0xfc00) return 'unique-local';
  if ((g0 & 0xff00) === 0xff00) return 'multicast';
  if (g0 === 0x2001 && g1 === 0x0db8) return 'reserved';
  if (g0 === 0x0100 && g1 === 0 && g2 === 0 && g3 === 0) return 'reserved';
  return 'public';
}

/** The kind of network an IPv4 or IPv6 address (as `dns.lookup` or a URL gives it) is in. */
export function classifyAddress(address: string): AddressKind {
  // A zone (fe80::1%eth0) names an interface, not another address.
  const bare = address.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
  const v4 = parseIpv4(bare);
  if (v4 !== null) return classifyIpv4(v4);
  const groups = bare.includes(':') ? parseIpv6(bare) : null;
  return groups === null ? 'invalid' : classifyIpv6(groups);
}
