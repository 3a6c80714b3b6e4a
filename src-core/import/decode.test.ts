import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import {
  declaredCharset,
  decodeSource,
  decodeSourceText,
  htmlHasText,
  MAX_IMPORT_BYTES,
  sniffMediaType,
  sniffUtf16,
} from './decode.ts';
import { ImportError } from './import-error.ts';
import { readFixture } from '../testing/fixtures.ts';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const concat = (...parts: (Uint8Array | number[])[]): Uint8Array =>
  new Uint8Array(parts.flatMap((part) => [...part]));

function utf16(text: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
  const body = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    body[i * 2 + (endian === 'le' ? 0 : 1)] = c & 0xff;
    body[i * 2 + (endian === 'le' ? 1 : 0)] = c >> 8;
  }
  if (!bom) return body;
  return concat(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff], body);
}

function refusal(bytes: Uint8Array, fileName?: string | null): ImportError {
  try {
    decodeSource(bytes, fileName);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return error as ImportError;
  }
  throw new Error('decodeSource accepted it');
}

/** Deterministic noise (xorshift32), so a failure can be replayed. */
function noise(length: number, seed = 0x9e3779b9): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

const PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 1, 0,
]);

describe('decodeSource: encodings', () => {
  const article = readFixture('000_bfa7ac14e5553cb7.txt');

  it.each([
    ['UTF-8', utf8(article)],
    ['UTF-8 with BOM', concat([0xef, 0xbb, 0xbf], utf8(article))],
    ['UTF-16LE with BOM', utf16(article, 'le', true)],
    ['UTF-16LE without BOM', utf16(article, 'le', false)],
    ['UTF-16BE with BOM', utf16(article, 'be', true)],
    ['UTF-16BE without BOM', utf16(article, 'be', false)],
  ])('reads the same article in %s as the same text', (_name, bytes) => {
    const decoded = decodeSource(bytes, 'article.txt');
    expect(decoded.text).toBe(article);
    expect(decoded.mediaType).toBe('text/plain');
  });

  it('names the encoding it used', () => {
    expect(decodeSource(utf8(article)).encoding).toBe('utf-8');
    expect(decodeSource(utf16(article, 'le', false)).encoding).toBe('utf-16le');
    expect(decodeSource(utf16(article, 'be', true)).encoding).toBe('utf-16be');
  });

  it('reads short UTF-16 text without BOM, and non-ASCII characters in it', () => {
    const text = 'Ça va? — «oui», 2 €.';
    expect(decodeSource(utf16(text, 'le', false)).text).toBe(text);
    expect(decodeSource(utf16(text, 'be', false)).text).toBe(text);
    expect(decodeSource(utf16('Hi', 'le', false)).text).toBe('Hi');
  });

  it('tells UTF-16 without BOM by the NUL pattern only', () => {
    expect(sniffUtf16(utf16('plain words', 'le', false))).toBe('utf-16le');
    expect(sniffUtf16(utf16('plain words', 'be', false))).toBe('utf-16be');
    expect(sniffUtf16(utf8('plain words'))).toBeNull();
    expect(sniffUtf16(noise(4096))).toBeNull();
  });

  it('refuses a UTF-16 file cut in the middle of a character', () => {
    const cut = utf16('Some words', 'le', true).subarray(0, 9);
    expect(refusal(cut).code).toBe('invalid-encoding');
    expect(refusal(cut).message).toMatch(/not valid UTF-16/);
  });

  it('refuses invalid UTF-8 in a text file', () => {
    const latin1 = concat(utf8('Caf'), [0xe9], utf8(' au lait, a story of a long night.'));
    const error = refusal(latin1, 'story.txt');
    expect(error.code).toBe('invalid-encoding');
    expect(error.message).toMatch(/not valid UTF-8/);
  });
});

describe('decodeSource: binary data, whatever its name', () => {
  const samples: [string, Uint8Array][] = [
    ['a PNG image', PNG],
    ['random bytes', noise(64 * 1024)],
    ['a gzip archive', new Uint8Array(gzipSync(utf8(readFixture('000_bfa7ac14e5553cb7.txt'))))],
    [
      '16-bit audio samples',
      noise(4096).map((b, i) => (i % 2 ? (b & 3 ? 0 : 0xff) : (b & 0x0f) | 1)),
    ],
    ['UTF-32 text', new Uint8Array(new Uint32Array([0xfeff, 0x41, 0x42, 0x43, 0x44]).buffer)],
  ];
  for (const name of ['photo.txt', 'page.html', 'clip.md', 'no-extension']) {
    it.each(samples)(`refuses %s named ${name}`, (_what, bytes) => {
      const error = refusal(bytes, name);
      expect(error.code).toBe('binary');
      expect(error.message).toMatch(/binary file/);
    });
  }
});

