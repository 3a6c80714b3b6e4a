/**
 * IndexedDB schema, one frozen entry per version. Never edit a shipped version:
 * users' databases were created from it.
 *
 * To change the schema, add a version below and register it in database.ts:
 *
 *   db.version(3)
 *     .stores(SCHEMA_V3)
 *     .upgrade((tx) => tx.table('articles').toCollection().modify(...pureMigrationV2toV3...));
 *
 * where the migration is a pure function (old-shaped record in, new-shaped record out)
 * in migrations.ts with unit tests on old-shaped data.
 */

export const SCHEMA_V1 = {
  // `&source.sha256` is unique: IndexedDB itself rejects a second article for the same
  // bytes, so duplicates are impossible even when two windows import at once.
  articles: 'id, addedAt, updatedAt, &source.sha256',
  // Original bytes, stored once per content hash.
  sources: 'sha256',
} as const;

/**
 * Version 2 (capture engine): the same stores and indexes; article records gain
 * `parserVersion`, `headings`, paragraph `spans` and notice `display` (migrateArticleV1toV2).
 */
export const SCHEMA_V2 = SCHEMA_V1;

/**
 * Version 3 (citation engine): articles get a unique `citekey` (migrateArticlesV2toV3 assigns
 * them, oldest article first), `citekeyFixed` and `titleOverrides`; new stores hold the custom
 * CSL styles the user imported and the app's settings (the default citation style).
 */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  articles: 'id, addedAt, updatedAt, &source.sha256, &citekey',
  styles: 'id, addedAt',
  settings: 'key',
} as const;

/**
 * Version 4 (capture in the app): articles get `canonicalUrl` (their CSL URL in canonical form,
 * null without one; migrateArticleV3toV4 fills it) under a non-unique index, so a page saved
 * again is found by its address; and `images`, the offline copies of their pictures, keyed by
 * `${articleId}:${imageId}` and indexed by article.
 */
export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  articles: 'id, addedAt, updatedAt, &source.sha256, &citekey, canonicalUrl',
  images: 'key, articleId',
  // One small line per article (title, authors, date, site): what the library list reads, so
  // it never loads a body. Written in the same transaction as its article.
  summaries: 'id, addedAt',
  // Article bodies in chunks (body-store.ts), so a long one is never read or written in one go.
  bodies: '[articleId+chunk], articleId',
} as const;

/**
 * Version 5 (library and search): summaries gain sort keys, tags, collections, notice kinds and
 * counts (indexed for sorting and filtering); articles gain `collections`; collections get a
 * store; and the full-text index lives in the `search*` stores (db/search-index.ts): each
 * article's current document number, documents waiting for a segment, immutable segments with
 * their postings and word positions in blocks of sorted terms keyed by [segment+block]
 * (src-core/search/blocks.ts), and deleted document numbers.
 */
export const SCHEMA_V5 = {
  ...SCHEMA_V4,
  summaries: 'id, addedAt, issuedKey, titleKey, authorKey, siteKey, *tags, *collections',
  collections: 'id, parentId',
  searchDocs: 'articleId, &docNum',
  searchPending: 'docNum',
  searchSegments: 'id, count',
  searchBlocks: '[segment+block]',
  searchPositionBlocks: '[segment+block]',
  searchDeleted: 'docNum',
  searchMeta: 'key',
} as const;

/**
 * Version 6 (reader and annotations): highlights and notes, each pointing into its article
 * with W3C Web Annotation selectors (src-core/excerpt/types.ts), indexed by article, by last
 * change (the library-wide list), by colour and by tag.
 */
export const SCHEMA_V6 = {
  ...SCHEMA_V5,
  annotations: 'id, articleId, updatedAt, color, *tags',
} as const;

export const CURRENT_SCHEMA_VERSION = 6;
