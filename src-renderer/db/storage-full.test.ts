import 'fake-indexeddb/auto';
import { Dexie, type DBCoreMutateRequest, type DBCoreMutateResponse } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { ParsedArticle } from '../../src-core/article/model.ts';
import type { StoredImage } from '../../src-core/capture/offline-images.ts';
import { sha256 as webCryptoSha256 } from '../host/sha256.ts';
import type { Library } from './index.ts';
import { checkLibraryConsistency } from './library-consistency.ts';
import { isQuotaError, STORAGE_FULL_MESSAGE, StorageFullError } from './storage-errors.ts';
import {
  disposeLibrary,
  fixtureBytes,
  openTestLibrary,
  referenceArticle,
  variantArticle,
} from './test-article.ts';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 7]);

async function image(id: string): Promise<StoredImage> {
  return {
    id,
    src: `https://img.example/${id}.png`,
    mediaType: 'image/png',
    bytes: PNG,
    sha256: await webCryptoSha256(PNG),
    byteLength: PNG.byteLength,
  };
}

/** An article with two pictures stored offline: every store an add writes to is touched. */
async function articleWithImages(label: string) {
  const { parsed, bytes } = await variantArticle(label);
  const withPictures: ParsedArticle = {
    ...parsed,
    csl: { ...parsed.csl, URL: `https://news.example/${label}` },
    images: ['a', 'b'].map((id, before) => ({
      id,
      src: `https://img.example/${id}.png`,
      alt: id,
      caption: null,
      before,
    })),
  };
  return { parsed: withPictures, bytes, images: [await image('a'), await image('b')] };
}

/** The three shapes a quota refusal reaches Dexie's caller in (see storage-errors.ts). */
const QUOTA_ERRORS = {
  'a DOMException QuotaExceededError': () =>
    new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
  "Dexie's QuotaExceededError": () =>
    new Dexie.QuotaExceededError(
      'Quota exceeded',
      new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
    ),
  'an AbortError whose inner error is the quota one': () =>
    new Dexie.AbortError(
      'Transaction aborted',
      new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
    ),
  // Not an error the request rejects with: the browser aborts the whole transaction.
  'the transaction aborted by the browser with QuotaExceededError': null,
} as const;
type QuotaShape = keyof typeof QUOTA_ERRORS | 'another error';

/** Writes seen by the injector: store and kind, in order. */
type Write = `${string}:${DBCoreMutateRequest['type']}`;

/**
 * A library whose nth write (counted from `arm()`) fails as a full disk would: a Dexie
 * middleware refuses the request, aborting the transaction when the shape is an AbortError,
 * as the browser does.
 */
function libraryWithQuota() {
  const library = openTestLibrary();
  const writes: Write[] = [];
  let failAt = -1;
  let shape: QuotaShape = 'a DOMException QuotaExceededError';
  let counting = false;
  library.db.use({
    stack: 'dbcore',
    name: 'inject-quota',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (request: DBCoreMutateRequest): Promise<DBCoreMutateResponse> => {
            if (!counting) return table.mutate(request);
            const index = writes.push(`${name}:${request.type}`) - 1;
            if (index !== failAt) return table.mutate(request);
            if (shape === 'another error') return Promise.reject(new Error('disk on fire'));
            const make = QUOTA_ERRORS[shape];
            if (make) return Promise.reject(make());
            // What a browser does when a commit does not fit: the transaction is aborted with
            // error QuotaExceededError, and every request still pending fails with AbortError.
            // fake-indexeddb's internal abort-with-reason is that very step of the spec.
            (request.trans as unknown as { _abort(name: string): void })._abort(
              'QuotaExceededError',
            );
            return table.mutate(request);
          },
        };
      },
    }),
  });
  return {
    library,
    writes,
    /** Counts writes from now on; the one at `at` (if any) fails with `as`. */
    arm(at: number, as: QuotaShape = shape) {
      writes.length = 0;
      failAt = at;
      shape = as;
      counting = true;
    },
  };
}

/** Every record of every store: what "the library is unchanged" is checked against. */
async function everything(library: Library) {
  const result: Record<string, unknown[]> = {};
  for (const table of library.db.tables) result[table.name] = await table.toArray();
  return result;
}

