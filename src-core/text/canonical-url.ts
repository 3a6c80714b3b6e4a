/**
 * The form of an article's address used to recognise the same page saved twice. Only changes
 * that never change the page served: scheme and host case, the default port, the fragment,
 * tracking parameters that analytics add to shared links, an empty query and an empty path.
 *
 * `www.example.com` and `example.com` are NOT treated as equal: they are different hosts that
 * may serve different content (or none), and merging them would hide a genuinely different
 * article behind a "duplicate". Path case is kept (paths are case-sensitive), and so are the
 * order and spelling of every other parameter (`?id=2` can be the article itself).
 */

/** Parameters that only say how a link was shared or clicked: never what the page is. */
const TRACKING_EXACT = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'mc_cid',
  'mc_eid',
  'igshid',
  'igsh',
  'ref_src',
  'ref_url',
  '_ga',
  '_gl',
  'yclid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'mkt_tok',
  '_hsenc',
  '_hsmi',
  'hsctatracking',
  'vero_id',
  'vero_conv',
  'oly_anon_id',
  'oly_enc_id',
  'rb_clickid',
  's_cid',
  'wickedid',
  'ncid',
  'spm',
  'share_source',
  'cmpid',
]);
const TRACKING_PREFIX = /^(?:utm_|pk_|mtm_|matomo_|__hs)/;

/** The canonical form of an http(s) address, or null for anything else or unparsable input. */
export function canonicalUrl(url: string): string | null {
  if (typeof url !== 'string' || url.length > 8192) return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  // URL already lowercases the scheme and host, drops default ports and makes an empty path /.
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  parsed.hash = '';
  if (parsed.search) parsed.search = keptQuery(parsed.search.slice(1));
  let href = parsed.href;
  if (href.endsWith('?')) href = href.slice(0, -1);
  return href;
}

/** The query without tracking parameters, the rest exactly as written and in order. */
function keptQuery(query: string): string {
  return query
    .split('&')
    .filter((pair) => {
      if (!pair) return false;
      const raw = pair.split('=', 1)[0]!;
      let name: string;
      try {
        name = decodeURIComponent(raw.replace(/\+/g, ' '));
      } catch {
        name = raw;
      }
      name = name.toLowerCase();
      return !(TRACKING_EXACT.has(name) || TRACKING_PREFIX.test(name));
    })
    .join('&');
}