describe('decodeSource: sizes and blank files', () => {
  it('refuses an empty file and one of blank space', () => {
    expect(refusal(new Uint8Array()).code).toBe('empty');
    expect(refusal(utf8(' \n\t\n')).code).toBe('empty');
    expect(refusal(utf16(' \n \n', 'le', true)).code).toBe('empty');
  });

  it('accepts a file at the limit and refuses one byte more', () => {
    const atLimit = new Uint8Array(MAX_IMPORT_BYTES).fill(0x61);
    expect(decodeSource(atLimit, 'a.txt').text).toHaveLength(MAX_IMPORT_BYTES);
    const over = new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x61);
    expect(refusal(over).code).toBe('too-large');
  });

  it('refuses a 50 MB page by its length', () => {
    const page = new Uint8Array(50 * 1024 * 1024).fill(0x20);
    page.set(utf8('<!doctype html><html><body><p>Text</p>'));
    const error = refusal(page, 'page.html');
    expect(error.code).toBe('too-large');
    expect(error.message).toContain('50.0 MB');
  });
});

describe('decodeSource: HTML', () => {
  const page =
    '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>A Title</title></head>\n<body><article><h1>A Title</h1><p>By Ann Lee</p><p>Body text.</p></article></body></html>\n';

  it('reads an HTML page as text/html, keeping every character', () => {
    for (const name of ['page.html', 'page.htm', 'PAGE.HTML', 'page.xhtml']) {
      expect(decodeSource(utf8(page), name)).toEqual({
        text: page,
        mediaType: 'text/html',
        encoding: 'utf-8',
      });
    }
  });

  it.each([
    ['a .txt file', 'page.txt', page],
    ['a .md file', 'page.md', page],
    ['a file without extension', 'page', page],
    ['no name at all', null, page],
    ['a BOM, blank lines and comments first', 'x.txt', `\uFEFF\n\n<!-- saved -->\n  ${page}`],
    ['an XML declaration first', 'x.txt', `<?xml version="1.0"?>\n${page}`],
    ['an <html> start tag', 'x.txt', '<html>\n<p>Some words.</p></html>'],
    ['a <head> start tag', 'x.md', '<head><title>T</title></head><p>Words.</p>'],
    ['a <body> start tag', 'x.md', '<BODY class="a">Words.</BODY>'],
    [
      'a page fragment made of tags',
      'x.txt',
      '<div class="post"><h1>Title</h1><p>One <em>two</em>.</p><p>Three.</p><p>Four.</p></div>',
    ],
    ['a meta-led fragment', 'x', '<meta charset="utf-8"><title>T</title><div><p>Words.</p></div>'],
  ])('sniffs HTML in %s', (_what, name, text) => {
    expect(decodeSource(utf8(text), name).mediaType).toBe('text/html');
  });

  it.each([
    [
      'Markdown with a few inline tags',
      'x.md',
      '# Title\n\n<p align="center"><img src="a.png"></p>\n\nText <br> more.\n',
    ],
    [
      'Markdown that opens with tags',
      'x.md',
      '<p align="center"><img src="a.png"></p>\n\n# Title\n\nA [link](https://example.org).\n',
    ],
    [
      'text that mentions a tag',
      'x.txt',
      'Use the <div> element and the <p> element to structure pages.\n',
    ],
    ['text with a comparison', 'x.txt', 'If a < b and b > c then what?\n'],
  ])('leaves %s alone', (_what, name, text) => {
    expect(decodeSource(utf8(text), name).mediaType).not.toBe('text/html');
  });

  it('reads a .html file without a single tag as the Markdown or text it holds', () => {
    expect(decodeSource(utf8('# Title\n\nSome [link](https://x.org).\n'), 'a.html')).toMatchObject({
      mediaType: 'text/markdown',
    });
    expect(decodeSource(utf8('Title\n\nJust words, a < b.\n'), 'a.htm').mediaType).toBe(
      'text/plain',
    );
  });

  it('accepts truncated and malformed HTML (the parser copes with it)', () => {
    const truncated = '<!doctype html><html><head><title>T</title></head><body><p>Words that st';
    expect(decodeSource(utf8(truncated), 'cut.html')).toMatchObject({
      text: truncated,
      mediaType: 'text/html',
    });
    const malformed = '<p>unclosed <div><b>bold</i> </span> <a href="x>odd</a> <p <p>more';
    expect(decodeSource(utf8(malformed), 'bad.html').mediaType).toBe('text/html');
    expect(decodeSource(utf8('<html><body><p>cut in a tag <a hre'), 'x.html').mediaType).toBe(
      'text/html',
    );
  });

  it.each([
    ['no body at all', '<!doctype html><html><head><title>Only a title</title></head></html>'],
    ['an empty body', '<html><head><meta charset="utf-8"></head><body>\n  \n</body></html>'],
    [
      'scripts, styles and comments only',
      '<html><head><script>var a = "<p>x</p>";</script><style>p{}</style></head><body><!-- nothing --> &nbsp; <template><p>t</p></template></body></html>',
    ],
    ['an unclosed script', '<html><body><script>document.write("Hello")'],
  ])('refuses a page with %s', (_what, html) => {
    const error = refusal(utf8(html), 'page.html');
    expect(error.code).toBe('empty');
    expect(error.message).toMatch(/page has no text/);
  });

  it('finds the text of pages that have some', () => {
    expect(htmlHasText('<html><head><title>T</title><body><p>Words')).toBe(true);
    expect(htmlHasText('<p>x</p>')).toBe(true);
    expect(htmlHasText('<head>stray text in the head</head>')).toBe(true);
    expect(htmlHasText('<p>&nbsp;</p><p>&#160;</p>')).toBe(false);
    expect(htmlHasText('<noscript>Enable JavaScript</noscript>')).toBe(true);
  });
});