let open: Library[] = [];
afterEach(async () => {
  await Promise.all(open.map(disposeLibrary));
  open = [];
});

/** A library holding two articles already, and the write steps of adding a third. */
async function prepared() {
  const quota = libraryWithQuota();
  open.push(quota.library);
  await quota.library.articles.add(referenceArticle(), fixtureBytes);
  const earlier = await articleWithImages('earlier');
  await quota.library.articles.add(earlier.parsed, earlier.bytes, { images: earlier.images });
  return quota;
}

describe('quota exhaustion while adding an article', () => {
  it('the probe sees every store an add writes to', async () => {
    const { library, writes, arm } = await prepared();
    arm(-1);
    const next = await articleWithImages('next');
    await library.articles.add(next.parsed, next.bytes, { images: next.images });
    const stores = new Set(writes.map((w) => w.split(':')[0]));
    for (const store of [
      'articles',
      'sources',
      'bodies',
      'summaries',
      'images',
      'searchDocs',
      'searchPending',
      'searchMeta',
    ]) {
      expect(stores).toContain(store);
    }
  });

  for (const shape of Object.keys(QUOTA_ERRORS) as (keyof typeof QUOTA_ERRORS)[]) {
    it(`fails at each write step with ${shape}: StorageFullError, nothing of the article kept, every earlier record unchanged`, async () => {
      // How many writes a whole add makes (in a library like the ones below).
      const probe = await prepared();
      probe.arm(-1);
      const sample = await articleWithImages('next');
      await probe.library.articles.add(sample.parsed, sample.bytes, { images: sample.images });
      const steps = [...probe.writes];
      expect(steps.length).toBeGreaterThanOrEqual(8);

      for (let step = 0; step < steps.length; step++) {
        const { library, arm } = await prepared();
        const before = await everything(library);
        const next = await articleWithImages('next');
        arm(step, shape);
        const failure = library.articles.add(next.parsed, next.bytes, { images: next.images });
        await expect(failure, `write ${step} (${steps[step]})`).rejects.toBeInstanceOf(
          StorageFullError,
        );
        await expect(failure).rejects.toThrow(STORAGE_FULL_MESSAGE);
        arm(-1);
        expect(await everything(library), `after failing write ${step}`).toEqual(before);
        const check = await checkLibraryConsistency(library.db, { sha256: webCryptoSha256 });
        expect(check).toEqual({ articles: 2, whole: 2, problems: [] });
        // Space freed, the same import goes through whole.
        const retried = await library.articles.add(next.parsed, next.bytes, {
          images: next.images,
        });
        expect(retried.status).toBe('added');
        expect((await checkLibraryConsistency(library.db)).problems).toEqual([]);
      }
    });
  }

  it('keeps other errors as they were (a broken write is not reported as a full disk)', async () => {
    const { library, arm } = await prepared();
    arm(2, 'another error');
    const next = await articleWithImages('next');
    const failure = library.articles.add(next.parsed, next.bytes);
    await expect(failure).rejects.toThrow('disk on fire');
    await expect(failure).rejects.not.toBeInstanceOf(StorageFullError);
  });
});

describe('isQuotaError', () => {
  it('recognises each shape of the quota refusal, wrapped or not, and nothing else', () => {
    for (const make of Object.values(QUOTA_ERRORS))
      if (make) expect(isQuotaError(make())).toBe(true);
    const quota = new DOMException('full', 'QuotaExceededError');
    expect(isQuotaError(new Error('outer', { cause: quota }))).toBe(true);
    expect(isQuotaError({ name: 'BulkError', failures: [new Error('x'), quota] })).toBe(true);
    expect(isQuotaError(new StorageFullError())).toBe(true);
    // Rebuilt from a worker's message: only the name survives.
    expect(isQuotaError(Object.assign(new Error('x'), { name: 'StorageFullError' }))).toBe(true);
    expect(isQuotaError(new Error('QuotaExceededError'))).toBe(false);
    expect(isQuotaError(new DOMException('aborted', 'AbortError'))).toBe(false);
    expect(isQuotaError(new Dexie.AbortError('aborted'))).toBe(false);
    expect(isQuotaError(new DOMException('constraint', 'ConstraintError'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
    expect(isQuotaError('QuotaExceededError')).toBe(false);
  });
});
