import { describe, expect, it } from 'vitest';
import {
  expectArgumentCount,
  IpcArgumentError,
  MAX_CLIPBOARD_BYTES,
  validateBackupBytes,
  validateBackupName,
  validateBackupReason,
  validateClipboardContent,
  validateExternalUrl,
  validateFetchRequest,
  validateFilePath,
} from './validate.ts';

describe('validateClipboardContent', () => {
  it('accepts text, and text with html, returning only those fields', () => {
    expect(validateClipboardContent({ text: 'Quote' })).toEqual({ text: 'Quote' });
    expect(validateClipboardContent({ text: 'Quote', html: '<p>Quote</p>' })).toEqual({
      text: 'Quote',
      html: '<p>Quote</p>',
    });
    expect(validateClipboardContent({ text: '', html: undefined })).toEqual({ text: '' });
  });

  it('accepts a payload right at the cap', () => {
    const half = 'a'.repeat(MAX_CLIPBOARD_BYTES / 2);
    expect(() => validateClipboardContent({ text: half, html: half })).not.toThrow();
  });

  it.each([
    ['nothing', undefined],
    ['null', null],
    ['a string', 'text'],
    ['an array', ['text']],
    ['a missing text', { html: '<p>x</p>' }],
    ['a numeric text', { text: 42 }],
    ['an object html', { text: 'x', html: { toString: (): string => 'x' } }],
    ['an unknown field', { text: 'x', rtf: '{\\rtf1}' }],
    [
      'a class instance',
      new (class {
        text = 'x';
      })(),
    ],
  ])('refuses %s', (_label, value) => {
    expect(() => validateClipboardContent(value)).toThrow(IpcArgumentError);
  });

  it('refuses more than 5 MB, counting UTF-8 bytes across both fields', () => {
    expect(() => validateClipboardContent({ text: 'a'.repeat(MAX_CLIPBOARD_BYTES + 1) })).toThrow(
      /larger than/,
    );
    const half = 'a'.repeat(MAX_CLIPBOARD_BYTES / 2);
    expect(() => validateClipboardContent({ text: half, html: `${half}!` })).toThrow(/larger than/);
    // 'é' is one UTF-16 unit but two UTF-8 bytes.
    const accented = 'é'.repeat(MAX_CLIPBOARD_BYTES / 2 + 1);
    expect(() => validateClipboardContent({ text: accented })).toThrow(/larger than/);
  });
});

describe('validateExternalUrl', () => {
  it('returns the normalized http(s) URL', () => {
    expect(validateExternalUrl('https://example.org')).toBe('https://example.org/');
    expect(validateExternalUrl('http://Example.org/a?b=c')).toBe('http://example.org/a?b=c');
  });

  it.each([
    undefined,
    7,
    '',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,x',
    'blob:https://example.org/x',
    'quire://open',
    'https://user@example.org',
    'not a url',
    `https://example.org/${'x'.repeat(9000)}`,
  ])('refuses %j', (value) => {
    expect(() => validateExternalUrl(value)).toThrow(IpcArgumentError);
  });
});

describe('expectArgumentCount', () => {
  it('accepts the exact count and refuses extra or missing arguments', () => {
    expect(() => expectArgumentCount(['a'], 1)).not.toThrow();
    expect(() => expectArgumentCount([], 0)).not.toThrow();
    expect(() => expectArgumentCount(['a', 'b'], 1)).toThrow(IpcArgumentError);
    expect(() => expectArgumentCount([], 1)).toThrow(IpcArgumentError);
    expect(() => expectArgumentCount([undefined], 0)).toThrow(IpcArgumentError);
  });
});

describe('validateFetchRequest', () => {
  it('returns exactly url and allowPrivate, leaving the URL for the fetch to judge', () => {
    expect(validateFetchRequest({ url: 'https://example.org/', allowPrivate: false })).toEqual({
      url: 'https://example.org/',
      allowPrivate: false,
    });
    // The fetch refuses this one with a message for the user; the shape is fine.
    expect(validateFetchRequest({ url: 'file:///etc/passwd', allowPrivate: true })).toEqual({
      url: 'file:///etc/passwd',
      allowPrivate: true,
    });
    expect(() =>
      validateFetchRequest({ url: `https://a.b/${'x'.repeat(8192 - 12)}`, allowPrivate: false }),
    ).not.toThrow();
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'https://example.org/'],
    ['an array', ['https://example.org/', false]],
    ['a missing allowPrivate', { url: 'https://example.org/' }],
    ['a missing url', { allowPrivate: false }],
    ['a numeric url', { url: 1, allowPrivate: false }],
    ['a string allowPrivate', { url: 'https://example.org/', allowPrivate: 'false' }],
    ['an unknown field', { url: 'https://example.org/', allowPrivate: false, headers: {} }],
    ['a URL over 8 KiB', { url: `https://a.b/${'x'.repeat(8192)}`, allowPrivate: false }],
    [
      'a class instance',
      new (class {
        url = 'https://example.org/';
        allowPrivate = false;
      })(),
    ],
  ])('refuses %s', (_label, value) => {
    expect(() => validateFetchRequest(value)).toThrow(IpcArgumentError);
  });
});

describe('validateFilePath', () => {
  it('returns a path string', () => {
    expect(validateFilePath('/home/me/articles/a.md')).toBe('/home/me/articles/a.md');
    expect(validateFilePath('C:\\Users\\me\\a.md')).toBe('C:\\Users\\me\\a.md');
  });

  it.each([undefined, null, 7, '', '/a\0b', { path: '/a' }, 'x'.repeat(40_000)])(
    'refuses %j',
    (value) => {
      expect(() => validateFilePath(value)).toThrow(IpcArgumentError);
    },
  );
});

describe('backup arguments', () => {
  const name = 'quire-2026-12-01T09-00-00-000Z-pre-upgrade.quire-backup';

  it('accept archive bytes (a Buffer too), the two reasons and a backup file name', () => {
    const bytes = new Uint8Array([80, 75]);
    expect(validateBackupBytes(bytes)).toBe(bytes);
    expect(validateBackupBytes(Buffer.from([1]))).toEqual(Buffer.from([1]));
    expect(validateBackupReason('daily')).toBe('daily');
    expect(validateBackupReason('pre-upgrade')).toBe('pre-upgrade');
    expect(validateBackupName(name)).toBe(name);
  });

  it.each([
    undefined,
    null,
    'PK',
    [80, 75],
    new ArrayBuffer(2),
    new Uint16Array(2),
    new Uint8Array(0),
  ])('refuse the bytes %j', (value) => {
    expect(() => validateBackupBytes(value)).toThrow(IpcArgumentError);
  });

  it.each([undefined, '', 'manual', 'DAILY', 1, { reason: 'daily' }])(
    'refuse the reason %j',
    (value) => {
      expect(() => validateBackupReason(value)).toThrow(IpcArgumentError);
    },
  );

  it.each([
    undefined,
    42,
    '',
    '.',
    '..',
    `../${name}`,
    `./${name}`,
    `/tmp/${name}`,
    `C:\\backups\\${name}`,
    `${name}/`,
    `${name}.tmp`,
    `.${name}.abc.tmp`,
    'quire-2026-02-30T09-00-00-000Z-daily.quire-backup',
    `${name}\0`,
    'x'.repeat(40_000),
  ])('refuse the name %j', (value) => {
    expect(() => validateBackupName(value)).toThrow(IpcArgumentError);
  });
});
