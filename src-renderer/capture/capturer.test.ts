import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { parseHtmlWithLinkedom } from '../../src-core/article/html/linkedom-parser.ts';
import { sanitizeParsedPage } from '../../src-core/article/html/sanitize-dom.ts';
import type { ImageFetcher } from '../../src-core/capture/offline-images.ts';
import { ImportError } from '../../src-core/import/import-article.ts';
import referenceText from '../../src-core/test-fixtures/000_bfa7ac14e5553cb7.txt?raw';
import newsPage from '../../src-core/test-fixtures/pages/news-site.html?raw';
import { openLibrary, type Library } from '../db/index.ts';
import { freshDbName } from '../db/test-article.ts';
import { STORAGE_FULL_MESSAGE, StorageFullError } from '../db/storage-errors.ts';
import { sha256 } from '../host/sha256.ts';
import { createCaptureService } from './capture-service.ts';
import { createMainThreadCapturer, createWorkerCapturer, type WorkerLike } from './capturer.ts';
import type { CaptureReply, CaptureRequest } from './protocol.ts';

const deps = { sha256, parseHtml: parseHtmlWithLinkedom, sanitize: sanitizeParsedPage };

/**
 * A worker that runs the worker's own message handler in this thread (replies come back
 * asynchronously, as from a real worker), and can be made to crash.
 */
class FakeWorker implements WorkerLike {
  static spawned: FakeWorker[] = [];
  onmessage: ((event: MessageEvent<CaptureReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  received: CaptureRequest[] = [];
  terminated = false;
  private readonly handle = createCaptureService((reply) => {
    if (!this.terminated)
      setTimeout(() => this.onmessage?.({ data: reply } as MessageEvent<CaptureReply>));
  }, deps);

  constructor() {
    FakeWorker.spawned.push(this);
  }

  postMessage(request: CaptureRequest): void {
    this.received.push(request);
    void this.handle(request);
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
const noImages: ImageFetcher = async () => ({ ok: false, message: 'offline' });

let library: Library | null = null;
afterEach(async () => {
  library?.close();
  library = null;
});

describe('createWorkerCapturer', () => {
  it('gives the same article as capturing in this thread, for text and for HTML', async () => {
    const capturer = createWorkerCapturer(() => new FakeWorker(), 'unused');
    library = openLibrary(freshDbName(), { sha256 });
    const inline = createMainThreadCapturer(deps, library.articles);
    for (const [bytes, fileName] of [
      [reference, 'a.txt'],
      [page, 'news-site.html'],
    ] as const) {
      const options = { fileName };
      expect(await capturer.capture(bytes, options)).toEqual(await inline.capture(bytes, options));
    }
  });

  it('stores in the named library, asking the page for the images, and reports duplicates', async () => {
    const name = freshDbName();
    const capturer = createWorkerCapturer(() => new FakeWorker(), name);
    const asked: string[] = [];
    const fetchImage: ImageFetcher = async (url) => {
      asked.push(url);
      return { ok: false, message: 'offline' };
    };
    const options = { fileName: 'news.html', url: 'https://news.example.org/tidal' };
    const saved = await capturer.store(page, options, fetchImage);
    expect(saved.status).toBe('added');
    expect(asked.length).toBeGreaterThan(0);
    expect(saved.note).toMatch(/images? could not be saved/);

    library = openLibrary(name, { sha256 });
    const stored = await library.articles.get(saved.id);
    expect(stored?.csl.title).toBe(saved.title);
    expect(stored?.body).toEqual((await capturer.capture(page, options)).body);

    asked.length = 0;
    const again = await capturer.store(page, options, fetchImage);
    expect(again).toMatchObject({ status: 'duplicate', id: saved.id });
    expect(asked).toEqual([]);
  });

  it('stores on the UI thread the same way, for the baseline', async () => {
    library = openLibrary(freshDbName(), { sha256 });
    const inline = createMainThreadCapturer(deps, library.articles);
    const saved = await inline.store(reference, { fileName: 'a.txt' }, noImages);
    expect(saved.status).toBe('added');
    expect((await library.articles.list()).map((s) => s.id)).toEqual([saved.id]);
  });

  it('rebuilds a refusal as an ImportError with its code and message', async () => {
    const capturer = createWorkerCapturer(() => new FakeWorker(), 'unused');
    const refusal = capturer.store(new Uint8Array(), { fileName: 'empty.txt' }, noImages);
    await expect(refusal).rejects.toBeInstanceOf(ImportError);
    await expect(refusal).rejects.toMatchObject({ code: 'empty' });
  });

  it('rebuilds a full disk in the worker as StorageFullError, so a batch stops on it', async () => {
    const full: WorkerLike = {
      onmessage: null,
      onerror: null,
      terminate() {},
      postMessage(request) {
        const error = new StorageFullError();
        setTimeout(() =>
          full.onmessage?.({
            data: {
              type: 'failed',
              id: request.id,
              error: { name: error.name, message: error.message, code: null },
            },
          } as MessageEvent<CaptureReply>),
        );
      },
    };
    const capturer = createWorkerCapturer(() => full, 'unused');
    const refusal = capturer.store(reference, { fileName: 'a.txt' }, noImages);
    await expect(refusal).rejects.toBeInstanceOf(StorageFullError);
    await expect(refusal).rejects.toThrow(STORAGE_FULL_MESSAGE);
  });

  it('answers each caller with its own article when captures overlap across lanes', async () => {
    FakeWorker.spawned = [];
    const capturer = createWorkerCapturer(() => new FakeWorker(), 'unused', 2);
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
    const capturer = createWorkerCapturer(() => new FakeWorker(), 'unused');
    const pending = capturer.capture(reference, { fileName: 'a.txt' });
    FakeWorker.spawned[0]!.crash('out of memory');
    await expect(pending).rejects.toThrow('The capture worker stopped (out of memory).');
    expect(FakeWorker.spawned[0]!.terminated).toBe(true);
    const next = await capturer.capture(reference, { fileName: 'b.txt' });
    expect(next.source.fileName).toBe('b.txt');
    expect(FakeWorker.spawned).toHaveLength(2);
  });

  it('refuses captures after close', async () => {
    const capturer = createWorkerCapturer(() => new FakeWorker(), 'unused');
    capturer.close();
    await expect(capturer.capture(reference, { fileName: 'a.txt' })).rejects.toThrow(/stopped/);
  });
});
