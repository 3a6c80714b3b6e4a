import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from './csp.ts';
import {
  devServerContentSecurityPolicy,
  REACT_REFRESH_PREAMBLE,
  scriptHashSource,
} from './dev-server-csp.ts';

/** Directive name -> its source list, as a browser would split the policy. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((tokens) => tokens[0])
      .map(([name = '', ...sources]) => [name, sources]),
  );
}

describe('the production Content-Security-Policy', () => {
  const policy = directives(CONTENT_SECURITY_POLICY);

  it('denies by default and allows scripts only from the app itself', () => {
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
  });

  it('has no eval, no inline script, no remote or wildcard script source', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toContain('wasm-unsafe-eval');
    expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
    for (const [name, sources] of policy) {
      for (const source of sources) {
        expect(source, `${name} ${source}`).not.toMatch(/^(https?:|\*|ws|wss:)/);
      }
    }
  });

  it('blocks plugins, framing, base rewriting and form posts', () => {
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('frame-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
  });

  it('never names a directive twice (the browser would ignore the second)', () => {
    const names = CONTENT_SECURITY_POLICY.split(';').map((part) => part.trim().split(/\s+/)[0]);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('the dev server Content-Security-Policy', () => {
  const dev = devServerContentSecurityPolicy('http://localhost:5173/');
  const policy = directives(dev);

  it('adds only the Fast Refresh preamble hash to script-src', () => {
    expect(policy.get('script-src')).toEqual(["'self'", scriptHashSource(REACT_REFRESH_PREAMBLE)]);
    expect(dev).not.toContain('unsafe-eval');
    expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
  });

  it('adds only the HMR socket of this very dev server to connect-src', () => {
    expect(policy.get('connect-src')).toEqual(["'self'", 'ws://localhost:5173']);
    expect(
      directives(devServerContentSecurityPolicy('https://127.0.0.1:4000')).get('connect-src'),
    ).toEqual(["'self'", 'wss://127.0.0.1:4000']);
  });

  it('keeps every other directive of the production policy', () => {
    for (const [name, sources] of directives(CONTENT_SECURITY_POLICY)) {
      if (name === 'script-src' || name === 'connect-src') continue;
      expect(policy.get(name)).toEqual(sources);
    }
  });

  it('computes CSP hash sources as base64 SHA-256', () => {
    // echo -n 'alert(1)' | openssl dgst -sha256 -binary | base64
    expect(scriptHashSource('alert(1)')).toBe(
      "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='",
    );
  });
});

describe('META_CONTENT_SECURITY_POLICY', () => {
  it('is the header policy without frame-ancestors, which a meta tag cannot carry', async () => {
    const { META_CONTENT_SECURITY_POLICY } = await import('./csp.ts');
    expect(META_CONTENT_SECURITY_POLICY).not.toContain('frame-ancestors');
    expect(META_CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(META_CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY.split('; ').length - 1).toBe(
      META_CONTENT_SECURITY_POLICY.split('; ').length,
    );
  });
});

describe('WEB_META_CONTENT_SECURITY_POLICY', () => {
  it('differs from the desktop policy only in letting the page read http(s) resources', async () => {
    const { META_CONTENT_SECURITY_POLICY, WEB_META_CONTENT_SECURITY_POLICY } =
      await import('./csp.ts');
    const desktop = META_CONTENT_SECURITY_POLICY.split('; ');
    const web = WEB_META_CONTENT_SECURITY_POLICY.split('; ');
    expect(web.filter((d) => !desktop.includes(d))).toEqual(["connect-src 'self' http: https:"]);
    expect(desktop.filter((d) => !web.includes(d))).toEqual(["connect-src 'self'"]);
    expect(web).toContain("script-src 'self'");
  });
});
