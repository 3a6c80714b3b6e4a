import { assertImportableSize, decodeSourceText } from '../../../src-core/import/decode.ts';
import {
  importReferenceFile,
  isReferenceFile,
  type ReferenceFileResult,
} from '../../../src-core/interop/index.ts';
import type { ReferenceImportReport, ReferenceRepository } from '../../db/index.ts';
import { displayTitle } from '../../ui/format.ts';
import { failureMessage, type BatchOutcome } from './batch.ts';

export { isReferenceFile };

const DUPLICATE_NOTE = {
  doi: 'same DOI',
  url: 'same address',
  entry: 'same entry',
} as const;

/**
 * One result line per entry of a reference file, in file order: added (with its new key when
 * its own was taken), already in the library (and why), or refused (and why).
 */
export function referenceOutcomes(
  fileName: string,
  parsed: Pick<ReferenceFileResult, 'problems'>,
  report: ReferenceImportReport,
): BatchOutcome[] {
  const rows: { position: number; outcome: BatchOutcome }[] = [];
  const label = (n: number) => `${fileName}, entry ${n}`;
  const rekeyed = new Map(report.rekeyed.map((r) => [r.entry, r]));
  for (const added of report.added) {
    const key = rekeyed.get(added.entry);
    rows.push({
      position: added.entry,
      outcome: {
        status: 'saved',
        label: label(added.entry),
        id: added.id,
        title: displayTitle(added.title),
        ...(key ? { note: `its key ${key.wanted} was taken: it is ${key.given}` } : {}),
      },
    });
  }
  for (const duplicate of report.duplicates) {
    rows.push({
      position: duplicate.entry,
      outcome: {
        status: 'duplicate',
        label: label(duplicate.entry),
        id: duplicate.existingId,
        title: displayTitle(duplicate.title),
        note: DUPLICATE_NOTE[duplicate.by],
      },
    });
  }
  for (const problem of [...parsed.problems, ...report.refused]) {
    const key = problem.citekey ? ` (${problem.citekey})` : '';
    rows.push({
      position: problem.entry,
      outcome: {
        status: 'failed',
        label: label(problem.entry) + key,
        message: `Not imported: ${problem.message}.`,
      },
    });
  }
  return rows.sort((a, b) => a.position - b.position).map((row) => row.outcome);
}

/**
 * Reads one reference file and adds its entries: its result lines, or one failed line for a
 * file refused as a whole (too large, not text, not a reference file).
 */
export async function importReferenceFileInto(
  references: ReferenceRepository,
  file: { name: string; size: number; arrayBuffer(): Promise<ArrayBuffer> },
  onProgress?: (done: number, total: number) => void,
): Promise<BatchOutcome[]> {
  try {
    assertImportableSize(file.size);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const { text } = decodeSourceText(bytes, file.name);
    const parsed = importReferenceFile(text, file.name);
    const report = await references.importEntries(
      parsed.entries,
      { format: parsed.format, fileName: file.name },
      onProgress,
    );
    return referenceOutcomes(file.name, parsed, report);
  } catch (error) {
    return [{ status: 'failed', label: file.name, message: failureMessage(error) }];
  }
}
