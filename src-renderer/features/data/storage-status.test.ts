import { describe, expect, it } from 'vitest';
import {
  describeSpace,
  formatBytes,
  readStorageStatus,
  requestPersistence,
  type StorageManagerLike,
} from './storage-status.ts';

const refuse = () => Promise.reject(new DOMException('not allowed', 'SecurityError'));

describe('readStorageStatus', () => {
  it('reports persistence, usage and quota as the browser gives them', async () => {
    const storage: StorageManagerLike = {
      persisted: async () => true,
      persist: async () => true,
      estimate: async () => ({ usage: 1_234_567, quota: 10_000_000_000 }),
    };
    expect(await readStorageStatus(storage)).toEqual({
      persisted: true,
      usage: 1_234_567,
      quota: 10_000_000_000,
      canAsk: true,
    });
  });

  it('says "unknown" (null), not an error, where the API is missing, partial or throws', async () => {
    const unknown = { persisted: null, usage: null, quota: null, canAsk: false };
    expect(await readStorageStatus(null)).toEqual(unknown);
    expect(await readStorageStatus({})).toEqual(unknown);
    expect(await readStorageStatus({ persisted: refuse, estimate: refuse })).toEqual(unknown);
    expect(
      await readStorageStatus({
        persisted: async () => false,
        estimate: async () => ({ usage: Number.NaN }),
      }),
    ).toEqual({ persisted: false, usage: null, quota: null, canAsk: false });
  });

  it('calls the methods on the manager itself (they need their `this`)', async () => {
    const storage = {
      granted: true,
      async persisted(this: { granted: boolean }) {
        return this.granted;
      },
    };
    expect((await readStorageStatus(storage)).persisted).toBe(true);
  });
});

describe('requestPersistence', () => {
  it('is true only when the browser grants it; a refusal, a throw or no API is false', async () => {
    expect(await requestPersistence({ persist: async () => true })).toBe(true);
    expect(await requestPersistence({ persist: async () => false })).toBe(false);
    expect(await requestPersistence({ persist: refuse })).toBe(false);
    expect(await requestPersistence({})).toBe(false);
    expect(await requestPersistence(null)).toBe(false);
  });
});

describe('describeSpace', () => {
  it('says what is used, of how much, and what is left, in decimal units', () => {
    expect(describeSpace({ usage: 1_234_567, quota: 10_000_000_000 })).toBe(
      '1.2 MB used of 10 GB Quire may use (10 GB left).',
    );
    expect(describeSpace({ usage: 900_000, quota: 1_000_000 })).toBe(
      '900 kB used of 1.0 MB Quire may use (100 kB left).',
    );
    expect(describeSpace({ usage: 512, quota: null })).toBe('512 bytes used.');
    expect(describeSpace({ usage: null, quota: 2_000_000 })).toBe('Quire may use up to 2.0 MB.');
    expect(describeSpace({ usage: null, quota: null })).toBe(
      'The browser does not say how much space is used.',
    );
    // Over the quota (it can be lowered under the data already stored): nothing left, not less.
    expect(describeSpace({ usage: 3_000_000, quota: 2_000_000 })).toMatch(/\(0 bytes left\)/);
  });

  it('formats bytes across units', () => {
    expect([0, 999, 1000, 9_960, 15_500, 999_999, 2.5e9, 7e12].map(formatBytes)).toEqual([
      '0 bytes',
      '999 bytes',
      '1.0 kB',
      '10 kB',
      '16 kB',
      '1.0 MB',
      '2.5 GB',
      '7.0 TB',
    ]);
  });
});
