import type { Sha256 } from '../../src-core/article/model.ts';

/** SHA-256 through WebCrypto, as lowercase hex: the browser's implementation of the core's `Sha256`. */
export const sha256: Sha256 = async (data) => {
  // WebCrypto wants an ArrayBuffer-backed view; copy when given a shared or offset buffer.
  const view =
    data.buffer instanceof ArrayBuffer ? (data as Uint8Array<ArrayBuffer>) : new Uint8Array(data);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', view));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
};
