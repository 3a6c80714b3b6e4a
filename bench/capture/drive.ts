/**
 * Drives the web app through its real UI: imports a batch of pages through the hidden file
 * input, waits for the batch to end, and opens an article from the library list, measuring
 * throughput, the Long Tasks API's longest main-thread task and the JS heap on the way.
 */
import type { Browser, BrowserContext, CDPSession, Page } from '@playwright/test';
import { MemorySampler, type HeapPeaks, type HeapReading } from './memory.ts';
import { PROBES, type BatchOutcome, type LongTask, type Snapshot } from './probes.ts';

/** Playwright refuses buffers totalling 50 MB or more in one setInputFiles call. */
const BUFFER_CALL_BYTES = 45 * 1024 * 1024;
const LONG_TASK_TARGET_MS = 100;
/** A batch whose done count has not moved for this long is stuck. */
const STALL_MS = 300_000;

export interface PageFile {
  name: string;
  /** On disk, for `paths` transfer. */
  path: string;
  bytes: number;
  /** Read lazily for `buffers` transfer. */
  buffer(): Buffer;
}

export type Transfer = 'paths' | 'buffers';

export interface LongTaskFigures {
  longestTaskMs: number;
  /** Tasks the Long Tasks API reported (all over 50 ms). */
  longTasks: number;
  over100Ms: number;
  /** Sum over long tasks of the time beyond 50 ms (Lighthouse's total blocking time). */
  totalBlockingMs: number;
  /**
   * The longest task's frame (Long Animation Frames API): how much of it ran script, and the
   * script that ran longest ("MessagePort.onmessage performWorkUntilDeadline" is React).
   */
  longestTaskScriptMs: number | null;
  longestTaskScript: string | null;
}

export interface BatchResult extends LongTaskFigures {
  pages: number;
  bytes: number;
  /** setInputFiles calls the batch was fed in. */
  calls: number;
  durationMs: number;
  pagesPerSec: number;
  mbPerSec: number;
  /** Which app signal ended the batch: the new batch panel, or today's import report. */
  signal: BatchOutcome['signal'];
  saved: number | null;
  duplicates: number | null;
  failed: number | null;
  /** The first few failures' messages, as the app shows them. */
  failures: string[];
  heap: HeapPeaks & { after: HeapReading; afterGc: HeapReading };
  /** Pages per second over the first and the last quarter of the pages (from `progress`). */
  quarterPagesPerSec: { first: number | null; last: number | null };
  /** Pages done against time, sampled while waiting (at most ~100 points): [ms, pages done]. */
  progress: [number, number][];
}

export interface OpenResult extends LongTaskFigures {
  /** From the click to the reader's title heading showing the article's title. */
  titleShownMs: number;
  /** Paragraphs in the reader after the 1 s of settling. */
  paragraphsShown: number;
  heap: HeapPeaks & { after: HeapReading };
}

const log = (text: string) => console.error(text);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function longTaskFigures(
  tasks: readonly LongTask[],
  from: number,
  to: number,
): LongTaskFigures {
  const inWindow = tasks.filter((t) => t.start + t.duration > from && t.start < to);
  const longest = inWindow.reduce<LongTask | null>(
    (a, b) => (b.duration > (a?.duration ?? -1) ? b : a),
    null,
  );
  return {
    longestTaskScriptMs: longest?.scriptMs ?? null,
    longestTaskScript: longest?.top ?? null,
    longestTaskMs: inWindow.reduce((max, t) => Math.max(max, t.duration), 0),
    longTasks: inWindow.length,
    over100Ms: inWindow.filter((t) => t.duration > LONG_TASK_TARGET_MS).length,
    totalBlockingMs: inWindow.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0),
  };
}

/** Time at which `n` pages were done, interpolated between progress samples. */
function timeAt(progress: readonly [number, number][], n: number): number | null {
  for (let i = 0; i < progress.length; i++) {
    const [t, done] = progress[i]!;
    if (done < n) continue;
    const [t0, d0] = i > 0 ? progress[i - 1]! : [0, 0];
    return done === d0 ? t : t0 + ((t - t0) * (n - d0)) / (done - d0);
  }
  return null;
}

function quarterRates(progress: readonly [number, number][], total: number) {
  const q = Math.floor(total / 4);
  if (q < 5) return { first: null, last: null };
  const t1 = timeAt(progress, q);
  const t3 = timeAt(progress, total - q);
  const end = timeAt(progress, total);
  return {
    first: t1 ? q / (t1 / 1000) : null,
    last: t3 !== null && end !== null && end > t3 ? q / ((end - t3) / 1000) : null,
  };
}

