import { describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from './csp.ts';
import { hardenSession } from './session.ts';

type HeadersListener = (
  details: { url: string; responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
) => void;

function hardenedFakeSession() {
  const session = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
    webRequest: { onHeadersReceived: vi.fn() },
  };
  hardenSession(session as never, CONTENT_SECURITY_POLICY);
  const headersListener = session.webRequest.onHeadersReceived.mock
    .calls[0]?.[0] as HeadersListener;
  const respond = (url: string, responseHeaders?: Record<string, string[]>) => {
    const callback = vi.fn();
    headersListener({ url, responseHeaders }, callback);
    return callback.mock.calls[0]?.[0] as { responseHeaders?: Record<string, string[]> };
  };
  return { session, respond };
}

describe('hardenSession', () => {
  it.each([
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'openExternal',
    'fullscreen',
  ])('denies a %s permission request', (permission) => {
    const { session } = hardenedFakeSession();
    const handler = session.setPermissionRequestHandler.mock.calls[0]?.[0];
    const callback = vi.fn();
    handler({}, permission, callback, {});
    expect(callback).toHaveBeenCalledExactlyOnceWith(false);
  });

  it('answers every permission check and device request with false', () => {
    const { session } = hardenedFakeSession();
    const check = session.setPermissionCheckHandler.mock.calls[0]?.[0];
    for (const permission of ['media', 'clipboard-sanitized-write', 'hid', 'usb', 'serial']) {
      expect(check(null, permission, 'file://', {})).toBe(false);
    }
    const device = session.setDevicePermissionHandler.mock.calls[0]?.[0];
    expect(device({ deviceType: 'usb', origin: 'file://' })).toBe(false);
  });

  it('adds the CSP header to the dev server responses, keeping the other headers', () => {
    const { respond } = hardenedFakeSession();
    const response = respond('http://localhost:5173/', { 'content-type': ['text/html'] });
    expect(response.responseHeaders).toEqual({
      'content-type': ['text/html'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
  });

  it('keeps a policy the server sent and adds ours (both are enforced)', () => {
    const { respond } = hardenedFakeSession();
    const response = respond('https://example.org/', { 'content-security-policy': ['img-src *'] });
    expect(response.responseHeaders).toEqual({
      'content-security-policy': ['img-src *', CONTENT_SECURITY_POLICY],
    });
  });

  it('covers file: pages and leaves internal devtools: pages untouched', () => {
    const { respond } = hardenedFakeSession();
    expect(respond('file:///opt/quire/out/renderer/index.html').responseHeaders).toEqual({
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
    expect(respond('devtools://devtools/bundled/inspector.html', {})).toEqual({});
  });
});
