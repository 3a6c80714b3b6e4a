import { describe, expect, it } from 'vitest';
import { isExternalHttpUrl, MAX_EXTERNAL_URL_LENGTH, parseExternalUrl } from './external-url.ts';

describe('external URL policy', () => {
  it.each([
    'https://www.globalresearch.ca/article',
    'http://example.org/',
    'HTTPS://EXAMPLE.ORG/Path?q=1#frag',
    'https://doi.org/10.1000/182',
  ])('allows %s', (url) => {
    expect(isExternalHttpUrl(url)).toBe(true);
  });

  it.each([
    'file:///etc/passwd',
    'file://server/share/x.exe',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'blob:https://example.org/6c1e0e3a-6d2b',
    'quire://open',
    'smb://host/share',
    'ms-msdt:/id PCWDiagnostic',
    'mailto:someone@example.org',
    'ftp://example.org/file',
    'about:blank',
    'chrome://settings',
    'vbscript:msgbox(1)',
  ])('refuses the scheme of %s', (url) => {
    expect(isExternalHttpUrl(url)).toBe(false);
  });

  it.each(['', 'not a url', 'https://', 'http//example.org', '//example.org/path', '/relative'])(
    'refuses the malformed %j',
    (url) => {
      expect(isExternalHttpUrl(url)).toBe(false);
    },
  );

  it('refuses URLs with credentials, which disguise the real host', () => {
    expect(isExternalHttpUrl('https://trusted.example@evil.example/')).toBe(false);
    expect(isExternalHttpUrl('https://user:pass@example.org/')).toBe(false);
  });

  it('refuses non-strings and over-long URLs', () => {
    expect(isExternalHttpUrl(undefined)).toBe(false);
    expect(isExternalHttpUrl(42)).toBe(false);
    expect(isExternalHttpUrl({ href: 'https://example.org' })).toBe(false);
    const long = `https://example.org/${'a'.repeat(MAX_EXTERNAL_URL_LENGTH)}`;
    expect(isExternalHttpUrl(long)).toBe(false);
  });

  it('returns the normalized URL that will actually be opened', () => {
    expect(parseExternalUrl('HTTPS://Example.ORG/a b')?.href).toBe('https://example.org/a%20b');
  });
});