/** At most about `max` samples, evenly picked, keeping the last. */
function thin<T>(list: readonly T[], max: number): T[] {
  if (list.length <= max) return [...list];
  const step = list.length / max;
  const out = Array.from({ length: max }, (_, i) => list[Math.floor(i * step)]!);
  out.push(list[list.length - 1]!);
  return out;
}

/** One app session: a fresh browser context (fresh IndexedDB) on `url`. */
export class AppSession {
  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    private readonly cdp: CDPSession,
    readonly memory: MemorySampler,
  ) {}

  static async open(browser: Browser, browserCdp: CDPSession, url: string): Promise<AppSession> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(PROBES);
    const page = await context.newPage();
    page.on('pageerror', (error) => log(`  page error: ${error.message}`));
    await page.goto(url);
    await page.locator('[data-testid="import-file-input"]').waitFor({ state: 'attached' });
    // The library has loaded once its "Opening your library…" note is gone (soft: 15 s at most).
    await page
      .waitForFunction(() => !document.body.innerText.includes('Opening your library'), null, {
        timeout: 15_000,
      })
      .catch(() => undefined);
    const cdp = await context.newCDPSession(page);
    const session = new AppSession(context, page, cdp, new MemorySampler(browserCdp, cdp));
    const snap = await session.snapshot();
    if (snap.longTasksError) throw new Error(`Long Tasks API unavailable: ${snap.longTasksError}`);
    return session;
  }

  snapshot(): Promise<Snapshot> {
    return this.page.evaluate('window.__benchSnapshot()') as Promise<Snapshot>;
  }

  /** The long tasks, each with the script attribution of the long animation frame holding it. */
  async longTasks(): Promise<LongTask[]> {
    const [tasks, frames] = (await this.page.evaluate(
      '[window.__longTasks, window.__frames || []]',
    )) as [LongTask[], { start: number; duration: number; scriptMs: number; top: string }[]];
    return tasks.map((task) => {
      const frame = frames.find(
        (f) => f.start <= task.start + 1 && f.start + f.duration >= task.start + task.duration - 1,
      );
      return frame ? { ...task, scriptMs: frame.scriptMs, top: frame.top } : task;
    });
  }

  /** performance.memory.usedJSHeapSize (the page's heap, Chromium), in MB. */
  async performanceMemoryMb(): Promise<number | null> {
    const bytes = (await this.page.evaluate(
      '(performance.memory && performance.memory.usedJSHeapSize) || null',
    )) as number | null;
    return bytes === null ? null : bytes / 1024 / 1024;
  }

  /**
   * Imports `files` through the file input and waits until the app says the batch is over:
   * with `paths` in one setInputFiles call (Chromium reads the files from disk, as when a user
   * picks them); with `buffers` in calls of under 45 MB, each waited for.
   */
  async importBatch(
    files: readonly PageFile[],
    { transfer, label, timeoutMs }: { transfer: Transfer; label: string; timeoutMs?: number },
  ): Promise<BatchResult> {
    const input = this.page.locator('[data-testid="import-file-input"]');
    const calls: PageFile[][] = [];
    if (transfer === 'paths') calls.push([...files]);
    else {
      let call: PageFile[] = [];
      let size = 0;
      for (const f of files) {
        if (call.length > 0 && size + f.bytes > BUFFER_CALL_BYTES) {
          calls.push(call);
          call = [];
          size = 0;
        }
        call.push(f);
        size += f.bytes;
      }
      if (call.length > 0) calls.push(call);
    }
    const limit = timeoutMs ?? 120_000 + files.length * 10_000;
    const bytes = files.reduce((sum, f) => sum + f.bytes, 0);
    const outcomes: BatchOutcome[] = [];
    const progress: [number, number][] = [];
    const startSnap = await this.snapshot();
    const startCount = startSnap.libraryCount ?? 0;
    this.memory.start();
    let doneBefore = 0;
    for (const call of calls) {
      const before = await this.snapshot();
      await input.setInputFiles(
        transfer === 'paths'
          ? call.map((f) => f.path)
          : call.map((f) => ({ name: f.name, mimeType: 'text/html', buffer: f.buffer() })),
      );
      const outcome = await this.waitForBatch(before, {
        deadline: Date.now() + limit,
        onProgress: (snap) => {
          const done =
            snap.panel && snap.panel.state === 'running' && snap.panel.done !== null
              ? doneBefore + snap.panel.done
              : (snap.libraryCount ?? startCount) - startCount;
          progress.push([snap.now - startSnap.now, done]);
          return done;
        },
        label,
        total: files.length,
      });
      outcomes.push(outcome);
      doneBefore += call.length;
    }
    const last = outcomes[outcomes.length - 1]!;
    const durationMs = last.at - startSnap.now;
    progress.push([durationMs, files.length]);
    const peaks = await this.memory.stop();
    const after = await this.memory.read(10_000);
    const tasks = await this.longTasks();
    const afterGc = await this.memory.readAfterGc();
    const sum = (key: 'saved' | 'duplicates' | 'failed') =>
      outcomes.every((o) => o[key] !== null)
        ? outcomes.reduce((s, o) => s + (o[key] ?? 0), 0)
        : null;
    return {
      pages: files.length,
      bytes,
      calls: calls.length,
      durationMs,
      pagesPerSec: files.length / (durationMs / 1000),
      mbPerSec: bytes / 1024 / 1024 / (durationMs / 1000),
      signal: last.signal,
      saved: sum('saved'),
      duplicates: sum('duplicates'),
      failed: sum('failed'),
      failures: outcomes.flatMap((o) => o.failures ?? []).slice(0, 3),
      ...longTaskFigures(tasks, startSnap.now, last.at),
      heap: { ...peaks, after, afterGc },
      quarterPagesPerSec: quarterRates(progress, files.length),
      progress: thin(progress, 100),
    };
  }

  /**
   * Waits for the end of the batch started after `before`: the batch panel's next "done" or
   * "cancelled", or the next import report, whichever comes first.
   */
  async waitForBatch(
    before: Snapshot,
    options: {
      deadline: number;
      label: string;
      total: number;
      onProgress?: (snap: Snapshot) => number;
    },
  ): Promise<BatchOutcome> {
    let lastLog = Date.now();
    let lastDone = -1;
    let lastChange = Date.now();
    for (;;) {
      const snap = await this.snapshot();
      // Whichever comes first: the app shows the panel for batches and the report for one file.
      const ends = [
        snap.batchEnds > before.batchEnds ? snap.lastBatch : null,
        snap.reports > before.reports ? snap.lastReport : null,
      ].filter((o): o is BatchOutcome => o !== null);
      if (ends.length > 0) return ends.sort((a, b) => a.at - b.at)[0]!;
      const done = options.onProgress?.(snap);
      if (done !== undefined && done !== lastDone) {
        lastDone = done;
        lastChange = Date.now();
      }
      if (Date.now() - lastLog > 10_000) {
        lastLog = Date.now();
        const seconds = (snap.now - before.now) / 1000;
        log(
          `  ${options.label}: ${done ?? '?'} / ${options.total} after ${seconds.toFixed(0)} s` +
            (done ? ` (${(done / seconds).toFixed(1)} pages/s)` : ''),
        );
      }
      const stalled = Date.now() - lastChange > STALL_MS;
      if (Date.now() > options.deadline || stalled) {
        throw new Error(
          `${options.label}: the batch ${stalled ? `made no progress for ${STALL_MS / 1000} s` : 'did not end in time'} ` +
            `(panel ${JSON.stringify(snap.panel)}, ` +
            `library count ${snap.libraryCount})`,
        );
      }
      await sleep(500);
    }
  }

  /**
   * Opens the article titled `title` from the library list, after opening another one (so the
   * reader really changes article), and measures from the click until the reader's title heading
   * shows it, plus `settleMs` of settling for the long tasks.
   */
  async openArticle(title: string, settleMs = 1000): Promise<OpenResult> {
    const page = this.page;
    const readerTitle = page.locator('[data-testid="reader-title"]');
    const items = page.locator('[data-testid="library-item"]');
    const target = items.filter({ hasText: title }).first().getByRole('button').first();
    const other = items.filter({ hasNotText: title }).first().getByRole('button').first();
    await other.click();
    await page.waitForFunction(
      (t) => {
        const h = document.querySelector('[data-testid="reader-title"]');
        return !!h && h.textContent !== t;
      },
      title,
      { timeout: 120_000 },
    );
    await sleep(settleMs);
    await target.waitFor({ state: 'visible' });
    this.memory.start();
    const clickAt = (await page.evaluate('performance.now()')) as number;
    await target.click();
    const shownAt = (await (
      await page.waitForFunction(
        (t) => {
          const h = document.querySelector('[data-testid="reader-title"]');
          return h && h.textContent === t ? performance.now() : false;
        },
        title,
        { timeout: 300_000, polling: 50 },
      )
    ).jsonValue()) as number;
    await sleep(settleMs);
    const endAt = (await page.evaluate('performance.now()')) as number;
    const peaks = await this.memory.stop();
    const tasks = await this.longTasks();
    const paragraphsShown = await page.locator('[data-testid="paragraph"]').count();
    await readerTitle.waitFor();
    return {
      titleShownMs: shownAt - clickAt,
      paragraphsShown,
      ...longTaskFigures(tasks, clickAt, endAt),
      heap: { ...peaks, after: await this.memory.read(10_000) },
    };
  }

  async close() {
    await this.cdp.detach().catch(() => undefined);
    await this.context.close();
  }
}