describe('decodeSource: the charset a page declares', () => {
  const win1252 = (html: string, ...body: number[]): Uint8Array =>
    concat(utf8(html), body, utf8('</p></body></html>'));

  it('decodes a page that declares windows-1252 with it', () => {
    const bytes = win1252(
      '<html><head><meta charset="windows-1252"><title>T</title></head><body><p>',
      0x93,
      0x43,
      0x61,
      0x66,
      0xe9,
      0x94,
    );
    const decoded = decodeSource(bytes, 'page.html');
    expect(decoded.text).toContain('<p>“Café”</p>');
    expect(decoded).toMatchObject({ mediaType: 'text/html', encoding: 'windows-1252' });
  });

  it('maps windows-1252 bytes 0x80-0x9F as browsers do, on every platform', () => {
    const head = '<html><meta charset="windows-1252"><body><p>';
    const bytes = win1252(head, 0x80, 0x81, 0x85, 0x8a, 0x92, 0x96, 0x97, 0x99, 0x9f, 0xa0, 0xff);
    expect(decodeSource(bytes, 'page.html').text).toContain('<p>€\u0081…Š’–—™Ÿ\u00a0ÿ</p>');
    const long = win1252(head, ...Array.from({ length: 100_000 }, (_, i) => 0x80 + (i % 128)));
    const text = decodeSource(long, 'page.html').text;
    expect(text).toHaveLength(long.length);
    expect(text.slice(head.length, head.length + 2)).toBe('€\u0081');
  });

  it('reads the http-equiv form, in any case, and iso-8859-1 as windows-1252', () => {
    const bytes = win1252(
      '<!DOCTYPE html><HTML><HEAD><META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=ISO-8859-1"></HEAD><BODY><p>',
      0x43,
      0x61,
      0x66,
      0xe9,
    );
    const decoded = decodeSource(bytes, 'page.htm');
    expect(decoded.text).toContain('<p>Café</p>');
    expect(decoded.encoding).toBe('windows-1252');
  });

  it('reads legacy multi-byte charsets (Shift_JIS)', () => {
    // 日本 in Shift_JIS
    const bytes = win1252('<html><meta charset=shift_jis><body><p>', 0x93, 0xfa, 0x96, 0x7b);
    expect(decodeSource(bytes, 'page.html').text).toContain('<p>日本</p>');
  });

  it('sniffs the page first when the name says text', () => {
    const bytes = win1252('<!doctype html><meta charset="windows-1252"><p>', 0xe9);
    expect(decodeSource(bytes, 'saved.txt')).toMatchObject({
      mediaType: 'text/html',
      encoding: 'windows-1252',
    });
  });

  it('trusts valid UTF-8 over a declaration that says otherwise', () => {
    const text = '<html><meta charset="iso-8859-1"><body><p>Café</p></body></html>';
    expect(decodeSource(utf8(text), 'page.html')).toMatchObject({ text, encoding: 'utf-8' });
  });

  it('ignores declarations after the first 1024 bytes and inside comments', () => {
    const late = win1252(
      `<html><head>${' '.repeat(1024)}<meta charset="windows-1252"></head><body><p>`,
      0xe9,
    );
    expect(refusal(late, 'page.html').code).toBe('invalid-encoding');
    const commented = win1252(
      '<html><!-- <meta charset="koi8-r"> --><meta charset="windows-1252"><body><p>',
      0xe9,
    );
    expect(decodeSource(commented, 'page.html').encoding).toBe('windows-1252');
    expect(declaredCharset(utf8('<!-- <meta charset=koi8-r> -->'))).toBeNull();
  });

  it('refuses a page declaring a charset nobody knows, quoting it safely', () => {
    const bytes = win1252('<html><meta charset="klingon\x1b[31m"><body><p>', 0xe9);
    const error = refusal(bytes, 'page.html');
    expect(error.code).toBe('invalid-encoding');
    expect(error.message).toContain('"klingon?[31m"');
    expect(error.message).toMatch(/does not know/);
  });

  it('refuses a page declaring UTF-8 (or UTF-16) whose bytes are not UTF-8', () => {
    for (const charset of ['utf-8', 'UTF-16']) {
      const bytes = win1252(`<html><meta charset="${charset}"><body><p>`, 0xe9);
      expect(refusal(bytes, 'page.html').message).toMatch(/not valid UTF-8/);
    }
  });

  it('refuses a page that is not valid in the charset it declares', () => {
    const bytes = win1252('<html><meta charset="shift_jis"><body><p>', 0x82);
    const error = refusal(bytes, 'page.html');
    expect(error.code).toBe('invalid-encoding');
    expect(error.message).toMatch(/not valid shift_jis/);
  });

  it('does not read a declaration in a text file that is not a page', () => {
    const bytes = concat(utf8('Notes: <meta charset="windows-1252"> is how. Caf'), [0xe9]);
    expect(refusal(bytes, 'notes.txt').message).toMatch(/not valid UTF-8/);
  });
});

