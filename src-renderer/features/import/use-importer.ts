import { useCallback, useEffect, useRef, useState } from 'react';
import type { Host } from '../../host/index.ts';
import type { Capturer } from '../../capture/capturer.ts';
import { displayTitle } from '../../ui/format.ts';
import { runBatch, type BatchOutcome, type BatchProgress, type BatchSource } from './batch.ts';
import { pageFetchStep, storeStep } from './save-steps.ts';
import type { ReferenceRepository } from '../../db/index.ts';
import { importReferenceFileInto } from './reference-files.ts';

export type { PastedContent } from './paste.ts';
export { clipboardContent, pastedContent } from './paste.ts';

/** One import run (a single file or a batch of thousands), as the UI shows it. */
export interface ImportRun {
  /** Bumped on every run so the same message twice is announced twice. */
  serial: number;
  /** stopped: the batch ended itself (the storage is full; progress.stopped says so). */
  state: 'running' | 'done' | 'cancelled' | 'stopped';
  progress: BatchProgress;
  /** Indexed like the sources; an item not finished yet is undefined. */
  outcomes: (BatchOutcome | undefined)[];
  /** Shown in the panel's heading: "12 files", "3 addresses". */
  what: string;
}

interface Options {
  host: Host;
  capturer: Capturer;
  /** The user's setting for local and private network addresses. */
  allowPrivate: boolean;
  /** Where entries of reference files (BibTeX, RIS, CSL-JSON) go. */
  references: ReferenceRepository;
  onOpen(id: string): void;
}

const SUCCESS_MESSAGE_MS = 8000;

/**
 * One path for every way in (file picker, folder, drop, paste, sample, addresses): capture off
 * the UI thread, store through the repository, report each item as it finishes, and open the
 * last article that made it in. Progress reaches React at most once per frame.
 */
export function useImporter({ host, capturer, allowPrivate, references, onOpen }: Options) {
  const [run, setRun] = useState<ImportRun | null>(null);
  const controller = useRef<AbortController | null>(null);

  const importSources = useCallback(
    async (sources: readonly BatchSource[], what: string) => {
      if (sources.length === 0 || controller.current) return;
      const abort = new AbortController();
      controller.current = abort;
      const outcomes: (BatchOutcome | undefined)[] = new Array(sources.length).fill(undefined);
      let progress: BatchProgress = {
        total: sources.length,
        done: 0,
        saved: 0,
        duplicates: 0,
        failed: 0,
      };
      let serial = 0;
      setRun((previous) => {
        serial = (previous?.serial ?? 0) + 1;
        return { serial, state: 'running', progress, outcomes: [...outcomes], what };
      });
      let frame = 0;
      const flush = () => {
        frame = 0;
        setRun((r) => r && { ...r, progress, outcomes: [...outcomes] });
      };
      const steps = {
        fetchPage: pageFetchStep(host, allowPrivate),
        store: storeStep(capturer, host, allowPrivate),
      };
      try {
        await runBatch(sources, steps, {
          signal: abort.signal,
          // One item in each worker, one more fetching its images or being saved.
          concurrency: capturer.size + 1,
          onProgress: (next, outcome, index) => {
            progress = next;
            outcomes[index] = outcome;
            if (!frame) frame = requestAnimationFrame(flush);
          },
        });
      } finally {
        if (frame) cancelAnimationFrame(frame);
        controller.current = null;
        const state = abort.signal.aborted ? 'cancelled' : progress.stopped ? 'stopped' : 'done';
        setRun((r) => r && { ...r, state, progress, outcomes: [...outcomes] });
      }
      const last = outcomes.findLast((o) => o?.status === 'saved' || o?.status === 'duplicate');
      if (last && 'id' in last) onOpen(last.id);
    },
    [host, capturer, allowPrivate, onOpen],
  );

  /**
   * Reference files (BibTeX, RIS, CSL-JSON): each entry becomes a reference-only article and a
   * line of the report. Files one after another; an entry is saved in its own transaction.
   */
  const importReferences = useCallback(
    async (files: readonly File[], what: string) => {
      if (files.length === 0 || controller.current) return;
      const abort = new AbortController();
      controller.current = abort;
      let outcomes: BatchOutcome[] = [];
      const progress: BatchProgress = { total: 0, done: 0, saved: 0, duplicates: 0, failed: 0 };
      const count = () => {
        progress.total = progress.done = outcomes.length;
        progress.saved = outcomes.filter((o) => o.status === 'saved').length;
        progress.duplicates = outcomes.filter((o) => o.status === 'duplicate').length;
        progress.failed = outcomes.filter((o) => o.status === 'failed').length;
      };
      setRun((previous) => ({
        serial: (previous?.serial ?? 0) + 1,
        state: 'running',
        progress: { ...progress },
        outcomes: [],
        what,
      }));
      let frame = 0;
      // Entries of a large file are saved one by one: the bar moves with them (once a frame).
      const onEntry = (done: number, total: number) => {
        const shown = { ...progress, done: outcomes.length + done, total: outcomes.length + total };
        if (frame) cancelAnimationFrame(frame);
        frame = requestAnimationFrame(() => {
          frame = 0;
          setRun((r) => r && { ...r, progress: shown });
        });
      };
      try {
        for (const file of files) {
          if (abort.signal.aborted) break;
          outcomes = [...outcomes, ...(await importReferenceFileInto(references, file, onEntry))];
          count();
          if (frame) cancelAnimationFrame(frame);
          frame = 0;
          setRun((r) => r && { ...r, progress: { ...progress }, outcomes });
        }
      } finally {
        if (frame) cancelAnimationFrame(frame);
        controller.current = null;
        const state = abort.signal.aborted ? 'cancelled' : 'done';
        setRun((r) => r && { ...r, state, progress: { ...progress }, outcomes });
      }
      const first = outcomes.find((o) => o.status === 'saved');
      if (first && 'id' in first) onOpen(first.id);
    },
    [references, onOpen],
  );

  // A lone success fades after a while; anything with a failure, or a batch, stays until
  // dismissed, so it cannot be missed.
  useEffect(() => {
    if (!run || run.state === 'running' || run.outcomes.length > 1) return;
    if (run.outcomes.some((o) => o?.status === 'failed')) return;
    const timer = setTimeout(() => setRun(null), SUCCESS_MESSAGE_MS);
    return () => clearTimeout(timer);
  }, [run]);

  const cancel = useCallback(() => controller.current?.abort(), []);
  const dismiss = useCallback(() => setRun((r) => (r?.state === 'running' ? r : null)), []);

  return {
    run,
    busy: run?.state === 'running',
    importSources,
    importReferences,
    cancel,
    dismiss,
  };
}

/** The title a finished item is listed under. */
export const outcomeTitle = (title: string): string => displayTitle(title);
