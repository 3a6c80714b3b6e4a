import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeSource, decodeSourceText, type DecodedSource } from '../../import/decode.ts';
import { ImportError } from '../../import/import-error.ts';
import { fixtureSeeds, fuzzBytes, referenceSeed, type FuzzTarget } from '../fuzz.ts';

// Fuzz target: the byte decoder (encoding, byte-order marks, binary sniffing, media type).

interface DecodeCase {
  bytes: Uint8Array;
  fileName: string | null;
  charset: string | null;
  mediaType: string | null;
}

/** UTF-16 code units of `text`, little- or big-endian, with or without a byte-order mark. */
function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const units = `${bom ? '\ufeff' : ''}${text}`;
  const out = new Uint8Array(units.length * 2);
  const view = new DataView(out.buffer);
  for (let i = 0; i < units.length; i++) view.setUint16(i * 2, units.charCodeAt(i), littleEndian);
  return out;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const startsWithUtf8Bom = (b: Uint8Array): boolean => UTF8_BOM.every((x, i) => b[i] === x);

/**
 * Decoding is lossless and repeatable: the library decodes stored bytes again to verify each
 * notice, so the same bytes must give the same text, and that text must encode back to the
 * bytes (UTF-8 and UTF-16, less a byte-order mark) or keep one character per byte (1252).
 */
export function checkDecoded(decoded: DecodedSource, c: DecodeCase): void {
  const hints = { charset: c.charset, mediaType: c.mediaType };
  assert.ok(decoded.text.trim(), 'blank text accepted');
  assert.ok(['text/plain', 'text/markdown', 'text/html'].includes(decoded.mediaType));
  assert.equal(decodeSourceText(c.bytes, c.fileName, hints).text, decoded.text, 'not repeatable');
  const { encoding, text } = decoded;
  if (encoding === 'utf-8') {
    const body = startsWithUtf8Bom(c.bytes) ? c.bytes.subarray(3) : c.bytes;
    assert.deepEqual(new TextEncoder().encode(text), body, 'UTF-8 text does not encode back');
  } else if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    const le = encoding === 'utf-16le';
    const bom = le
      ? c.bytes[0] === 0xff && c.bytes[1] === 0xfe
      : c.bytes[0] === 0xfe && c.bytes[1] === 0xff;
    assert.deepEqual(utf16(text, le, bom), c.bytes, 'UTF-16 text does not encode back');
  } else if (encoding === 'windows-1252') {
    assert.equal(text.length, c.bytes.length, 'windows-1252 is one character per byte');
  }
}

const TEXT = [referenceSeed(), ...fixtureSeeds('articles', ['.txt', '.md'])];
const SEEDS = [
  ...TEXT,
  ...fixtureSeeds('markdown', ['.md']),
  ...fixtureSeeds('html', ['.html']),
  ...fixtureSeeds('pages', ['.html']).slice(0, 4),
  ...TEXT.slice(0, 3).flatMap((b) => {
    const text = new TextDecoder().decode(b).slice(0, 4000);
    return [utf16(text, true, true), utf16(text, false, true), utf16(text, true, false)];
  }),
  new TextEncoder().encode(
    '<html><head><meta charset="windows-1252"><title>T</title></head><body><p>caf\u00e9 \u00a9 2024</p></body></html>',
  ),
];

export const decoder: FuzzTarget<DecodeCase> = {
  name: 'decodeSource',
  runs: 1500,
  input: fc.record({
    bytes: fuzzBytes(SEEDS),
    fileName: fc.constantFrom(null, 'a.txt', 'a.md', 'a.html', 'a.xhtml', 'a', 'a.pdf', 'a.TXT'),
    charset: fc.constantFrom(
      null,
      'utf-8',
      'UTF-16',
      'utf-16be',
      'latin1',
      'shift_jis',
      'euc-kr',
      'x-user-defined',
      'utf8mb4',
      ' gbk ',
      '',
    ),
    mediaType: fc.constantFrom(
      null,
      'text/html',
      'text/markdown',
      'text/plain',
      'application/octet-stream',
      '',
    ),
  }),
  seedNote: `${SEEDS.length} fixtures: text, Markdown, HTML, UTF-16 with and without BOM, windows-1252`,
  size: ({ bytes }) => bytes.length,
  call: ({ bytes, fileName, charset, mediaType }) =>
    decodeSource(bytes, fileName, { charset, mediaType }),
  refusal: { name: 'ImportError', is: (e: unknown) => e instanceof ImportError },
  check: (decoded: DecodedSource, c) => checkDecoded(decoded, c),
};
