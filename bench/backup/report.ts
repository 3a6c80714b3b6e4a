export interface BackupFigures {
  articles: number;
  runs: number;
  records: Record<string, number>;
  archiveBytes: number;
  unpackedBytes: number;
  rawBlobBytes: number;
  exportMs: number;
  baselineReadMs: number;
  restoreMs: number;
  baselineWriteMs: number;
  mergeAgainMs: number;
  mergeSkipped: number;
  searchHits: number;
  environment: string;
}

/** bench/backup/run.ts's entry point. */
export type RunBackupBench = (
  articles: number,
  runs: number,
  log: (line: string) => void,
) => Promise<Omit<BackupFigures, 'environment'>>;

const mb = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(2)} MB`;
const ms = (value: number) => `${Math.round(value).toLocaleString('en')} ms`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(1)} ×`;

/** bench/results/backup.md. */
export function backupMarkdown(f: BackupFigures, date: Date, seconds: number): string {
  const records = Object.entries(f.records)
    .map(([store, n]) => `${store} ${n.toLocaleString('en')}`)
    .join(', ');
  return `# Backup benchmark (\`npm run bench:backup\`)

${date.toISOString()} · ${f.environment} · ${f.articles.toLocaleString('en')} generated articles
(seed 12, src-renderer/db/backup-test-library.ts) · median of ${f.runs} runs · ${Math.round(seconds)} s.
IndexedDB is fake-indexeddb (a JavaScript implementation in the same Node process), so absolute
times are slower than Chromium's; compare the ratios with the baseline measured in the same run.

Records: ${records}.

| figure | Quire | baseline | ratio |
| - | -: | -: | -: |
| archive size | ${mb(f.archiveBytes)} | ${mb(f.unpackedBytes)} unpacked | ${(f.archiveBytes / f.unpackedBytes).toFixed(2)} |
| export (read every store, hash, pack) | ${ms(f.exportMs)} | ${ms(f.baselineReadMs)} (read every store + structuredClone) | ${ratio(f.exportMs, f.baselineReadMs)} |
| restore into an empty library (unpack, check every hash, write, index) | ${ms(f.restoreMs)} | ${ms(f.baselineWriteMs)} (bulkAdd of the cloned records, one transaction) | ${ratio(f.restoreMs, f.baselineWriteMs)} |
| merge the same archive again (everything skipped) | ${ms(f.mergeAgainMs)} | | |

- Blobs (original bytes and images, stored once each) are ${mb(f.rawBlobBytes)} of the unpacked size.
- After the merge: ${f.mergeSkipped.toLocaleString('en')} records reported skipped; a search for
  \`Taliban\` in the restored library finds ${f.searchHits.toLocaleString('en')} articles (every article holds the reference text).
`;
}