describe('decodeSource: the charset an HTTP header declares', () => {
  const cafe = (html: string): Uint8Array =>
    concat(utf8(html), [0x43, 0x61, 0x66, 0xe9], utf8('</p></body></html>'));

  it('decodes with the header charset, which outranks <meta>', () => {
    const bytes = cafe('<html><head><meta charset="koi8-r"></head><body><p>');
    const decoded = decodeSource(bytes, null, { charset: 'iso-8859-1', mediaType: 'text/html' });
    expect(decoded.text).toContain('<p>Café</p>');
    expect(decoded).toMatchObject({ mediaType: 'text/html', encoding: 'windows-1252' });
    // Without the header, <meta> decides.
    expect(decodeSource(bytes, 'page.html').text).toContain('<p>CafИ</p>');
  });

  it('outranks even valid UTF-8, as browsers do', () => {
    const bytes = utf8('<html><body><p>Café</p></body></html>');
    expect(decodeSource(bytes, null, { charset: 'windows-1252' }).text).toContain('CafÃ©');
  });

  it('applies to plain text, which has no <meta>', () => {
    const bytes = concat(utf8('Notes on the caf'), [0xe9]);
    expect(refusal(bytes, 'notes.txt').code).toBe('invalid-encoding');
    expect(decodeSource(bytes, null, { charset: 'latin1', mediaType: 'text/plain' })).toEqual({
      text: 'Notes on the café',
      mediaType: 'text/plain',
      encoding: 'windows-1252',
    });
    const utf16le = utf16('Some words, no BOM.', 'le', false);
    expect(decodeSource(utf16le, null, { charset: 'utf-16le' }).text).toBe('Some words, no BOM.');
  });

  it('yields to a byte-order mark', () => {
    const bom = concat([0xef, 0xbb, 0xbf], utf8('<p>Café</p>'));
    expect(
      decodeSource(bom, null, { charset: 'iso-8859-1', mediaType: 'text/html' }),
    ).toMatchObject({ text: '<p>Café</p>', encoding: 'utf-8' });
    const bom16 = utf16('Words.', 'be', true);
    expect(decodeSource(bom16, null, { charset: 'iso-8859-1' }).encoding).toBe('utf-16be');
  });

  it('is ignored when unknown or wrong for the bytes: the content decides as for a file', () => {
    const bytes = cafe('<html><head><meta charset="windows-1252"></head><body><p>');
    for (const charset of ['none', 'utf8mb4', 'utf-8', 'shift_jis']) {
      const decoded = decodeSource(bytes, null, { charset, mediaType: 'text/html' });
      expect(decoded.encoding).toBe('windows-1252');
      expect(decoded.text).toContain('<p>Café</p>');
    }
    const text = utf8('Plain words.');
    expect(decodeSource(text, null, { charset: 'klingon' }).encoding).toBe('utf-8');
  });

  it('still refuses binary data, whatever the header says', () => {
    expect(() => decodeSource(PNG, null, { charset: 'iso-8859-1' })).toThrow(/binary file/);
  });

  it('reads <meta> in a page the header calls text/html, whatever its name', () => {
    const bytes = concat(utf8('<meta charset="windows-1252"><p>Caf'), [0xe9], utf8('</p>'));
    expect(refusal(bytes, 'article').code).toBe('invalid-encoding');
    expect(decodeSource(bytes, 'article', { mediaType: 'text/html' })).toMatchObject({
      mediaType: 'text/html',
      encoding: 'windows-1252',
    });
  });
});

