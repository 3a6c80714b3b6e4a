import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../src-core/import/import-article.ts';
import { STORAGE_FULL_MESSAGE, StorageFullError } from '../../db/storage-errors.ts';
import {
  outcomesAsText,
  runBatch,
  UserFacingError,
  type BatchProgress,
  type BatchSource,
  type BatchSteps,
} from './batch.ts';

const encode = (text: string) => new TextEncoder().encode(text);
const file = (name: string, text = name): BatchSource => ({
  kind: 'bytes',
  label: name,
  read: async () => ({ bytes: encode(text), options: { fileName: name } }),
});

/** Steps that "capture" a file as its text and keep what was saved in memory. */
function fakeSteps(overrides: Partial<BatchSteps> = {}) {
  const saved = new Map<string, string>();
  const steps: BatchSteps = {
    fetchPage: async (url) => ({ bytes: encode(`page at ${url}`), options: { url } }),
    store: async (bytes) => {
      // "Captures" a file as its text: the text is the title.
      const title = new TextDecoder().decode(bytes);
      if (title.startsWith('broken')) throw new ImportError('no-article', 'No article text.');
      if (saved.has(title)) return { status: 'duplicate', id: saved.get(title)!, title };
      const id = `id-${saved.size + 1}`;
      saved.set(title, id);
      return { status: 'added', id, title };
    },
    ...overrides,
  };
  return { steps, saved };
}

describe('runBatch', () => {
  it('saves each item, reports duplicates and failures per item, and keeps going', async () => {
    const { steps, saved } = fakeSteps();
    const progress: BatchProgress[] = [];
    const outcomes = await runBatch(
      [
        file('a.txt'),
        file('broken.txt'),
        file('b.txt'),
        file('again.txt', 'a.txt'),
        { kind: 'url', label: 'https://x.org/', url: 'https://x.org/' },
      ],
      steps,
      { onProgress: (p) => progress.push(p) },
    );
    expect(outcomes.map((o) => o.status)).toEqual([
      'saved',
      'failed',
      'saved',
      'duplicate',
      'saved',
    ]);
    expect(outcomes[1]).toEqual({
      status: 'failed',
      label: 'broken.txt',
      message: 'No article text.',
    });
    expect(outcomes[3]).toMatchObject({ label: 'again.txt', id: 'id-1' });
    expect([...saved.keys()]).toContain('page at https://x.org/');
    expect(progress.at(-1)).toEqual({ total: 5, done: 5, saved: 3, duplicates: 1, failed: 1 });
    expect(progress.map((p) => p.done)).toEqual([1, 2, 3, 4, 5]);
  });

  it('words a fetch refusal as given and an unexpected error as unexpected', async () => {
    const { steps } = fakeSteps({
      fetchPage: async () => {
        throw new UserFacingError('The server answered 404 Not Found.');
      },
      store: async () => {
        throw new Error('QuotaExceededError');
      },
    });
    const outcomes = await runBatch(
      [{ kind: 'url', label: 'u', url: 'https://x.org/gone' }, file('a.txt')],
      steps,
    );
    expect(outcomes).toEqual([
      { status: 'failed', label: 'u', message: 'The server answered 404 Not Found.' },
      {
        status: 'failed',
        label: 'a.txt',
        message: 'Something went wrong while saving it (QuotaExceededError).',
      },
    ]);
  });

  it('on cancel, finishes what is saving, saves nothing more and marks the rest cancelled', async () => {
    const controller = new AbortController();
    const { steps, saved } = fakeSteps();
    const store = steps.store;
    steps.store = async (bytes, options, signal) => {
      const result = await store(bytes, options, signal);
      if (saved.size === 2) controller.abort();
      return result;
    };
    const sources = Array.from({ length: 6 }, (_, i) => file(`f${i}.txt`));
    const outcomes = await runBatch(sources, steps, { signal: controller.signal, concurrency: 1 });
    expect(outcomes.map((o) => o.status)).toEqual([
      'saved',
      'saved',
      'cancelled',
      'cancelled',
      'cancelled',
      'cancelled',
    ]);
    expect(saved.size).toBe(2);
  });

  it('keeps results in the order of the sources when items finish out of order', async () => {
    const { steps } = fakeSteps({
      fetchPage: async (url) => {
        await new Promise((r) => setTimeout(r, url.endsWith('slow') ? 30 : 1));
        return { bytes: encode(url), options: { url } };
      },
    });
    const outcomes = await runBatch(
      [
        { kind: 'url', label: 'slow', url: 'https://x.org/slow' },
        { kind: 'url', label: 'fast', url: 'https://x.org/fast' },
      ],
      steps,
      { concurrency: 2 },
    );
    expect(outcomes.map((o) => o.label)).toEqual(['slow', 'fast']);
  });
});

