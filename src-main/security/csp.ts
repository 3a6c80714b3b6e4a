/**
 * The Content-Security-Policy of every Quire page (DESIGN §3). Article text is rendered as
 * React text nodes, so nothing here needs to allow inline or remote scripts. `style-src`
 * allows inline styles because React's `style` attribute writes them; no script can use that.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** Directives a browser ignores (with a console error) when the policy comes in a <meta> tag. */
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

/** The policy as the built index.html carries it: everything but the header-only directives. */
export const META_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.split('; ')
  .filter((directive) => !HEADER_ONLY.has(directive.split(' ')[0]!))
  .join('; ');

/**
 * Web mode's policy: the same, except that the page may read http(s) resources, because in a
 * plain browser the page itself fetches the pages and images the user saves (ADR 0009). It
 * still runs no remote script, and only code that Quire ships ever calls fetch. The desktop app
 * keeps `connect-src 'self'`: there the main process fetches.
 */
export const WEB_META_CONTENT_SECURITY_POLICY = META_CONTENT_SECURITY_POLICY.replace(
  "connect-src 'self'",
  "connect-src 'self' http: https:",
);
