import { describe, expect, it } from 'vitest';
import {
  backupFileName,
  backupsToPrune,
  DAILY_INTERVAL_MS,
  isBackupReason,
  isDailyBackupDue,
  newestFirst,
  parseBackupFileName,
  planBackupSave,
  type BackupEntry,
  type BackupReason,
} from './rotation.ts';

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.UTC(2026, 11, 1, 8, 30, 15, 42);

function entry(createdAt: number, reason: BackupReason): BackupEntry {
  return { name: backupFileName(createdAt, reason), reason, createdAt, size: 100 };
}

describe('backup file names', () => {
  it('carry the UTC time to the millisecond and the reason, with no colons', () => {
    expect(backupFileName(T0, 'daily')).toBe('quire-2026-12-01T08-30-15-042Z-daily.quire-backup');
    expect(backupFileName(T0, 'pre-upgrade')).toBe(
      'quire-2026-12-01T08-30-15-042Z-pre-upgrade.quire-backup',
    );
  });

  it('read back to the same time and reason', () => {
    for (const reason of ['daily', 'pre-upgrade'] as const) {
      expect(parseBackupFileName(backupFileName(T0, reason))).toEqual({ reason, createdAt: T0 });
    }
  });

  it('sort by name in the order they were taken', () => {
    const names = [T0 + DAY, T0, T0 + 1].map((t) => backupFileName(t, 'daily'));
    expect([...names].sort()).toEqual(
      [T0, T0 + 1, T0 + DAY].map((t) => backupFileName(t, 'daily')),
    );
  });

  it.each([
    '',
    'quire-2026-12-01T08-30-15-042Z-daily.quire-backup.tmp',
    '../quire-2026-12-01T08-30-15-042Z-daily.quire-backup',
    '/etc/quire-2026-12-01T08-30-15-042Z-daily.quire-backup',
    'sub/quire-2026-12-01T08-30-15-042Z-daily.quire-backup',
    'quire-2026-12-01T08-30-15-042Z-manual.quire-backup',
    'quire-2026-02-31T08-30-15-042Z-daily.quire-backup',
    'quire-2026-12-01T25-30-15-042Z-daily.quire-backup',
    'quire-2026-12-01T08:30:15.042Z-daily.quire-backup',
    'QUIRE-2026-12-01T08-30-15-042Z-daily.quire-backup',
    'notes.txt',
  ])('refuse %j, which no store wrote', (name) => {
    expect(parseBackupFileName(name)).toBeNull();
  });

  it('refuse an invalid time', () => {
    expect(() => backupFileName(Number.NaN, 'daily')).toThrow(RangeError);
  });
});

describe('rotation', () => {
  it('keeps the newest 7 daily and the newest 3 pre-upgrade backups and prunes the rest', () => {
    const dailies = Array.from({ length: 10 }, (_, i) => entry(T0 + i * DAY, 'daily'));
    const upgrades = Array.from({ length: 5 }, (_, i) =>
      entry(T0 + i * 30 * DAY + 1, 'pre-upgrade'),
    );
    const pruned = backupsToPrune([...upgrades, ...dailies]);
    expect(pruned.map((e) => e.name).sort()).toEqual(
      [...dailies.slice(0, 3), ...upgrades.slice(0, 2)].map((e) => e.name).sort(),
    );
  });

  it('counts each reason separately: many dailies never push out a pre-upgrade snapshot', () => {
    const old = entry(T0, 'pre-upgrade');
    const dailies = Array.from({ length: 30 }, (_, i) => entry(T0 + (i + 1) * DAY, 'daily'));
    const pruned = backupsToPrune([old, ...dailies]);
    expect(pruned).not.toContainEqual(old);
    expect(pruned).toHaveLength(23);
  });

  it('prunes nothing while under the limits, and honours other limits', () => {
    const few = [entry(T0, 'daily'), entry(T0 + DAY, 'daily'), entry(T0, 'pre-upgrade')];
    expect(backupsToPrune(few)).toEqual([]);
    expect(
      backupsToPrune(few, { daily: 1, 'pre-upgrade': 0 })
        .map((e) => e.name)
        .sort(),
    ).toEqual([few[0]!.name, few[2]!.name].sort());
  });

  it('orders newest first whatever order the store listed them in', () => {
    const a = entry(T0, 'daily');
    const b = entry(T0 + DAY, 'pre-upgrade');
    const c = entry(T0 + 2 * DAY, 'daily');
    expect(newestFirst([b, a, c])).toEqual([c, b, a]);
    expect(newestFirst([a, c, b])).toEqual([c, b, a]);
  });
});

describe('isDailyBackupDue', () => {
  it('is due with no daily backup, even when a pre-upgrade one was just taken', () => {
    expect(isDailyBackupDue([], T0)).toBe(true);
    expect(isDailyBackupDue([entry(T0, 'pre-upgrade')], T0 + 1)).toBe(true);
  });

  it('is not due within 24 hours of the newest daily backup, and due at 24 hours', () => {
    const backups = [entry(T0 - 3 * DAY, 'daily'), entry(T0, 'daily')];
    expect(isDailyBackupDue(backups, T0 + DAILY_INTERVAL_MS - 1)).toBe(false);
    expect(isDailyBackupDue(backups, T0 + DAILY_INTERVAL_MS)).toBe(true);
  });

  it('is due when the newest daily backup is dated in the future (the clock went back)', () => {
    expect(isDailyBackupDue([entry(T0 + DAY, 'daily')], T0)).toBe(true);
  });
});

describe('isBackupReason', () => {
  it('accepts the two reasons and nothing else', () => {
    expect(isBackupReason('daily')).toBe(true);
    expect(isBackupReason('pre-upgrade')).toBe(true);
    for (const value of ['manual', 'Daily', '', 1, null, undefined, { reason: 'daily' }]) {
      expect(isBackupReason(value)).toBe(false);
    }
  });
});

describe('planBackupSave', () => {
  it('names the new backup, and prunes what the rotation drops once it is written', () => {
    const dailies = Array.from({ length: 7 }, (_, i) => entry(T0 + i * DAY, 'daily'));
    const plan = planBackupSave(dailies, 'daily', 12, T0 + 7 * DAY);
    expect(plan).toEqual({
      ok: true,
      entry: {
        name: backupFileName(T0 + 7 * DAY, 'daily'),
        reason: 'daily',
        createdAt: T0 + 7 * DAY,
        size: 12,
      },
      prune: [dailies[0]],
    });
  });

  it('moves a name already taken one millisecond on', () => {
    const plan = planBackupSave(
      [entry(T0, 'pre-upgrade'), entry(T0 + 1, 'pre-upgrade')],
      'pre-upgrade',
      1,
      T0,
    );
    expect(plan.ok && plan.entry.createdAt).toBe(T0 + 2);
  });

  it('refuses a daily backup that is not due and a backup over the cap', () => {
    expect(planBackupSave([entry(T0, 'daily')], 'daily', 1, T0 + 1)).toEqual({
      ok: false,
      message: 'A daily backup was already taken in the last 24 hours.',
    });
    expect(planBackupSave([], 'pre-upgrade', 11, T0, { maxBytes: 10 })).toMatchObject({
      ok: false,
      message: expect.stringContaining('larger than'),
    });
    expect(planBackupSave([entry(T0, 'daily')], 'pre-upgrade', 1, T0 + 1).ok).toBe(true);
  });
});
