import fc from 'fast-check';

// Test-only: the fuzzers' inputs. Seeds (real files) are edited by byte-level mutators, so most
// cases look almost like a real page or article and reach deep into the parsers; random bytes
// and known binary headers cover the files that are no article at all.

/** No generated input is larger than this (a parser's cost, not its limit, is under test). */
export const DEFAULT_MAX_BYTES = 256 * 1024;

const utf8 = new TextEncoder();
const bytesOf = (s: string): Uint8Array => utf8.encode(s);

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Characters and strings that make parsers backtrack, nest, mis-decode or mis-count. */
export const HOSTILE_RUNS: readonly string[] = [
  '<',
  '>',
  '</',
  '<div>',
  '<p>',
  '<b><i>',
  '<table><tr><td>',
  '<!--',
  '-->',
  '<![CDATA[',
  '<script>',
  '<a href="',
  '"',
  "'",
  '=',
  '&',
  '&#',
  '&#x',
  '&amp;',
  '&copy;',
  '[',
  ']',
  '](',
  '![',
  '(',
  ')',
  '*',
  '**',
  '_',
  '`',
  '```\n',
  '#',
  '# ',
  '> ',
  '- ',
  '1. ',
  '|',
  '---\n',
  '\\',
  ' ',
  '\t',
  '\n',
  '\r',
  '\r\n',
  '\n\n',
  '\u0000',
  '\u000b',
  '\u001b',
  '\u00a0',
  '\u00ad',
  '\u200b',
  '\u200f',
  '\u202e',
  '\u2028',
  '\ufeff',
  '\ufffd',
  '\ud83d\ude00',
  'é',
  'a',
  'word ',
  '©',
  '(c) ',
  'Copyright ',
  'All rights reserved. ',
  'By ',
  'Disclaimer: ',
  'http://',
  'https://x.example/',
  'javascript:',
  'data:',
];

/** Byte sequences that are not UTF-8: stray continuations, overlongs, surrogates, cut-offs. */
const INVALID_UTF8: readonly number[][] = [
  [0x80],
  [0xbf],
  [0xc0, 0x80],
  [0xc1, 0xbf],
  [0xe0, 0x80, 0x80],
  [0xed, 0xa0, 0x80],
  [0xed, 0xbf, 0xbf],
  [0xf4, 0x90, 0x80, 0x80],
  [0xf5],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
  [0xfe],
  [0xff],
  [0xe2, 0x82],
  [0xf0, 0x9f, 0x98],
  [0xc3],
];

/** Byte-order marks, right and wrong for the bytes they precede. */
const BOMS: readonly number[][] = [
  [0xef, 0xbb, 0xbf],
  [0xff, 0xfe],
  [0xfe, 0xff],
  [0xff, 0xfe, 0x00, 0x00],
  [0xef, 0xbb],
];

/** How files that are not text begin (the decoder must call them binary, whatever follows). */
export const BINARY_HEADERS: readonly number[][] = [
  [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52], // PNG
  [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00], // JPEG
  [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00], // zip
  [0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03], // gzip
  [0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00], // ELF
  [0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00], // Windows executable
  [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00], // WebAssembly
  [0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00], // GIF
];

/** One edit of a byte string; applied in order by {@link mutatedBytes}. */
export type Mutation =
  | { op: 'flip'; at: number; mask: number }
  | { op: 'truncate'; at: number; keepEnd: boolean }
  | { op: 'splice'; at: number; other: number; from: number }
  | { op: 'hostile'; at: number; run: string; times: number }
  | { op: 'random'; at: number; bytes: Uint8Array }
  | { op: 'invalid-utf8'; at: number; sequence: number }
  | { op: 'bom'; bom: number }
  | { op: 'nul'; at: number; count: number }
  | { op: 'long-attribute'; at: number; length: number }
  | { op: 'long-line'; at: number; length: number };

const position = fc.nat({ max: 0x7fffffff });

