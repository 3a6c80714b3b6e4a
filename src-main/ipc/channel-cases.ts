import type { QuireApi } from './contract.ts';

/**
 * One row per IPC channel: arguments a handler must accept, and argument lists it must refuse.
 * Keyed by the contract's methods, so a channel added to the contract without a row is a
 * compile error here (and a failing test, see handlers.test.ts), never a silently untested door.
 */
export interface ChannelCases {
  valid: readonly unknown[];
  malformed: readonly (readonly unknown[])[];
}

const fetchMalformed = [
  [],
  ['https://example.org/'],
  [{ url: 'https://example.org/' }],
  [{ url: 'https://example.org/', allowPrivate: 'yes' }],
  [{ url: 42, allowPrivate: false }],
  [{ url: 'https://example.org/', allowPrivate: false, method: 'POST' }],
  [{ url: `https://example.org/${'x'.repeat(9000)}`, allowPrivate: false }],
  [{ url: 'https://example.org/', allowPrivate: false }, 'extra'],
  [null],
] as const;

export const CHANNEL_CASES = {
  writeClipboard: {
    valid: [{ text: 'x', html: '<b>x</b>' }],
    malformed: [
      [],
      [{ text: 1 }],
      [{ text: 'a' }, 'extra'],
      ['plain string'],
      [{ text: 'a', rtf: '{\\rtf1}' }],
      [null],
    ],
  },
  openExternal: {
    valid: ['https://example.org/'],
    malformed: [
      [],
      ['file:///etc/passwd'],
      ['javascript:alert(1)'],
      ['data:text/html,x'],
      ['https://user:secret@example.org/'],
      ['https://a.b', 'x'],
      [42],
    ],
  },
  getAppInfo: { valid: [], malformed: [['x'], [undefined]] },
  capturePage: {
    valid: [{ url: 'https://example.org/', allowPrivate: false }],
    malformed: fetchMalformed,
  },
  fetchImage: {
    valid: [{ url: 'https://example.org/a.png', allowPrivate: false }],
    malformed: fetchMalformed,
  },
  chooseFolder: { valid: [], malformed: [['/etc'], [undefined]] },
  readFolderFile: {
    valid: ['/docs/a.md'],
    malformed: [[], [''], [7], [{ path: '/a' }], ['/a\0.md'], ['/a', '/b']],
  },
  saveBackup: {
    valid: [new Uint8Array([1]), 'daily'],
    malformed: [
      [],
      [new Uint8Array([1])],
      [new Uint8Array(), 'daily'],
      [[1, 2], 'daily'],
      ['bytes', 'daily'],
      [new Uint8Array([1]), 'hourly'],
      [new Uint8Array([1]), 'daily', 'extra'],
    ],
  },
  listBackups: { valid: [], malformed: [['x'], [undefined]] },
  readBackup: {
    valid: ['quire-2026-12-01T09-00-00-000Z-daily.quire-backup'],
    malformed: [
      [],
      [''],
      [7],
      ['../quire-2026-12-01T09-00-00-000Z-daily.quire-backup'],
      ['/etc/passwd'],
      ['quire-2026-02-31T09-00-00-000Z-daily.quire-backup'],
      ['quire-2026-12-01T09-00-00-000Z-daily.quire-backup', 'extra'],
    ],
  },
} as const satisfies Record<keyof QuireApi, ChannelCases>;
