/** Schemes whose responses are our pages or their subresources and so carry the policy. */
const PAGE_SCHEMES = new Set(['http:', 'https:', 'file:']);

/**
 * Whether a response gets the CSP header. devtools: and other internal schemes are left
 * alone: Chromium's own pages have their own policies and a strict one would break them.
 */
export function carriesContentSecurityPolicy(responseUrl: string): boolean {
  try {
    return PAGE_SCHEMES.has(new URL(responseUrl).protocol);
  } catch {
    return false;
  }
}

/**
 * Adds our policy to a response's headers. A policy the server already sent is kept, not
 * replaced: with two policies the browser enforces both, so adding can only tighten.
 */
export function withContentSecurityPolicy(
  headers: Readonly<Record<string, string[]>> | undefined,
  policy: string,
): Record<string, string[]> {
  const result: Record<string, string[]> = { ...headers };
  const existingKey = Object.keys(result).find(
    (key) => key.toLowerCase() === 'content-security-policy',
  );
  const key = existingKey ?? 'Content-Security-Policy';
  result[key] = [...(result[key] ?? []), policy];
  return result;
}