/** The edits, each with positions taken modulo the current length when applied. */
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('flip' as const),
      at: position,
      mask: fc.integer({ min: 1, max: 255 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('truncate' as const),
      at: position,
      keepEnd: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('splice' as const),
      at: position,
      other: fc.nat(),
      from: position,
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('hostile' as const),
      at: position,
      run: fc.constantFrom(...HOSTILE_RUNS),
      times: fc.integer({ min: 1, max: 5000 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('random' as const),
      at: position,
      bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('invalid-utf8' as const),
      at: position,
      sequence: fc.nat({ max: INVALID_UTF8.length - 1 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('bom' as const),
      bom: fc.nat({ max: BOMS.length - 1 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('nul' as const),
      at: position,
      count: fc.integer({ min: 1, max: 16 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('long-attribute' as const),
      at: position,
      length: fc.integer({ min: 1000, max: 200_000 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('long-line' as const),
      at: position,
      length: fc.integer({ min: 1000, max: 200_000 }),
    }),
  },
);

/** Applies one edit; `seeds` are the other files a splice may take its tail from. */
export function applyMutation(
  bytes: Uint8Array,
  m: Mutation,
  seeds: readonly Uint8Array[],
  maxBytes: number,
): Uint8Array {
  const at = 'at' in m ? (bytes.length ? m.at % (bytes.length + 1) : 0) : 0;
  const insert = (piece: Uint8Array): Uint8Array =>
    concat(bytes.subarray(0, at), piece.subarray(0, maxBytes), bytes.subarray(at));
  switch (m.op) {
    case 'flip': {
      if (!bytes.length) return bytes;
      const out = bytes.slice();
      const i = at % bytes.length;
      out[i] = out[i]! ^ m.mask;
      return out;
    }
    case 'truncate':
      return m.keepEnd ? bytes.slice(at) : bytes.slice(0, at);
    case 'splice': {
      const other = seeds.length ? seeds[m.other % seeds.length]! : bytes;
      const from = other.length ? m.from % other.length : 0;
      return concat(bytes.subarray(0, at), other.subarray(from));
    }
    case 'hostile':
      return insert(bytesOf(m.run.repeat(m.times)));
    case 'random':
      return insert(m.bytes);
    case 'invalid-utf8':
      return insert(Uint8Array.from(INVALID_UTF8[m.sequence]!));
    case 'bom':
      return concat(Uint8Array.from(BOMS[m.bom]!), bytes);
    case 'nul':
      return insert(new Uint8Array(m.count));
    case 'long-attribute':
      return insert(bytesOf(`<div title="${'x'.repeat(m.length)}" data-a='${'y'.repeat(64)}'>`));
    case 'long-line':
      return insert(bytesOf('word '.repeat(Math.ceil(m.length / 5))));
  }
}

/** Edits that keep text text: the decoder accepts the result, so the parsers behind it run. */
const TEXT_EDITS = new Set<Mutation['op']>([
  'truncate',
  'splice',
  'hostile',
  'long-attribute',
  'long-line',
]);

/**
 * A seed with 1 to `maxEdits` edits, cut to `maxBytes`. `text`: only edits that keep the bytes
 * valid UTF-8 (a multi-byte character cut by an edit becomes U+FFFD), so that the case reaches
 * the parsers instead of the decoder's refusal.
 */
export function mutatedBytes(
  seeds: readonly Uint8Array[],
  { maxEdits = 4, maxBytes = DEFAULT_MAX_BYTES, text = false } = {},
): fc.Arbitrary<Uint8Array> {
  if (!seeds.length) throw new Error('mutatedBytes needs at least one seed');
  const edit = text ? mutation.filter((m) => TEXT_EDITS.has(m.op)) : mutation;
  return fc
    .tuple(fc.nat({ max: seeds.length - 1 }), fc.array(edit, { minLength: 1, maxLength: maxEdits }))
    .map(([seed, edits]) => {
      let bytes = seeds[seed]!.subarray(0, maxBytes);
      for (const edit of edits) bytes = applyMutation(bytes, edit, seeds, maxBytes);
      if (bytes.length > maxBytes) bytes = bytes.slice(0, maxBytes);
      return text ? utf8.encode(new TextDecoder().decode(bytes)) : bytes;
    });
}

/** Files that are no article: random bytes, binary headers with random tails, an empty file. */
export function garbageBytes({ maxBytes = 64 * 1024 } = {}): fc.Arbitrary<Uint8Array> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.uint8Array({ minLength: 64, maxLength: Math.min(maxBytes, 8192) }) },
    {
      weight: 3,
      arbitrary: fc
        .tuple(
          fc.constantFrom(...BINARY_HEADERS),
          fc.uint8Array({ minLength: 64, maxLength: 4096 }),
        )
        .map(([header, tail]) => concat(Uint8Array.from(header), tail)),
    },
    { weight: 1, arbitrary: fc.constant(new Uint8Array(0)) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.constantFrom(' ', '\n', '\t', '\r\n', '\u00a0', '\ufeff'),
          fc.integer({ min: 1, max: 4096 }),
        )
        .map(([blank, times]) => bytesOf(blank.repeat(times))),
    },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 4096 }).map((n) => new Uint8Array(n)) },
  );
}

/** Arbitrary strings as UTF-8 bytes: every code point, including lone surrogates (as U+FFFD). */
export const anyTextBytes: fc.Arbitrary<Uint8Array> = fc
  .string({ unit: 'binary', maxLength: 2000 })
  .map(bytesOf);

/** Sequences of syntax pieces: random strings that often form real (and broken) constructs. */
export function pieces(list: readonly string[], maxLength = 120): fc.Arbitrary<string> {
  return fc.array(fc.constantFrom(...list), { maxLength }).map((p) => p.join(''));
}

/**
 * The inputs of a byte-level fuzzer: mostly mutated seeds, some fresh seeds, some structured
 * strings from `grammar`, some garbage.
 */
export function fuzzBytes(
  seeds: readonly Uint8Array[],
  {
    grammar,
    maxBytes = DEFAULT_MAX_BYTES,
  }: { grammar?: fc.Arbitrary<string>; maxBytes?: number } = {},
): fc.Arbitrary<Uint8Array> {
  return fc.oneof(
    { weight: 6, arbitrary: mutatedBytes(seeds, { maxBytes, text: true }) },
    { weight: 5, arbitrary: mutatedBytes(seeds, { maxBytes }) },
    { weight: 1, arbitrary: fc.constantFrom(...seeds.map((s) => s.subarray(0, maxBytes))) },
    ...(grammar ? [{ weight: 4, arbitrary: grammar.map(bytesOf) }] : []),
    { weight: 1, arbitrary: anyTextBytes },
    { weight: 1, arbitrary: garbageBytes() },
  );
}

/** An input made of bytes and the options they were read with (an import case). */
export function bytesAndRest(input: unknown): { bytes: Uint8Array; rest: object } | null {
  if (typeof input !== 'object' || input === null || !('bytes' in input)) return null;
  const { bytes, ...rest } = input as { bytes: unknown };
  return bytes instanceof Uint8Array ? { bytes, rest } : null;
}

/** A short printable view of an input, for failure messages. */
export function preview(input: unknown, chars = 300): string {
  const split = bytesAndRest(input);
  if (split) return `${JSON.stringify(split.rest)} with ${preview(split.bytes, chars)}`;
  if (input instanceof Uint8Array) {
    const text = new TextDecoder('utf-8', { fatal: false }).decode(input.subarray(0, chars * 2));
    return `${input.length} bytes: ${JSON.stringify(text.slice(0, chars))}${input.length > chars ? '…' : ''}`;
  }
  if (typeof input === 'string')
    return `${input.length} chars: ${JSON.stringify(input.slice(0, chars))}${input.length > chars ? '…' : ''}`;
  let json: string;
  try {
    json = JSON.stringify(input) ?? String(input);
  } catch {
    json = String(input);
  }
  return json.length > chars ? `${json.slice(0, chars)}…` : json;
}
