import { describe, expect, it } from 'vitest';
import type { RendererEntry } from '../window/renderer-entry.ts';
import { isTrustedSender, type IpcSenderLike } from './sender.ts';

const fileEntry: RendererEntry = {
  kind: 'file',
  path: '/opt/quire/out/renderer/index.html',
  url: 'file:///opt/quire/out/renderer/index.html',
};
const devEntry: RendererEntry = { kind: 'dev-server', url: 'http://localhost:5173/' };
const WINDOW_ID = 7;

function event(
  url: string,
  options: { contentsId?: number; parent?: unknown; gone?: boolean } = {},
): IpcSenderLike {
  return {
    sender: { id: options.contentsId ?? WINDOW_ID },
    senderFrame: options.gone ? null : { url, parent: options.parent ?? null },
  };
}

describe('isTrustedSender', () => {
  it('trusts the main frame of our window showing our page', () => {
    expect(isTrustedSender(event(fileEntry.url), WINDOW_ID, fileEntry)).toBe(true);
    expect(isTrustedSender(event(`${fileEntry.url}#/reader/1`), WINDOW_ID, fileEntry)).toBe(true);
    expect(isTrustedSender(event('http://localhost:5173/'), WINDOW_ID, devEntry)).toBe(true);
  });

  it('refuses another WebContents, or when there is no window yet', () => {
    expect(isTrustedSender(event(fileEntry.url, { contentsId: 8 }), WINDOW_ID, fileEntry)).toBe(
      false,
    );
    expect(isTrustedSender(event(fileEntry.url), undefined, fileEntry)).toBe(false);
  });

  it('refuses a subframe, even one showing our own page', () => {
    const sub = event(fileEntry.url, { parent: { url: fileEntry.url } });
    expect(isTrustedSender(sub, WINDOW_ID, fileEntry)).toBe(false);
  });

  it('refuses a frame that is already gone', () => {
    expect(isTrustedSender(event('', { gone: true }), WINDOW_ID, fileEntry)).toBe(false);
  });

  it.each([
    'https://evil.example/',
    'file:///tmp/saved-article.html',
    'file:///opt/quire/out/renderer/other.html',
    'data:text/html,<script>1</script>',
    'about:blank',
    'http://localhost:5173/',
  ])('refuses our window showing %s in the built app', (url) => {
    expect(isTrustedSender(event(url), WINDOW_ID, fileEntry)).toBe(false);
  });

  it('refuses other origins in dev', () => {
    expect(isTrustedSender(event('http://localhost:5174/'), WINDOW_ID, devEntry)).toBe(false);
    expect(isTrustedSender(event(fileEntry.url), WINDOW_ID, devEntry)).toBe(false);
  });
});
