import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseHtmlWithLinkedom } from '../../src-core/article/html/linkedom-parser.ts';
import { sanitizeParsedPage } from '../../src-core/article/html/sanitize-dom.ts';
import { importDeps } from './import-deps.ts';
import { parseHtml } from './parse-html.ts';

const HOSTILE =
  '<html><head><base href="https://evil.example/"></head><body><p>Text</p>' +
  '<img src=x onerror="alert(1)"><svg onload="alert(2)"></svg></body></html>';

describe('the UI thread parses untrusted HTML outside the app window (ADR 0016)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it("never calls the browser's DOMParser, whose documents the app's CSP checks as they are parsed", () => {
    const browserParser = vi.fn(() => {
      throw new Error('the window DOMParser was used');
    });
    vi.stubGlobal('DOMParser', browserParser);
    const doc = parseHtml(HOSTILE);
    expect(browserParser).not.toHaveBeenCalled();
    expect(doc.body.textContent).toBe('Text');
  });

  it('captures with the same parser and sanitizer as the capture worker', () => {
    expect(importDeps.parseHtml).toBe(parseHtmlWithLinkedom);
    expect(importDeps.sanitize).toBe(sanitizeParsedPage);
  });
});
