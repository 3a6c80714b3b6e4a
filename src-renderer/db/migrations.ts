import { withLibraryCitekeys } from '../../src-core/citation/library-keys.ts';
import { canonicalUrl } from '../../src-core/text/canonical-url.ts';
import type {
  Heading,
  Paragraph,
  ParsedArticle,
  RightsNotice,
} from '../../src-core/article/model.ts';
import type { ArticleRecord } from './records.ts';

/**
 * Pure migrations of stored records, one per schema version that changed their shape. Each takes
 * a record as an older version stored it and returns it in the next shape; database.ts runs them
 * in Dexie `upgrade()` callbacks. They must accept records that already have the new shape
 * (written by a build that was ahead of its schema version) and leave those fields alone.
 */

/** A paragraph as the Foundation parser (parser version 1) stored it. */
export interface ParagraphV1 {
  n: number;
  id: string;
  text: string;
  start: number;
  end: number;
  kind: 'prose' | 'blockquote' | 'list';
}

/** A rights notice as schema version 1 stored it: no display form. */
export type RightsNoticeV1 = Omit<RightsNotice, 'display'>;

/** An article record as schema version 1 stored it. */
export interface ArticleRecordV1 extends Omit<
  ParsedArticle,
  'parserVersion' | 'headings' | 'body' | 'rights' | 'images'
> {
  id: string;
  tags: string[];
  addedAt: number;
  updatedAt: number;
  body: ParagraphV1[];
  rights: RightsNoticeV1[];
}

/** Fields a record may or may not have, whichever build wrote it. */
type MaybeV2 = Partial<Pick<ArticleRecordV2, 'parserVersion' | 'headings'>>;

/**
 * Schema 1 → 2 (capture engine, parser version 2): records get `parserVersion` (1 for the
 * Foundation parser), `headings` (none were kept), paragraph `spans` (none: the map to the
 * source is rebuilt when the article is re-parsed) and each notice's `display` form (its exact
 * text, which is all version 1 showed). Nothing else changes; the reader re-parses these
 * records from their stored bytes when it opens them.
 */
export function migrateArticleV1toV2(record: ArticleRecordV1 | ArticleRecordV2): ArticleRecordV2 {
  const old = record as ArticleRecordV1 & MaybeV2;
  const body: Paragraph[] = (record.body as (ParagraphV1 & Partial<Paragraph>)[]).map((p) =>
    p.spans ? (p as Paragraph) : { ...p, spans: [] },
  );
  const rights: RightsNotice[] = (record.rights as (RightsNoticeV1 & Partial<RightsNotice>)[]).map(
    (n) => (typeof n.display === 'string' ? (n as RightsNotice) : { ...n, display: n.text }),
  );
  const headings: Heading[] = Array.isArray(old.headings) ? old.headings : [];
  return {
    ...record,
    parserVersion: typeof old.parserVersion === 'number' ? old.parserVersion : 1,
    headings,
    body,
    rights,
  };
}

/**
 * An article record as schema version 3 stored it: no canonical URL, and no images (parser
 * versions before 3 captured none).
 */
export type ArticleRecordV3 = Omit<ArticleRecordV4, 'canonicalUrl' | 'images'> &
  Partial<Pick<ArticleRecord, 'images'>>;

/** An article record as schema version 4 stored it: in no collection. */
export type ArticleRecordV4 = Omit<ArticleRecord, 'collections'>;

/** An article record as schema version 2 stored it: no citation key, no hand-cased titles. */
export type ArticleRecordV2 = Omit<ArticleRecordV3, 'citekey' | 'citekeyFixed' | 'titleOverrides'>;

/**
 * Schema 2 → 3 (citation engine): every article gets a citation key unique in the library, the
 * oldest article first so it keeps the plain key and later ones get a, b…; none is fixed yet
 * (keys were never exported before this version wrote them), and no title is hand-cased.
 * Records that already have a key keep it.
 */
export function migrateArticlesV2toV3(
  records: readonly (ArticleRecordV2 | ArticleRecordV3)[],
): ArticleRecordV3[] {
  const ordered = [...records].sort((a, b) => a.addedAt - b.addedAt || a.id.localeCompare(b.id));
  const keyed = withLibraryCitekeys(
    ordered.map((r) => ({ ...r, citekey: 'citekey' in r ? r.citekey : undefined })),
  );
  return keyed.map((r) => ({
    ...r,
    citekeyFixed: 'citekeyFixed' in r ? r.citekeyFixed === true : false,
    titleOverrides: 'titleOverrides' in r && r.titleOverrides ? r.titleOverrides : {},
  }));
}

/**
 * Schema 3 → 4 (capture in the app): every article gets `canonicalUrl` from its CSL URL (null
 * without an http(s) one) for the duplicate check, and an empty `images` list when it has none
 * (records read by parser versions 1 and 2; re-parsing the stored bytes finds their images).
 * Nothing else changes; records that already have the fields keep them.
 */
export function migrateArticleV3toV4(record: ArticleRecordV3 | ArticleRecordV4): ArticleRecordV4 {
  const maybe = record as ArticleRecordV3 & Partial<Pick<ArticleRecordV4, 'canonicalUrl'>>;
  const url = record.csl?.URL;
  return {
    ...record,
    images: Array.isArray(maybe.images) ? maybe.images : [],
    canonicalUrl:
      maybe.canonicalUrl !== undefined
        ? maybe.canonicalUrl
        : typeof url === 'string'
          ? canonicalUrl(url)
          : null,
  };
}

/**
 * Schema 4 → 5 (library and search): every article gets `collections`, empty (there were none
 * before), and tags as a list even where an old record had none. Nothing else changes.
 */
export function migrateArticleV4toV5(record: ArticleRecordV4 | ArticleRecord): ArticleRecord {
  const maybe = record as ArticleRecordV4 & Partial<Pick<ArticleRecord, 'collections'>>;
  return {
    ...record,
    tags: Array.isArray(record.tags) ? record.tags : [],
    collections: Array.isArray(maybe.collections) ? maybe.collections : [],
  };
}

/**
 * An upgrade step threw: which version it was upgrading to and, when known, the article it was
 * reading, so that the message a user reports points at the record. IndexedDB has rolled the
 * whole upgrade back by the time anyone sees it.
 */
export class UpgradeStepError extends Error {
  override readonly name = 'UpgradeStepError';
  constructor(
    readonly version: number,
    readonly articleId: string | null,
    readonly inner: unknown,
  ) {
    super(
      `The upgrade to library version ${version} failed` +
        (articleId === null ? '' : ` on article "${articleId}"`),
    );
  }
}

/**
 * Wraps an upgrade step so that what it throws says where: `at(id)` records the article being
 * migrated. Errors already wrapped (by an inner callback) pass through unchanged.
 */
export function upgradeStep<T>(
  version: number,
  run: (tx: T, at: (articleId: string) => void) => PromiseLike<unknown>,
): (tx: T) => Promise<void> {
  return async (tx) => {
    let current: string | null = null;
    try {
      await run(tx, (articleId) => (current = articleId));
    } catch (error) {
      throw error instanceof UpgradeStepError
        ? error
        : new UpgradeStepError(version, current, error);
    }
  };
}
