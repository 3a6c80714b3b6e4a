import { describe, expect, it } from 'vitest';
import {
  attributeAllowed,
  DROP_WITH_CONTENT,
  FORBIDDEN_ATTRIBUTES,
  imageSourceKept,
  PURIFY_CONFIG,
  UNWRAP,
  URI_ATTRIBUTES,
} from './sanitize-config.ts';

const PNG_DATA =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

describe('the DOMPurify configuration', () => {
  it('forbids style, forms and their controls, plugins and <base>, and drops controls and plugins with their text', () => {
    expect([...PURIFY_CONFIG.FORBID_TAGS].sort()).toEqual(
      ['base', 'button', 'embed', 'form', 'input', 'object', 'select', 'style', 'textarea'].sort(),
    );
    expect([...PURIFY_CONFIG.ADD_FORBID_CONTENTS].sort()).toEqual(
      ['button', 'embed', 'object', 'select', 'textarea'].sort(),
    );
  });

  it('forbids inline style, srcset, ping, form actions and background, and every data- attribute', () => {
    expect([...PURIFY_CONFIG.FORBID_ATTR].sort()).toEqual(
      ['action', 'background', 'formaction', 'ping', 'srcset', 'style'].sort(),
    );
    expect(PURIFY_CONFIG.ALLOW_DATA_ATTR).toBe(false);
  });

  it('cleans the body, not a whole document, and keeps the text of unknown elements', () => {
    expect(PURIFY_CONFIG.WHOLE_DOCUMENT).toBe(false);
    expect(PURIFY_CONFIG.KEEP_CONTENT).toBe(true);
  });

  it.each([
    'https://example.org/a',
    'HTTP://example.org/',
    'mailto:ann@example.org',
    '#section-2',
    '/local/page',
    './sibling.html',
    '../up.html',
    'plain-page.html',
    'folder/page',
  ])('allows the address %s', (uri) => {
    expect(PURIFY_CONFIG.ALLOWED_URI_REGEXP.test(uri)).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'data:image/svg+xml,<svg onload=alert(1)>',
    'file:///etc/passwd',
    'blob:https://example.org/0f1e',
    'ftp://example.org/x',
    'chrome://settings',
    'about:blank',
    'livescript:alert(1)',
  ])('refuses the address %s', (uri) => {
    expect(PURIFY_CONFIG.ALLOWED_URI_REGEXP.test(uri)).toBe(false);
  });
});

describe("the worker's element rules", () => {
  it('drops every element that runs, embeds or loads, with its content', () => {
    for (const tag of [
      'script',
      'iframe',
      'frame',
      'frameset',
      'applet',
      'object',
      'embed',
      'link',
      'meta',
      'style',
      'base',
      'animate',
      'animatemotion',
      'animatetransform',
      'set',
      'handler',
      'listener',
      ...PURIFY_CONFIG.ADD_FORBID_CONTENTS,
    ]) {
      expect(DROP_WITH_CONTENT.has(tag), tag).toBe(true);
    }
  });

  it('unwraps the forbidden tags DOMPurify removes, so a <form> around an article keeps its text', () => {
    expect([...UNWRAP].sort()).toEqual([...PURIFY_CONFIG.FORBID_TAGS].sort());
    expect(DROP_WITH_CONTENT.has('form')).toBe(false);
  });

  it('keeps ordinary article markup', () => {
    for (const tag of ['p', 'a', 'img', 'figure', 'h1', 'blockquote', 'table', 'svg', 'math']) {
      expect(DROP_WITH_CONTENT.has(tag) || UNWRAP.has(tag), tag).toBe(false);
    }
  });

  it('checks every attribute that holds an address, and forbids what DOMPurify forbids', () => {
    for (const name of ['href', 'src', 'xlink:href', 'action', 'formaction', 'poster', 'data']) {
      expect(URI_ATTRIBUTES.has(name), name).toBe(true);
    }
    expect([...FORBIDDEN_ATTRIBUTES].sort()).toEqual([...PURIFY_CONFIG.FORBID_ATTR].sort());
  });
});

describe('attributeAllowed', () => {
  it.each([
    ['img', 'onerror', 'alert(1)'],
    ['body', 'onload', 'alert(1)'],
    ['div', 'onanimationstart', 'alert(1)'],
    ['svg', 'onbegin', ''],
    ['a', 'style', 'color:red'],
    ['img', 'srcset', 'a.png 1x'],
    ['a', 'ping', 'https://tracker.example/'],
    ['button', 'formaction', 'https://example.org/'],
    ['div', 'background', 'x.png'],
    ['p', 'data-track', '1'],
  ])('removes <%s %s> (handlers, forbidden and data attributes)', (tag, name, value) => {
    expect(attributeAllowed(tag, name, value)).toBe(false);
  });

  it.each([
    ['a', 'href', 'javascript:alert(1)'],
    ['a', 'href', 'java\tscript:alert(1)'],
    ['a', 'href', ' \u0001javascript:alert(1)'],
    ['a', 'href', 'JAVASCRIPT:alert(1)'],
    ['a', 'href', 'vbscript:msgbox(1)'],
    ['a', 'xlink:href', 'javascript:alert(1)'],
    ['set', 'to', 'javascript:alert(1)'],
    ['div', 'title', 'javascript:alert(1)'],
    ['a', 'href', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
    ['a', 'href', PNG_DATA],
    ['iframe', 'src', 'data:text/html,<script>alert(1)</script>'],
    ['img', 'src', 'data:image/svg+xml,<svg onload=alert(1)>'],
    ['a', 'href', 'file:///etc/passwd'],
    ['img', 'src', 'blob:https://example.org/0f1e'],
    ['video', 'poster', 'ftp://example.org/x.png'],
  ])('removes <%s %s="%s"> (script, data and other schemes)', (tag, name, value) => {
    expect(attributeAllowed(tag, name, value)).toBe(false);
  });

  it.each([
    ['a', 'href', 'https://example.org/a'],
    ['a', 'href', '/local'],
    ['a', 'href', '#note-1'],
    ['a', 'href', 'mailto:ann@example.org'],
    ['img', 'src', 'https://example.org/i.png'],
    ['img', 'src', PNG_DATA],
    ['img', 'alt', 'Turbines at low tide'],
    ['abbr', 'title', 'Ocean Energy Agency'],
    ['td', 'colspan', '2'],
    ['svg', 'viewbox', '0 0 10 10'],
  ])('keeps <%s %s="%s">', (tag, name, value) => {
    expect(attributeAllowed(tag, name, value)).toBe(true);
  });
});

describe('imageSourceKept (the image list reads only what the sanitizer keeps)', () => {
  it.each(['https://example.org/i.png', '/img/a.png', 'a.png', PNG_DATA])('keeps %s', (src) => {
    expect(imageSourceKept(src)).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'java\nscript:alert(1)',
    'file:///etc/passwd',
    'x.png</script><script>alert(1)</script>',
    'x--><img src=x onerror=alert(1)>',
  ])('refuses %s', (src) => {
    expect(imageSourceKept(src)).toBe(false);
  });
});
