/**
 * What the harness installs in the page before the app's own scripts run (addInitScript), kept
 * as plain JavaScript text so that no build step can wrap it in helpers the page does not have.
 *
 * - `window.__longTasks`: every Long Tasks API entry ({start, duration} in page milliseconds),
 *   buffered from the page's start.
 * - `window.__bench`: the end of each import batch, seen by a MutationObserver, with the page
 *   time it happened at. Two signals, so the harness works with the app as it is and as it will
 *   be:
 *   - the batch panel `[data-testid="batch-panel"]`: a batch ends when its `data-state` becomes
 *     "done" or "cancelled" (or its counts change while it stays there); its `data-total`,
 *     `data-done`, `data-saved`, `data-duplicates` and `data-failed` are the outcome;
 *   - the import report (the app's signal for a single file, and for every import in older
 *     builds): a batch ends when new lines appear in `[data-testid="import-status"]` ("Added to your library: …", "Already in
 *     your library: …") or `[data-testid="import-error"]` (one line per refused file).
 * - `window.__benchSnapshot()`: a copy of that state, the page clock and the progress shown
 *   (panel's data-done and the library count).
 */
export const PROBES = String.raw`(() => {
  if (window.__bench) return;
  window.__longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (error) {
    window.__longTasksError = String(error);
  }
  // Long animation frames say whose script a long task ran: the app's, or none at all (the
  // browser's own work, such as making File objects for a file input).
  window.__frames = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const scripts = e.scripts || [];
        const top = scripts.reduce((a, b) => (b.duration > (a ? a.duration : -1) ? b : a), null);
        window.__frames.push({
          start: e.startTime,
          duration: e.duration,
          scriptMs: scripts.reduce((sum, x) => sum + x.duration, 0),
          top: top ? String(top.invoker || '') + ' ' + String(top.sourceFunctionName || '') : '',
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch (error) {
    window.__framesError = String(error);
  }
  const bench = {
    batchEnds: 0,
    lastBatch: null,
    panelSeen: false,
    reports: 0,
    lastReport: null,
  };
  window.__bench = bench;
  const TERMINAL = ['done', 'cancelled'];
  const panels = new WeakMap();
  const num = (v) => (v == null || v === '' ? null : Number(v));
  const readPanel = (el) => ({
    state: el.getAttribute('data-state'),
    total: num(el.getAttribute('data-total')),
    done: num(el.getAttribute('data-done')),
    saved: num(el.getAttribute('data-saved')),
    duplicates: num(el.getAttribute('data-duplicates')),
    failed: num(el.getAttribute('data-failed')),
  });
  const checkPanel = (el) => {
    bench.panelSeen = true;
    const p = readPanel(el);
    const signature = JSON.stringify(p);
    const previous = panels.get(el);
    const terminal = TERMINAL.includes(p.state);
    if (terminal && (!previous || !previous.terminal || previous.signature !== signature)) {
      bench.batchEnds += 1;
      const failures = Array.from(el.querySelectorAll('[data-status="failed"]'))
        .slice(0, 3)
        .map((row) =>
          (row.children.length > 0 ? Array.from(row.children).map((c) => (c.textContent || '').trim()).join(' · ') : row.textContent || '')
            .trim()
            .slice(0, 300),
        );
      bench.lastBatch = Object.assign({ at: performance.now(), signal: 'batch-panel', failures }, p);
    }
    panels.set(el, { terminal, signature });
  };
  const REPORT = '[data-testid="import-status"], [data-testid="import-error"]';
  const REPORT_LINES = '[data-testid="import-status"] p, [data-testid="import-error"] p';
  const countReport = () => {
    const status = Array.from(document.querySelectorAll('[data-testid="import-status"] p'));
    const alerts = Array.from(document.querySelectorAll('[data-testid="import-error"] p'));
    const refused = alerts.length;
    const failures = alerts.slice(0, 3).map((p) => (p.textContent || '').trim().slice(0, 300));
    const saved = status.filter((p) => /^\s*Added/.test(p.textContent || '')).length;
    const duplicates = status.filter((p) => /^\s*Already/.test(p.textContent || '')).length;
    return { state: 'done', total: status.length + refused, done: status.length + refused, saved, duplicates, failed: refused, failures };
  };
  const observer = new MutationObserver((records) => {
    let reportChanged = false;
    const seen = new Set();
    for (const r of records) {
      const targets = r.type === 'attributes' ? [r.target] : Array.from(r.addedNodes);
      for (const node of targets) {
        if (node.nodeType !== 1) continue;
        const found = node.matches('[data-testid="batch-panel"]')
          ? [node]
          : Array.from(node.querySelectorAll('[data-testid="batch-panel"]'));
        for (const el of found) seen.add(el);
      }
      if (r.type === 'childList' && r.addedNodes.length > 0) {
        const el = r.target.nodeType === 1 ? r.target : null;
        if (el && (el.matches(REPORT) || el.closest(REPORT))) reportChanged = true;
        for (const n of r.addedNodes) {
          if (n.nodeType === 1 && n.querySelector(REPORT_LINES)) reportChanged = true;
        }
      }
    }
    for (const el of seen) checkPanel(el);
    if (reportChanged) {
      const counts = countReport();
      if (counts.total > 0) {
        bench.reports += 1;
        bench.lastReport = Object.assign({ at: performance.now(), signal: 'import-report' }, counts);
      }
    }
  });
  observer.observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['data-state', 'data-total', 'data-done', 'data-saved', 'data-duplicates', 'data-failed'],
  });
  window.__benchSnapshot = () => {
    const panel = document.querySelector('[data-testid="batch-panel"]');
    const count = document.querySelector('[data-testid="library-count"]');
    return {
      now: performance.now(),
      batchEnds: bench.batchEnds,
      lastBatch: bench.lastBatch,
      panelSeen: bench.panelSeen,
      reports: bench.reports,
      lastReport: bench.lastReport,
      panel: panel ? readPanel(panel) : null,
      libraryCount: count ? Number((count.textContent || '').replace(/[^0-9]/g, '')) || 0 : null,
      longTasks: window.__longTasks.length,
      longTasksError: window.__longTasksError || null,
    };
  };
})();`;

export interface BatchOutcome {
  at: number;
  signal: 'batch-panel' | 'import-report';
  state: string | null;
  total: number | null;
  done: number | null;
  saved: number | null;
  duplicates: number | null;
  failed: number | null;
  /** The first few failed items' rows, as the page shows them. */
  failures?: string[];
}

export interface Snapshot {
  now: number;
  batchEnds: number;
  lastBatch: BatchOutcome | null;
  panelSeen: boolean;
  reports: number;
  lastReport: BatchOutcome | null;
  panel: Omit<BatchOutcome, 'at' | 'signal'> | null;
  libraryCount: number | null;
  longTasks: number;
  longTasksError: string | null;
}

export interface LongTask {
  start: number;
  duration: number;
  /** From the long animation frame that held the task, when there is one. */
  scriptMs?: number;
  top?: string;
}
