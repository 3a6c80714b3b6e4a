import type { Sha256 } from '../article/model.ts';

/** Hashes this many at a time: WebCrypto answers each digest on another thread. */
const BATCH = 256;

/**
 * The SHA-256 of each item, in order. Many digests in flight at once, not one after the
 * other: a platform digest is asynchronous, and awaiting each in turn costs several times
 * more than the hashing itself.
 */
export async function hashAll(items: readonly Uint8Array[], sha256: Sha256): Promise<string[]> {
  const hashes: string[] = [];
  for (let at = 0; at < items.length; at += BATCH) {
    hashes.push(...(await Promise.all(items.slice(at, at + BATCH).map((item) => sha256(item)))));
  }
  return hashes;
}
