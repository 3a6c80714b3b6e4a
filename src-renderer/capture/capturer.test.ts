import { describe, expect, it } from 'vitest';
import { parseHtmlWithLinkedom } from '../../src-core/article/html/linkedom-parser.ts';
import { sanitizeParsedPage } from '../../src-core/article/html/sanitize-dom.ts';
import { ImportError, importArticle } from '../../src-core/import/import-article.ts';
import referenceText from '../../src-core/test-fixtures/000_bfa7ac14e5553cb7.txt?raw';
import newsPage from '../../src-core/test-fixtures/pages/news-site.html?raw';
import { sha256 } from '../host/sha256.ts';
import { createMainThreadCapturer, createWorkerCapturer, type WorkerLike } from './capturer.ts';
import type { CaptureReply, CaptureRequest } from './protocol.ts';

const deps = { sha256, parseHtml: parseHtmlWithLinkedom, sanitize: sanitizeParsedPage };

/**
 * A worker that runs the worker's pipeline in this thread, answering asynchronously (in
 * arrival order unless `hold` keeps a reply back), and can be made to crash.
 */
class FakeWorker implements WorkerLike {
  static spawned: FakeWorker[] = [];
  onmessage: ((event: MessageEvent<CaptureReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  received: CaptureRequest[] = [];
  terminated = false;

  constructor() {
    FakeWorker.spawned.push(this);
  }

  postMessage(request: CaptureRequest): void {
    this.received.push(request);
    void (async () => {
      let reply: CaptureReply;
      try {
        reply = {
          id: request.id,
          ok: true,
          parsed: await importArticle(request.bytes, request.options, deps),
        };
      } catch (error) {
        const e = error as Error;
        reply = {
          id: request.id,
          ok: false,
          error: {
            name: e.name,
            message: e.message,
            code: error instanceof ImportError ? error.code : null,
          },
        };
      }
      if (!this.terminated) this.onmessage?.({ data: reply } as MessageEvent<CaptureReply>);
    })();
  }

  crash(message: string): void {
    this.onerror?.({ message, preventDefault() {} } as ErrorEvent);
  }

  terminate(): void {
    this.terminated = true;
  }
}

const reference = new TextEncoder().encode(referenceText);
const page = new TextEncoder().encode(newsPage);

describe('createWorkerCapturer', () => {
  it('gives the same article as capturing in this thread, for text and for HTML', async () => {
    const capturer = createWorkerCapturer(() => new FakeWorker());
    const inline = createMainThreadCapturer(deps);
    for (const [bytes, fileName] of [
      [reference, 'a.txt'],
      [page, 'news-site.html'],
    ] as const) {
      const options = { fileName };
      expect(await capturer.capture(bytes, options)).toEqual(await inline.capture(bytes, options));
    }
  });

  it('rebuilds a refusal as an ImportError with its code and message', async () => {
    const capturer = createWorkerCapturer(() => new FakeWorker());
    const refusal = capturer.capture(new Uint8Array(), { fileName: 'empty.txt' });
    await expect(refusal).rejects.toBeInstanceOf(ImportError);
    await expect(refusal).rejects.toMatchObject({ code: 'empty' });
  });

  it('answers each caller with its own article when captures overlap across lanes', async () => {
    FakeWorker.spawned = [];
    const capturer = createWorkerCapturer(() => new FakeWorker(), 2);
    const [a, b, c] = await Promise.all([
      capturer.capture(reference, { fileName: 'a.txt' }),
      capturer.capture(page, { fileName: 'b.html' }),
      capturer.capture(reference, { fileName: 'c.txt' }),
    ]);
    expect([a.source.fileName, b.source.fileName, c.source.fileName]).toEqual([
      'a.txt',
      'b.html',
      'c.txt',
    ]);
    expect(FakeWorker.spawned).toHaveLength(2);
    expect(FakeWorker.spawned.map((w) => w.received.length).sort()).toEqual([1, 2]);
  });

  it('refuses what was pending when its worker crashes, and starts a new worker for the next', async () => {
    FakeWorker.spawned = [];
    const capturer = createWorkerCapturer(() => new FakeWorker());
    const pending = capturer.capture(reference, { fileName: 'a.txt' });
    FakeWorker.spawned[0]!.crash('out of memory');
    await expect(pending).rejects.toThrow('The capture worker stopped (out of memory).');
    expect(FakeWorker.spawned[0]!.terminated).toBe(true);
    const next = await capturer.capture(reference, { fileName: 'b.txt' });
    expect(next.source.fileName).toBe('b.txt');
    expect(FakeWorker.spawned).toHaveLength(2);
  });

  it('refuses captures after close', async () => {
    const capturer = createWorkerCapturer(() => new FakeWorker());
    capturer.close();
    await expect(capturer.capture(reference, { fileName: 'a.txt' })).rejects.toThrow(/stopped/);
  });
});
