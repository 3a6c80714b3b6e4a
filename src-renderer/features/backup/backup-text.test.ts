import { describe, expect, it } from 'vitest';
import { BackupError, type RestoreReport } from '../../db/backup.ts';
import {
  addedSummary,
  backupDownloadName,
  formatBytes,
  progressText,
  reportHeadline,
  restoreErrorMessage,
} from './backup-text.ts';

const none = { articles: 0, annotations: 0, collections: 0, styles: 0, settings: 0 };

describe('backup wording', () => {
  it('formats sizes in B, KB, MB and GB', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(25 * 1024 * 1024)).toBe('25 MB');
    expect(formatBytes(3 * 1024 ** 3)).toBe('3.0 GB');
  });

  it('names a saved backup by the local date', () => {
    expect(backupDownloadName(new Date(2026, 0, 5, 23, 59).getTime())).toBe(
      'quire-library-2026-01-05.quire-backup',
    );
  });

  it('says the phase and the count of progress', () => {
    expect(progressText({ phase: 'read', done: 3, total: 10 })).toBe(
      'Reading the library: 3 of 10',
    );
    expect(progressText({ phase: 'pack', done: 0, total: 0 })).toBe('Packing the backup…');
  });

  it('lists what was added in words, leaving out what was not', () => {
    expect(addedSummary(none)).toBe('nothing');
    expect(addedSummary({ ...none, articles: 1 })).toBe('1 article');
    expect(addedSummary({ ...none, articles: 3, annotations: 1, settings: 2 })).toBe(
      '3 articles, 1 highlight and 2 settings',
    );
  });

  it('sums up a report with its skipped and conflicting records', () => {
    const report: RestoreReport = {
      mode: 'merge',
      added: none,
      skipped: [
        { kind: 'article', id: 'a', title: 'A', reason: 'already in the library' },
        { kind: 'article', id: 'b', title: 'B', reason: 'already in the library' },
      ],
      conflicts: [{ kind: 'setting', id: 'theme', resolution: 'kept the current value' }],
    };
    expect(reportHeadline(report)).toBe('Restored: added nothing; skipped 2, 1 conflict.');
    expect(
      reportHeadline({ ...report, skipped: [], conflicts: [], added: { ...none, articles: 2 } }),
    ).toBe('Restored: added 2 articles.');
  });

  it('says a bad file is not a backup and that nothing changed', () => {
    expect(restoreErrorMessage(new BackupError('This is not a Quire backup'), 'x.bin')).toBe(
      '“x.bin” cannot be restored: This is not a Quire backup. Nothing in your library was changed.',
    );
    expect(restoreErrorMessage(new Error('quota'), 'y.quire-backup')).toMatch(
      /^Restoring “y.quire-backup” failed: quota\. Nothing/,
    );
  });
});
