// The React hooks are thin wrappers over Dexie's liveQuery; this proves the repository
// reads they run are observed, so the UI re-renders at once after add/update/remove.
import 'fake-indexeddb/auto';
import { liveQuery } from 'dexie';
import { afterEach, expect, it, vi } from 'vitest';
import type { ArticleSummary, Library } from './index.ts';
import { disposeLibrary, fixtureBytes, openTestLibrary, referenceArticle } from './test-article.ts';

let library: Library;
afterEach(() => disposeLibrary(library));

it('re-runs list() after every write', async () => {
  library = openTestLibrary();
  const seen: ArticleSummary[][] = [];
  const subscription = liveQuery(() => library.articles.list()).subscribe((list) =>
    seen.push(list),
  );
  const latest = () => seen.at(-1);

  await vi.waitFor(() => expect(latest()).toEqual([]));
  const { article } = await library.articles.add(referenceArticle(), fixtureBytes);
  await vi.waitFor(() => expect(latest()?.map((s) => s.id)).toEqual([article.id]));
  await library.articles.updateMetadata(article.id, { title: 'Edited' });
  await vi.waitFor(() => expect(latest()?.[0]?.title).toBe('Edited'));
  await library.articles.remove(article.id);
  await vi.waitFor(() => expect(latest()).toEqual([]));

  subscription.unsubscribe();
});
