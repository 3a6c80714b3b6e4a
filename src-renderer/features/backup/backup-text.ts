import type { BackupReason } from '../../../src-core/auto-backup/rotation.ts';
import { BackupError, type BackupProgress, type RestoreReport } from '../../db/backup.ts';

/** Words for the user about backups: sizes, reasons, progress, reports and errors. Pure. */

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

export const REASON_LABELS: Record<BackupReason, string> = {
  daily: 'Daily',
  'pre-upgrade': 'Before an upgrade',
};

/** "1 December 2026, 09:30" in the user's time zone. */
export function formatBackupTime(createdAt: number): string {
  return new Date(createdAt).toLocaleString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

const PHASES: Record<BackupProgress['phase'], string> = {
  read: 'Reading the library',
  pack: 'Packing the backup',
  unpack: 'Checking the backup',
  write: 'Writing into the library',
};

export function progressText({ phase, done, total }: BackupProgress): string {
  return total > 0 ? `${PHASES[phase]}: ${done} of ${total}` : `${PHASES[phase]}…`;
}

/** The name of a backup saved by hand: `quire-library-2026-12-01.quire-backup` (local date). */
export function backupDownloadName(now: number): string {
  const d = new Date(now);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `quire-library-${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}.quire-backup`;
}

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** "3 articles, 1 highlight and 2 settings", or "nothing" when all counts are zero. */
export function addedSummary(added: RestoreReport['added']): string {
  const parts = [
    added.articles && plural(added.articles, 'article'),
    added.annotations && plural(added.annotations, 'highlight'),
    added.collections && plural(added.collections, 'collection'),
    added.styles && plural(added.styles, 'citation style'),
    added.settings && plural(added.settings, 'setting'),
  ].filter((part): part is string => typeof part === 'string');
  if (parts.length === 0) return 'nothing';
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/** The one-line outcome announced in the live region. */
export function reportHeadline(report: RestoreReport): string {
  const added = `Restored: added ${addedSummary(report.added)}`;
  const rest = [
    report.skipped.length && `skipped ${report.skipped.length}`,
    report.conflicts.length && plural(report.conflicts.length, 'conflict'),
  ].filter(Boolean);
  return `${added}${rest.length ? `; ${rest.join(', ')}` : ''}.`;
}

/** A backup that could not be restored; the restore writes all or nothing. */
export function restoreErrorMessage(error: unknown, fileName: string): string {
  const detail = (error instanceof Error ? error.message : String(error)).replace(/\.$/, '');
  if (error instanceof BackupError) {
    return `“${fileName}” cannot be restored: ${detail}. Nothing in your library was changed.`;
  }
  return `Restoring “${fileName}” failed: ${detail}. Nothing in your library was changed.`;
}