describe('decodeSourceText', () => {
  it('gives the same text as decodeSource, without judging the content', () => {
    const page = utf8('<html><head><title>Only a title</title></head></html>');
    expect(refusal(page, 'a.html').code).toBe('empty');
    expect(decodeSourceText(page, 'a.html')).toEqual({
      text: '<html><head><title>Only a title</title></head></html>',
      encoding: 'utf-8',
    });
    const bytes = utf16('Some words.', 'be', false);
    expect(decodeSourceText(bytes).text).toBe(decodeSource(bytes).text);
    expect(() => decodeSourceText(PNG, 'a.txt')).toThrow(/binary file/);
  });
});

describe('sniffMediaType', () => {
  it('follows the extension for text, then the content', () => {
    expect(sniffMediaType('# Title\n', 'a.txt')).toBe('text/plain');
    expect(sniffMediaType('plain', 'a.md')).toBe('text/markdown');
    expect(sniffMediaType('# Title\n', null)).toBe('text/markdown');
    expect(sniffMediaType('plain', 'a.unknown')).toBe('text/plain');
  });

  it('takes a declared media type as a hint, like an extension', () => {
    // An extension-less URL: a fragment too small to pass for a page on its content alone.
    const fragment = '<p>One paragraph.</p><p>Another.</p>';
    expect(sniffMediaType(fragment, 'article')).toBe('text/plain');
    expect(sniffMediaType(fragment, 'article', 'text/html')).toBe('text/html');
    expect(sniffMediaType(fragment, null, 'application/xhtml+xml')).toBe('text/html');
    expect(sniffMediaType('No tags at all.', 'article', 'text/html')).toBe('text/plain');
    expect(sniffMediaType('plain', null, 'text/markdown')).toBe('text/markdown');
    expect(sniffMediaType('plain', null, 'Text/X-Markdown')).toBe('text/markdown');
    expect(sniffMediaType('# Title\n', null, 'text/plain')).toBe('text/plain');
  });

  it('trusts an explicit text/html or text/markdown over the extension, the extension over text/plain', () => {
    const fragment = '<p>One paragraph.</p><p>Another.</p>';
    expect(sniffMediaType(fragment, 'notes.txt', 'text/html')).toBe('text/html');
    expect(sniffMediaType('plain', 'notes.txt', 'text/markdown')).toBe('text/markdown');
    expect(sniffMediaType('plain', 'README.md', 'text/plain')).toBe('text/markdown');
    expect(sniffMediaType(fragment, 'page.html', 'text/plain')).toBe('text/html');
    // The content still wins: a whole page is HTML whatever the server says.
    expect(sniffMediaType('<!doctype html><p>x', 'a.md', 'text/plain')).toBe('text/html');
  });
});

describe('decodeSource on pathological input', () => {
  const quick = (text: string, name: string): void => {
    const started = performance.now();
    try {
      decodeSource(utf8(text), name);
    } catch (error) {
      expect(error).toBeInstanceOf(ImportError);
    }
    expect(performance.now() - started).toBeLessThan(2000);
  };

  it.each([
    ['brackets', '['.repeat(5_000_000), 'x'],
    ['half links', '[a]('.repeat(1_000_000), 'x'],
    ['unclosed scripts', '<script>'.repeat(1_000_000), 'x.html'],
    ['unclosed comments', '<!--'.repeat(2_000_000), 'x.html'],
    ['lone angle brackets', '<'.repeat(5_000_000), 'x.html'],
    ['tag names without end', `<${'a'.repeat(5_000_000)}`, 'x.html'],
  ])('stays linear on %s', (_what, text, name) => quick(text, name));
});
