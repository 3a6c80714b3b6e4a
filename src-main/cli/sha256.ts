import { createHash } from 'node:crypto';

/** SHA-256 as lowercase hex: what the app computes with WebCrypto, here with node:crypto. */
export const sha256 = async (data: Uint8Array): Promise<string> =>
  createHash('sha256').update(data).digest('hex');
