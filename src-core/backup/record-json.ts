import { BackupError, isSha256Hex } from './format.ts';

/**
 * Records as JSON without losing what JSON cannot say. IndexedDB stores structured clones:
 * byte arrays, `undefined` fields, non-finite numbers and dates survive there but not in
 * JSON. Each becomes a one-key object whose key starts with `$`:
 *
 *   Uint8Array → {"$blob": "<sha256>"} (the bytes are stored once, as blobs/<sha256>)
 *   undefined → {"$undefined": 1}     NaN, ±Infinity, -0 → {"$number": "NaN" | …}
 *   Date → {"$date": <ms>}
 *
 * and a record's own keys that start with `$` get one more `$`, so nothing is ambiguous.
 */

export type BlobSink = (bytes: Uint8Array) => string;

const SPECIAL_NUMBERS = new Map<string, number>([
  ['NaN', NaN],
  ['Infinity', Infinity],
  ['-Infinity', -Infinity],
  ['-0', -0],
]);

function specialNumber(value: number): string | null {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  if (Object.is(value, -0)) return '-0';
  return null;
}

/**
 * A record as plain JSON values; `blob` receives each byte array and returns its SHA-256
 * (computed by the caller beforehand, since hashing is asynchronous).
 */
export function encodeRecord(value: unknown, blob: BlobSink, where = ''): unknown {
  if (value === undefined) return { $undefined: 1 };
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    const special = specialNumber(value);
    return special ? { $number: special } : value;
  }
  if (value instanceof Uint8Array) return { $blob: blob(value) };
  if (value instanceof Date) return { $date: value.getTime() };
  if (Array.isArray(value))
    return value.map((item, i) => encodeRecord(item, blob, `${where}[${i}]`));
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      out[key.startsWith('$') ? `$${key}` : key] = encodeRecord(item, blob, `${where}.${key}`);
    }
    return out;
  }
  throw new BackupError(`A record holds a value a backup cannot store (at ${where || 'its root'})`);
}

/** Every byte array in a record, in the order encodeRecord meets them. */
export function collectBytes(value: unknown, found: Uint8Array[] = []): Uint8Array[] {
  if (value instanceof Uint8Array) found.push(value);
  else if (Array.isArray(value)) for (const item of value) collectBytes(item, found);
  else if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    for (const item of Object.values(value)) collectBytes(item, found);
  }
  return found;
}

const bad = (where: string, why: string) => new BackupError(`${where}: ${why}`);

/** The record back from its JSON; `blob` returns the bytes of a hash (or throws). */
export function decodeRecord(
  value: unknown,
  blob: (sha256: string) => Uint8Array,
  where: string,
): unknown {
  if (Array.isArray(value)) return value.map((item) => decodeRecord(item, blob, where));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>);
  const [first] = entries;
  if (first && first[0].startsWith('$') && !first[0].startsWith('$$')) {
    const [tag, arg] = first;
    if (entries.length !== 1) throw bad(where, `a tagged value (${tag}) has other keys`);
    switch (tag) {
      case '$blob':
        if (!isSha256Hex(arg)) throw bad(where, 'a blob reference is not a SHA-256');
        return blob(arg);
      case '$undefined':
        return undefined;
      case '$number':
        if (typeof arg !== 'string' || !SPECIAL_NUMBERS.has(arg)) throw bad(where, 'bad $number');
        return SPECIAL_NUMBERS.get(arg);
      case '$date':
        if (typeof arg !== 'number' || !Number.isFinite(arg)) throw bad(where, 'bad $date');
        return new Date(arg);
      default:
        throw bad(where, `unknown tag ${tag}`);
    }
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of entries) {
    if (key.startsWith('$') && !key.startsWith('$$')) {
      throw bad(where, `a tagged key (${key}) among other keys`);
    }
    const name = key.startsWith('$$') ? key.slice(1) : key;
    // defineProperty: a key named "__proto__" stays a plain key instead of setting the prototype.
    Object.defineProperty(out, name, {
      value: decodeRecord(item, blob, where),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}
