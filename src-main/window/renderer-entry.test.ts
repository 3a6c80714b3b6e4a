import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  isAppUrl,
  preloadPath,
  resolveRendererEntry,
  type RendererEntry,
} from './renderer-entry.ts';

const mainDir = join('/opt', 'quire', 'out', 'main');
const indexPath = join('/opt', 'quire', 'out', 'renderer', 'index.html');
const fileEntry: RendererEntry = {
  kind: 'file',
  path: indexPath,
  url: pathToFileURL(indexPath).href,
};
const devEntry: RendererEntry = { kind: 'dev-server', url: 'http://localhost:5173/' };

describe('resolveRendererEntry', () => {
  it('loads the dev server URL during development', () => {
    const entry = resolveRendererEntry({
      devServerUrl: 'http://localhost:5173',
      isPackaged: false,
      mainDir,
    });
    expect(entry).toEqual(devEntry);
  });

  it('loads the built index.html when there is no dev server', () => {
    expect(resolveRendererEntry({ devServerUrl: undefined, isPackaged: false, mainDir })).toEqual(
      fileEntry,
    );
  });

  it('ignores the environment in a packaged app', () => {
    const entry = resolveRendererEntry({
      devServerUrl: 'https://evil.example',
      isPackaged: true,
      mainDir,
    });
    expect(entry).toEqual(fileEntry);
  });

  it('ignores a dev server URL that is not http(s)', () => {
    for (const devServerUrl of ['file:///etc/passwd', 'javascript:alert(1)', 'not a url']) {
      expect(resolveRendererEntry({ devServerUrl, isPackaged: false, mainDir }).kind).toBe('file');
    }
  });

  it('finds the CommonJS preload next to the main bundle', () => {
    expect(preloadPath(mainDir)).toBe(join('/opt', 'quire', 'out', 'preload', 'index.cjs'));
  });
});

describe('isAppUrl', () => {
  it('accepts the built page, with in-app query and fragment', () => {
    expect(isAppUrl(fileEntry.url, fileEntry)).toBe(true);
    expect(isAppUrl(`${fileEntry.url}#/library?tag=x`, fileEntry)).toBe(true);
  });

  it('refuses other files, even next to the page', () => {
    expect(
      isAppUrl(
        pathToFileURL(join('/opt', 'quire', 'out', 'renderer', 'other.html')).href,
        fileEntry,
      ),
    ).toBe(false);
    expect(isAppUrl('file:///etc/passwd', fileEntry)).toBe(false);
    expect(isAppUrl('http://localhost:5173/', fileEntry)).toBe(false);
  });

  it('accepts the dev server origin and nothing else', () => {
    expect(isAppUrl('http://localhost:5173/', devEntry)).toBe(true);
    expect(isAppUrl('http://localhost:5173/src/main.tsx', devEntry)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', devEntry)).toBe(false);
    expect(isAppUrl('https://localhost:5173/', devEntry)).toBe(false);
    expect(isAppUrl('http://localhost.evil.example:5173/', devEntry)).toBe(false);
    expect(isAppUrl(fileEntry.url, devEntry)).toBe(false);
  });

  it('refuses malformed and empty URLs', () => {
    expect(isAppUrl('', fileEntry)).toBe(false);
    expect(isAppUrl('::not a url', devEntry)).toBe(false);
    expect(isAppUrl('about:blank', devEntry)).toBe(false);
  });
});
