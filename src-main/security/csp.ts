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
