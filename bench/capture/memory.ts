/**
 * JS heap while the app works, sampled from outside the page so a busy main thread does not
 * stop the sampling: the page's heap (CDP Runtime.getHeapUsage on the page's session), the heap
 * of each dedicated worker (the same call, sent to the worker's target through the browser
 * session), and the resident memory of Chromium's renderer processes (/proc, Linux only).
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { CDPSession } from '@playwright/test';

const MB = 1024 * 1024;

export interface HeapReading {
  pageMb: number | null;
  workersMb: number;
  workers: number;
  rendererRssMb: number | null;
}

export interface HeapPeaks {
  samples: number;
  peakPageMb: number | null;
  peakWorkersMb: number;
  /** Page + workers, at the same sample. */
  peakTotalMb: number | null;
  peakRendererRssMb: number | null;
}

function timeout<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  return Promise.race([
    promise.catch(() => null),
    new Promise<null>((resolve) => setTimeout(() => resolve(null), ms)),
  ]);
}

/** Renderer processes among this process's descendants (Chromium launched by Playwright). */
function rendererRssMb(): number | null {
  if (process.platform !== 'linux') return null;
  try {
    const parents = new Map<number, number>();
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        // "pid (comm) state ppid …": comm may hold spaces and parentheses.
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        parents.set(Number(entry), ppid);
      } catch {
        // The process ended meanwhile.
      }
    }
    const mine = (pid: number) => {
      for (let p = pid, hops = 0; p > 1 && hops < 20; p = parents.get(p) ?? 0, hops++) {
        if (p === process.pid) return true;
      }
      return false;
    };
    let kb = 0;
    for (const pid of parents.keys()) {
      if (!mine(pid)) continue;
      try {
        const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        if (!cmdline.includes('--type=renderer')) continue;
        const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
        kb += Number(rss?.[1] ?? 0);
      } catch {
        // Gone.
      }
    }
    return kb / 1024;
  } catch {
    return null;
  }
}

export class MemorySampler {
  private workerSessions = new Map<string, string>();
  private pending = new Map<string, (result: unknown) => void>();
  private nextId = 1;
  private timer: NodeJS.Timeout | null = null;
  private busy = false;
  private peaks: HeapPeaks = emptyPeaks();

  constructor(
    private readonly browserCdp: CDPSession,
    private readonly pageCdp: CDPSession,
  ) {
    browserCdp.on('Target.receivedMessageFromTarget', (event) => {
      const message = JSON.parse(event.message) as { id?: number; result?: unknown };
      if (message.id === undefined) return;
      const key = `${event.sessionId}:${message.id}`;
      this.pending.get(key)?.(message.result ?? null);
      this.pending.delete(key);
    });
    browserCdp.on('Target.detachedFromTarget', (event) => {
      for (const [target, session] of this.workerSessions) {
        if (session === event.sessionId) this.workerSessions.delete(target);
      }
    });
  }

  private async sendToWorker(sessionId: string, method: string): Promise<unknown> {
    const id = this.nextId++;
    const result = new Promise<unknown>((resolve) =>
      this.pending.set(`${sessionId}:${id}`, resolve),
    );
    await this.browserCdp.send('Target.sendMessageToTarget', {
      sessionId,
      message: JSON.stringify({ id, method }),
    });
    return result;
  }

  private async workerSessionIds(): Promise<string[]> {
    const targets = await timeout(this.browserCdp.send('Target.getTargets'), 2000);
    const workers = (targets?.targetInfos ?? []).filter((t) => t.type === 'worker');
    const live = new Set(workers.map((t) => t.targetId));
    for (const target of this.workerSessions.keys()) {
      if (!live.has(target)) this.workerSessions.delete(target);
    }
    for (const w of workers) {
      if (this.workerSessions.has(w.targetId)) continue;
      const attached = await timeout(
        this.browserCdp.send('Target.attachToTarget', { targetId: w.targetId, flatten: false }),
        2000,
      );
      if (attached) this.workerSessions.set(w.targetId, attached.sessionId);
    }
    return [...this.workerSessions.values()];
  }

  /** One reading; a part that does not answer within `waitMs` is left out (null or 0). */
  async read(waitMs = 2000): Promise<HeapReading> {
    const [page, sessions] = await Promise.all([
      timeout(this.pageCdp.send('Runtime.getHeapUsage'), waitMs),
      this.workerSessionIds(),
    ]);
    const workerHeaps = await Promise.all(
      sessions.map(
        (s) =>
          timeout(this.sendToWorker(s, 'Runtime.getHeapUsage'), waitMs) as Promise<{
            usedSize?: number;
          } | null>,
      ),
    );
    return {
      pageMb: page ? page.usedSize / MB : null,
      workersMb: workerHeaps.reduce((sum, h) => sum + (h?.usedSize ?? 0), 0) / MB,
      workers: sessions.length,
      rendererRssMb: rendererRssMb(),
    };
  }

  /** Full garbage collection in the page and its workers, then a reading. */
  async readAfterGc(): Promise<HeapReading> {
    await timeout(this.pageCdp.send('HeapProfiler.collectGarbage'), 10_000);
    for (const s of await this.workerSessionIds()) {
      await timeout(this.sendToWorker(s, 'HeapProfiler.collectGarbage'), 10_000);
    }
    return this.read(30_000);
  }

  private record(r: HeapReading) {
    const p = this.peaks;
    p.samples += 1;
    if (r.pageMb !== null) p.peakPageMb = Math.max(p.peakPageMb ?? 0, r.pageMb);
    p.peakWorkersMb = Math.max(p.peakWorkersMb, r.workersMb);
    if (r.pageMb !== null) p.peakTotalMb = Math.max(p.peakTotalMb ?? 0, r.pageMb + r.workersMb);
    if (r.rendererRssMb !== null) {
      p.peakRendererRssMb = Math.max(p.peakRendererRssMb ?? 0, r.rendererRssMb);
    }
  }

  /** Samples every `intervalMs` until stop(); stop() returns the peaks. */
  start(intervalMs = 250) {
    this.peaks = emptyPeaks();
    this.timer = setInterval(() => {
      if (this.busy) return;
      this.busy = true;
      this.read()
        .then((r) => this.record(r))
        .catch(() => undefined)
        .finally(() => (this.busy = false));
    }, intervalMs);
  }

  async stop(): Promise<HeapPeaks> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    // A last reading, so even a batch shorter than the interval has one.
    this.record(await this.read(10_000));
    return this.peaks;
  }
}

function emptyPeaks(): HeapPeaks {
  return {
    samples: 0,
    peakPageMb: null,
    peakWorkersMb: 0,
    peakTotalMb: null,
    peakRendererRssMb: null,
  };
}
