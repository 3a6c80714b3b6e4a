import { fuzzTest } from '../testing/fuzz-test.ts';

// Fuzzing of the backup archive reader (testing/fuzz-targets/backup.ts; harness:
// testing/fuzz.ts): archives the writer made, byte-mutated or re-zipped with edited entries.
// It fails with the counterexample, saved to a file, when a case throws anything but a
// BackupError with a readable message, gives back other records than were written, holds more
// memory than its caps allow, or overruns its time budget.

fuzzTest(
  'written archives, mutated or with edited entries: the exact records back or a BackupError, within the caps',
  new URL('../testing/fuzz-targets/backup.ts', import.meta.url),
  'backupRead',
);
