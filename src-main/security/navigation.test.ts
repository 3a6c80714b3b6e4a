import { describe, expect, it, vi } from 'vitest';
import type { RendererEntry } from '../window/renderer-entry.ts';
import { hardenWebContents, linkAction } from './navigation.ts';

const fileEntry: RendererEntry = {
  kind: 'file',
  path: '/opt/quire/out/renderer/index.html',
  url: 'file:///opt/quire/out/renderer/index.html',
};
const devEntry: RendererEntry = { kind: 'dev-server', url: 'http://localhost:5173/' };

type Listener = (event: { url: string; preventDefault(): void }, ...rest: unknown[]) => void;

/** A WebContents stand-in that records what hardenWebContents installs. */
function fakeContents() {
  const listeners = new Map<string, Listener>();
  let windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on: vi.fn((name: string, listener: Listener) => {
      listeners.set(name, listener);
      return contents;
    }),
    setWindowOpenHandler: vi.fn((handler: typeof windowOpenHandler) => {
      windowOpenHandler = handler;
    }),
  };
  const fire = (name: string, url: string) => {
    const event = { url, preventDefault: vi.fn() };
    const listener = listeners.get(name);
    if (!listener) throw new Error(`no ${name} listener installed`);
    listener(event);
    return event;
  };
  const openWindow = (url: string) => {
    if (!windowOpenHandler) throw new Error('no window open handler installed');
    return windowOpenHandler({ url });
  };
  return { contents, fire, openWindow };
}

function harden(entry: RendererEntry = fileEntry) {
  const fake = fakeContents();
  const openInBrowser = vi.fn(async (_url: string) => {});
  hardenWebContents(fake.contents as never, entry, openInBrowser);
  return { ...fake, openInBrowser };
}

describe('linkAction', () => {
  it('sends http(s) links to the system browser', () => {
    expect(linkAction('https://example.org/x', fileEntry)).toEqual({
      kind: 'open-in-browser',
      url: 'https://example.org/x',
    });
  });

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,x', 'quire://x', 'nope'])(
    'blocks %s',
    (url) => {
      expect(linkAction(url, fileEntry)).toEqual({ kind: 'block' });
    },
  );

  it('blocks links back into the dev server instead of opening it in the browser', () => {
    expect(linkAction('http://localhost:5173/other', devEntry)).toEqual({ kind: 'block' });
    expect(linkAction('http://localhost:5173/other', fileEntry).kind).toBe('open-in-browser');
  });
});

describe('hardenWebContents', () => {
  it('installs all four guards', () => {
    const { contents } = harden();
    const events = contents.on.mock.calls.map(([name]) => name);
    expect(events).toEqual(
      expect.arrayContaining(['will-navigate', 'will-redirect', 'will-attach-webview']),
    );
    expect(contents.setWindowOpenHandler).toHaveBeenCalledOnce();
  });

  it('prevents every navigation and opens http(s) targets externally', async () => {
    const { fire, openInBrowser } = harden();
    expect(fire('will-navigate', 'https://example.org/').preventDefault).toHaveBeenCalled();
    expect(openInBrowser).toHaveBeenCalledWith('https://example.org/');
    expect(fire('will-navigate', 'file:///etc/passwd').preventDefault).toHaveBeenCalled();
    expect(fire('will-navigate', fileEntry.url).preventDefault).toHaveBeenCalled();
    expect(openInBrowser).toHaveBeenCalledTimes(1);
  });

  it('prevents redirects without opening anything', () => {
    const { fire, openInBrowser } = harden();
    expect(fire('will-redirect', 'https://example.org/').preventDefault).toHaveBeenCalled();
    expect(openInBrowser).not.toHaveBeenCalled();
  });

  it('denies window.open, handing only http(s) to the browser', () => {
    const { openWindow, openInBrowser } = harden();
    expect(openWindow('https://example.org/')).toEqual({ action: 'deny' });
    expect(openWindow('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(openWindow('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(openInBrowser.mock.calls).toEqual([['https://example.org/']]);
  });

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'blob:https://example.org/x',
    'https://trusted.example@evil.example/',
    'quire://open',
  ])('keeps %s inside nothing: no navigation, no new window, no system browser', (url) => {
    const { fire, openWindow, openInBrowser } = harden();
    expect(fire('will-navigate', url).preventDefault).toHaveBeenCalled();
    expect(openWindow(url)).toEqual({ action: 'deny' });
    expect(openInBrowser).not.toHaveBeenCalled();
  });

  it('refuses to attach a <webview>', () => {
    const { fire } = harden();
    expect(fire('will-attach-webview', '').preventDefault).toHaveBeenCalled();
  });

  it('survives a browser that cannot be opened', async () => {
    const { contents } = fakeContents();
    const failing = vi.fn(async () => Promise.reject(new Error('no handler')));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    hardenWebContents(contents as never, fileEntry, failing);
    const [, listener] = contents.on.mock.calls.find(([name]) => name === 'will-navigate') ?? [];
    listener?.({ url: 'https://example.org/', preventDefault: () => {} });
    await vi.waitFor(() => expect(warn).toHaveBeenCalled());
    warn.mockRestore();
  });
});
