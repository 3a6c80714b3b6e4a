/**
 * Automatic backups: how they are named, when a daily one is due and which ones are kept.
 * Pure, so the desktop store (files in the app's data folder) and the web store (the
 * origin-private file system) name, list and prune in exactly the same way.
 */

/** Why an automatic backup was taken. */
export type BackupReason = 'daily' | 'pre-upgrade';

export const BACKUP_REASONS: readonly BackupReason[] = ['daily', 'pre-upgrade'];

/** The file extension every Quire backup carries, automatic or saved by hand. */
export const BACKUP_EXTENSION = '.quire-backup';

/** One automatic backup as a store lists it. */
export interface BackupEntry {
  /** The file name: the only handle the renderer may use to read it again. */
  name: string;
  reason: BackupReason;
  /** When it was taken, ms since the epoch (from its name, in UTC). */
  createdAt: number;
  /** Its size in bytes. */
  size: number;
}

/**
 * How many of each kind are kept. Seven dailies reach a week back (or seven days of use,
 * since one is taken only on a day the app is opened); three pre-upgrade snapshots cover the
 * last three schema upgrades, which are rare, each the only copy in the older format.
 */
export const KEEP: Readonly<Record<BackupReason, number>> = { daily: 7, 'pre-upgrade': 3 };

/** A daily backup is due when the newest one is at least this old. */
export const DAILY_INTERVAL_MS = 24 * 60 * 60 * 1000;

/** No backup file is written past this size (a compromised renderer cannot fill the disk). */
export const MAX_BACKUP_BYTES = 2 * 1024 * 1024 * 1024 - 1;

const NAME_PATTERN =
  /^quire-(\d{4})-(\d{2})-(\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-(daily|pre-upgrade)\.quire-backup$/;

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** `quire-2026-12-01T08-30-00-000Z-daily.quire-backup`: sorts by time, says why, no colons. */
export function backupFileName(createdAt: number, reason: BackupReason): string {
  const d = new Date(createdAt);
  if (Number.isNaN(d.getTime())) throw new RangeError('backup time is not a valid date');
  const stamp =
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}-${pad(d.getUTCMinutes())}-${pad(d.getUTCSeconds())}` +
    `-${pad(d.getUTCMilliseconds(), 3)}Z`;
  return `quire-${stamp}-${reason}${BACKUP_EXTENSION}`;
}

/**
 * Reads a name `backupFileName` wrote; null for anything else (a stray file, a temporary
 * file, a path). Only names that parse are listed, read or deleted.
 */
export function parseBackupFileName(
  name: string,
): { reason: BackupReason; createdAt: number } | null {
  if (name.length > 64) return null;
  const match = NAME_PATTERN.exec(name);
  if (!match) return null;
  const [year, month, day, hours, minutes, seconds, millis] = match.slice(1, 8).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const createdAt = Date.UTC(year, month - 1, day, hours, minutes, seconds, millis);
  // Date.UTC rolls 31 February over into March: such a name was not written by us.
  if (backupFileName(createdAt, match[8] as BackupReason) !== name) return null;
  return { reason: match[8] as BackupReason, createdAt };
}

/** Newest first; equal times by name, so the order never depends on the listing's order. */
export function newestFirst(entries: readonly BackupEntry[]): BackupEntry[] {
  return [...entries].sort((a, b) => b.createdAt - a.createdAt || (a.name < b.name ? 1 : -1));
}

/** The backups the policy no longer keeps: per reason, all but the newest KEEP[reason]. */
export function backupsToPrune(
  entries: readonly BackupEntry[],
  keep: Readonly<Record<BackupReason, number>> = KEEP,
): BackupEntry[] {
  const seen: Record<BackupReason, number> = { daily: 0, 'pre-upgrade': 0 };
  const prune: BackupEntry[] = [];
  for (const entry of newestFirst(entries)) {
    seen[entry.reason] += 1;
    if (seen[entry.reason] > keep[entry.reason]) prune.push(entry);
  }
  return prune;
}

/**
 * Whether a daily backup should be taken now: none yet, or the newest is a day old. A newest
 * one dated in the future (the clock went back) does not block backups for good: it counts as
 * due.
 */
export function isDailyBackupDue(entries: readonly BackupEntry[], now: number): boolean {
  const newest = newestFirst(entries).find((entry) => entry.reason === 'daily');
  if (!newest) return true;
  const age = now - newest.createdAt;
  return age >= DAILY_INTERVAL_MS || age < 0;
}

export function isBackupReason(value: unknown): value is BackupReason {
  return typeof value === 'string' && (BACKUP_REASONS as readonly string[]).includes(value);
}

/** What a store does to save a backup: write `entry` under its name, then delete `prune`. */
export type SavePlan =
  { ok: true; entry: BackupEntry; prune: BackupEntry[] } | { ok: false; message: string };

/**
 * Plans one save, the same in every store: refuses an oversized backup and a daily one that
 * is not due, names it (a millisecond later when two land on the same name), and says which
 * backups the rotation then drops.
 */
export function planBackupSave(
  existing: readonly BackupEntry[],
  reason: BackupReason,
  size: number,
  now: number,
  {
    keep = KEEP,
    maxBytes = MAX_BACKUP_BYTES,
  }: { keep?: Readonly<Record<BackupReason, number>>; maxBytes?: number } = {},
): SavePlan {
  if (size > maxBytes) {
    return {
      ok: false,
      message: `The backup (${size} bytes) is larger than an automatic backup may be (${maxBytes} bytes). Use "Back up now" to save it as a file.`,
    };
  }
  // The store decides, not its caller: a page cannot rotate the dailies out by asking often.
  if (reason === 'daily' && !isDailyBackupDue(existing, now)) {
    return { ok: false, message: 'A daily backup was already taken in the last 24 hours.' };
  }
  const taken = new Set(existing.map((entry) => entry.name));
  let createdAt = now;
  while (taken.has(backupFileName(createdAt, reason))) createdAt += 1;
  const entry: BackupEntry = { name: backupFileName(createdAt, reason), reason, createdAt, size };
  return { ok: true, entry, prune: backupsToPrune([entry, ...existing], keep) };
}
