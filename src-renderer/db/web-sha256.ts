import type { Sha256 } from '../../src-core/article/model.ts';

/** Lowercase hex SHA-256 via WebCrypto (present in the renderer and in Node 20+). */
export const webCryptoSha256: Sha256 = async (data) => {
  const digest = await crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
};
