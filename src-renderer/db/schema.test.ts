import 'fake-indexeddb/auto';
import { afterEach, expect, it } from 'vitest';
import type { Library } from './index.ts';
import { CURRENT_SCHEMA_VERSION } from './schema.ts';
import { disposeLibrary, openTestLibrary } from './test-article.ts';

let library: Library;
afterEach(() => disposeLibrary(library));

it('creates the current version (6): unique source hash and citation key, images, sortable summaries, body chunks, collections, the search stores and annotations by article, date, colour and tag', async () => {
  library = openTestLibrary();
  await library.db.open();

  expect(library.db.verno).toBe(CURRENT_SCHEMA_VERSION);
  expect(library.db.tables.map((t) => t.name).sort()).toEqual([
    'annotations',
    'articles',
    'bodies',
    'collections',
    'images',
    'searchBlocks',
    'searchDeleted',
    'searchDocs',
    'searchMeta',
    'searchPending',
    'searchPositionBlocks',
    'searchSegments',
    'settings',
    'sources',
    'styles',
    'summaries',
  ]);
  const articles = library.db.articles.schema;
  expect(articles.primKey.keyPath).toBe('id');
  expect(articles.idxByName['source.sha256']?.unique).toBe(true);
  expect(articles.idxByName['citekey']?.unique).toBe(true);
  expect(Object.keys(articles.idxByName).sort()).toEqual([
    'addedAt',
    'canonicalUrl',
    'citekey',
    'source.sha256',
    'updatedAt',
  ]);
  expect(library.db.styles.schema.primKey.keyPath).toBe('id');
  expect(library.db.settings.schema.primKey.keyPath).toBe('key');
  expect(library.db.sources.schema.primKey.keyPath).toBe('sha256');
  expect(articles.idxByName['canonicalUrl']?.unique).toBeFalsy();
  expect(library.db.images.schema.primKey.keyPath).toBe('key');
  expect(Object.keys(library.db.images.schema.idxByName)).toEqual(['articleId']);
  expect(library.db.summaries.schema.primKey.keyPath).toBe('id');
  expect(Object.keys(library.db.summaries.schema.idxByName).sort()).toEqual([
    'addedAt',
    'authorKey',
    'collections',
    'issuedKey',
    'siteKey',
    'tags',
    'titleKey',
  ]);
  expect(library.db.summaries.schema.idxByName['tags']?.multi).toBe(true);
  expect(library.db.searchBlocks.schema.primKey.keyPath).toEqual(['segment', 'block']);
  expect(library.db.searchPositionBlocks.schema.primKey.keyPath).toEqual(['segment', 'block']);
  expect(library.db.searchDocs.schema.idxByName['docNum']?.unique).toBe(true);
  expect(library.db.collections.schema.idxByName['parentId']).toBeDefined();
  expect(library.db.bodies.schema.primKey.keyPath).toEqual(['articleId', 'chunk']);
  expect(Object.keys(library.db.bodies.schema.idxByName)).toEqual(['articleId']);
  const annotations = library.db.annotations.schema;
  expect(annotations.primKey.keyPath).toBe('id');
  expect(Object.keys(annotations.idxByName).sort()).toEqual([
    'articleId',
    'color',
    'tags',
    'updatedAt',
  ]);
  expect(annotations.idxByName['tags']?.multi).toBe(true);
});