describe('runBatch when the storage fills up', () => {
  const quotaShapes: [string, () => unknown][] = [
    ['StorageFullError (the repository, or rebuilt from the worker)', () => new StorageFullError()],
    [
      'a DOMException QuotaExceededError',
      () => new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
    ],
    [
      'an AbortError whose inner error is the quota one',
      // Dexie's shape (name and inner): features do not import Dexie.
      () =>
        Object.assign(new Error('aborted'), {
          name: 'AbortError',
          inner: new DOMException('full', 'QuotaExceededError'),
        }),
    ],
  ];
  for (const [what, quotaError] of quotaShapes) {
    it(`stops at ${what}: says storage is full, tries no later item, marks the rest not tried`, async () => {
      const { steps, saved } = fakeSteps();
      const store = steps.store;
      const tried: string[] = [];
      steps.store = async (bytes, options, signal) => {
        tried.push(options.fileName ?? '');
        if (saved.size === 2) throw quotaError();
        return store(bytes, options, signal);
      };
      const progress: BatchProgress[] = [];
      const sources = Array.from({ length: 6 }, (_, i) => file(`f${i}.txt`));
      const outcomes = await runBatch(sources, steps, {
        concurrency: 1,
        onProgress: (p) => progress.push(p),
      });
      expect(outcomes).toEqual([
        expect.objectContaining({ status: 'saved', label: 'f0.txt' }),
        expect.objectContaining({ status: 'saved', label: 'f1.txt' }),
        {
          status: 'failed',
          label: 'f2.txt',
          message: STORAGE_FULL_MESSAGE,
          storageFull: true,
        },
        { status: 'cancelled', label: 'f3.txt', storageFull: true },
        { status: 'cancelled', label: 'f4.txt', storageFull: true },
        { status: 'cancelled', label: 'f5.txt', storageFull: true },
      ]);
      expect(tried).toEqual(['f0.txt', 'f1.txt', 'f2.txt']);
      expect(progress.at(-1)).toEqual({
        total: 6,
        done: 6,
        saved: 2,
        duplicates: 0,
        failed: 1,
        stopped: 'storage-full',
      });
      expect(outcomesAsText(outcomes).split('\n').slice(2, 4)).toEqual([
        `Failed\tf2.txt\t${STORAGE_FULL_MESSAGE}`,
        'Not added (storage full)\tf3.txt',
      ]);
    });
  }

  it('with items in flight, those already saving finish and nothing new starts', async () => {
    const { steps, saved } = fakeSteps();
    const store = steps.store;
    const started: string[] = [];
    steps.store = async (bytes, options, signal) => {
      started.push(options.fileName ?? '');
      if (options.fileName === 'f1.txt') throw new StorageFullError();
      await new Promise((r) => setTimeout(r, 5));
      return store(bytes, options, signal);
    };
    const sources = Array.from({ length: 5 }, (_, i) => file(`f${i}.txt`));
    const outcomes = await runBatch(sources, steps, { concurrency: 2 });
    expect(outcomes.map((o) => o.status)).toEqual([
      'saved',
      'failed',
      'cancelled',
      'cancelled',
      'cancelled',
    ]);
    expect(started).toEqual(['f0.txt', 'f1.txt']);
    expect([...saved.keys()]).toEqual(['f0.txt']);
  });
});

describe('outcomesAsText', () => {
  it('writes one tab-separated line per item with its status and reason', () => {
    expect(
      outcomesAsText([
        { status: 'saved', label: 'a.html', id: '1', title: 'A' },
        { status: 'duplicate', label: 'b.html', id: '2', title: 'B', note: 'same address' },
        { status: 'failed', label: 'c.bin', message: 'Binary.' },
        { status: 'cancelled', label: 'd.txt' },
      ]),
    ).toBe(
      'Saved\ta.html\tA\nAlready in the library\tb.html\tB (same address)\nFailed\tc.bin\tBinary.\nNot added (cancelled)\td.txt\n',
    );
  });
});
