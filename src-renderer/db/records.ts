import type {
  CslDate,
  CslName,
  MediaType,
  OriginalSource,
  ParsedArticle,
  Sha256,
} from '../../src-core/article/model.ts';
import type { NoticeCheck } from '../../src-core/article/verify-rights.ts';
import type { HighlightColor } from '../../src-core/excerpt/annotation.ts';
import type { AnnotationTarget } from '../../src-core/excerpt/types.ts';
import type { ReferenceFormat } from '../../src-core/interop/types.ts';
import type { StoredImage } from '../../src-core/capture/offline-images.ts';
import type {
  ForwardDoc,
  PositionBlock,
  SegmentDocs,
  TermBlock,
} from '../../src-core/search/index.ts';

/** An article as stored: the parser's output plus library bookkeeping. */
export interface ArticleRecord extends ParsedArticle {
  id: string;
  /** The user's tags, as typed (trimmed, unique ignoring case). */
  tags: string[];
  /** Ids of the collections it is in (CollectionRecord). */
  collections: string[];
  addedAt: number;
  updatedAt: number;
  /** Unique in the library (IndexedDB index); follows the metadata until it is fixed. */
  citekey: string;
  /**
   * Set once the key left the app (copied or exported as BibTeX, BibLaTeX, RIS or CSL-JSON) or
   * was typed by the user: papers may cite it, so it never changes on its own again.
   */
  citekeyFixed: boolean;
  /** Titles the user cased by hand, by style id ('apa', 'mla', 'bibtex', …). */
  titleOverrides: Record<string, string>;
  /**
   * `csl.URL` in canonical form (src-core/text/canonical-url.ts), null without an http(s) URL:
   * indexed, so the same page saved again is recognised. Follows metadata edits of the URL.
   */
  canonicalUrl: string | null;
  /**
   * Set on an entry imported from a reference file (BibTeX, RIS, CSL-JSON; ADR 0015). While no
   * page is saved its source is the entry's own text (`source.sha256 === reference.sha256`) and
   * its body is empty: a "reference only" article. Kept when a page is attached later.
   */
  reference?: ArticleReference;
}

/** Where a library entry imported from a reference file came from. */
export interface ArticleReference {
  format: ReferenceFormat;
  /** The entry exactly as it was in the file. */
  raw: string;
  /** SHA-256 of `raw` as UTF-8: the same entry imported again is recognised by it. */
  sha256: string;
  fileName: string | null;
  importedAt: number;
}

/** An imported reference whose page has not been saved yet: no body, its source is the entry. */
export const isReferenceOnly = (
  record: Pick<ArticleRecord, 'reference' | 'source'>,
): record is Pick<ArticleRecord, 'source'> & { reference: ArticleReference } =>
  record.reference !== undefined && record.source.sha256 === record.reference.sha256;

/**
 * The offline copy of one of an article's images (`ArticleRecord.images`), stored with the
 * article in one transaction and deleted with it.
 */
export interface ImageRecord {
  /** `${articleId}:${imageId}`. */
  key: string;
  articleId: string;
  /** The CapturedImage id within the article. */
  imageId: string;
  /** Where it came from (an http(s) URL or a data: URI); never loaded by the reader. */
  src: string;
  mediaType: StoredImage['mediaType'];
  bytes: Uint8Array;
  sha256: string;
  byteLength: number;
  addedAt: number;
}

/** A CSL style file the user imported (checked with checkCslStyle before it is stored). */
export interface StyleRecord {
  id: string;
  title: string;
  /** The style's own <id>, to recognise the same style imported twice. */
  cslId: string;
  xml: string;
  addedAt: number;
}

/** One app setting, e.g. { key: 'defaultStyle', value: 'apa' }. */
export interface SettingRecord {
  key: string;
  value: string;
}

/** The original bytes as imported, stored once and keyed by their SHA-256. */
export interface SourceRecord {
  sha256: string;
  bytes: Uint8Array;
  mediaType: MediaType;
  fileName: string | null;
  byteLength: number;
  addedAt: number;
}

/** What the library list shows and sorts by: flat display strings and keys, no body. */
export interface ArticleSummary {
  id: string;
  title: string;
  authors: string;
  issued: string;
  containerTitle: string;
  addedAt: number;
  gaps: ParsedArticle['gaps'];
  /** Sort keys (folded, so case and accents do not decide the order); '' sorts first. */
  titleKey: string;
  authorKey: string;
  siteKey: string;
  /** "2018-08-15", "2018-08", "2018" or ''. */
  issuedKey: string;
  tags: string[];
  collections: string[];
  /** Rights notice kinds (with "cc" for Creative Commons licences). */
  noticeKinds: string[];
  words: number;
  paragraphs: number;
  /** An imported reference without a saved page (isReferenceOnly); absent otherwise. */
  referenceOnly?: true;
}

/** A collection: a named folder of articles, nested under `parentId`. */
export interface CollectionRecord {
  id: string;
  name: string;
  parentId: string | null;
  addedAt: number;
}

export type AddResult =
  | { status: 'added'; article: ArticleRecord; duplicateOf?: undefined }
  | {
      status: 'duplicate';
      article: ArticleRecord;
      /** Same source bytes (content) or, for other bytes, the same canonical URL. */
      duplicateOf: 'content' | 'url';
    };

export interface AddOptions {
  /** Offline copies of the article's images (collectOfflineImages), written with it. */
  images?: readonly StoredImage[];
  /** Tags it arrives with (an import's own tags), cleaned as tags.ts says. */
  tags?: readonly string[];
}

/** User edits to citation metadata. Empty strings (and `null`) remove a field. */
export interface MetadataPatch {
  title?: string;
  author?: CslName[];
  issued?: CslDate | null;
  containerTitle?: string;
  url?: string;
  originalSource?: OriginalSource | null;
}

/** Everything remove() took, so an undo can put it back unchanged. */
/**
 * An article as the `articles` store holds it: its body is in `bodies`, in `bodyChunks` chunks
 * (see body-store.ts). A record without `bodyChunks` (stored before bodies were split, or
 * written by a test) holds its body inline.
 */
export type StoredArticleRecord = ArticleRecord & { bodyChunks?: number };

/** One chunk of an article's body, in order: `[articleId+chunk]` is its key. */
export interface BodyChunkRecord {
  articleId: string;
  chunk: number;
  paragraphs: ParsedArticle['body'];
}

/**
 * Whether the stored article still is what was saved: the original bytes against the SHA-256
 * recorded at import, and the body's display text against those bytes (alteredParagraphs).
 */
export type SourceCheck =
  | { status: 'intact' }
  | { status: 'bytes-differ' }
  | { status: 'text-differs'; paragraphs: number[] };

export interface ArticleCheck {
  source: SourceCheck;
  notices: NoticeCheck[];
}

export interface DeletedArticle {
  article: ArticleRecord;
  source: SourceRecord | null;
  /** Its offline images (absent in objects made before schema version 4). */
  images?: ImageRecord[];
  /** Its highlights and notes (absent in objects made before schema version 6). */
  annotations?: AnnotationRecord[];
}

/**
 * A highlight, with an optional note and tags. `target` holds W3C Web Annotation selectors
 * over the article's display text as it was when the highlight was made (`parserVersion`);
 * the reader anchors them again in the current text and shows an orphan when they no longer
 * fit, rather than pointing at other words. A null `target` is a note on the whole article
 * (an imported reference's notes, ADR 0015): nothing to anchor, no quote.
 */
export interface AnnotationRecord {
  id: string;
  articleId: string;
  target: AnnotationTarget | null;
  color: HighlightColor;
  /** Plain text, never read as markup; empty when none. */
  note: string;
  tags: string[];
  createdAt: number;
  updatedAt: number;
  parserVersion: number;
}

export interface ArticleRepository {
  /**
   * One transaction over articles + sources + images (all or nothing). An article with the same
   * source hash, or else the same canonical URL, is returned as a duplicate and nothing is
   * written. Each image must belong to `parsed.images` and hash to its `sha256`.
   */
  add(parsed: ParsedArticle, bytes: Uint8Array, options?: AddOptions): Promise<AddResult>;
  /**
   * The article an add of `parsed` would report as a duplicate, if any: lets an importer skip
   * fetching images for a page already saved. add() still decides, in its transaction.
   */
  findDuplicate(parsed: ParsedArticle): Promise<(AddResult & { status: 'duplicate' }) | null>;
  /** The offline images of an article (any order; match them by `imageId`). */
  images(articleId: string): Promise<ImageRecord[]>;
  /** Newest first (addedAt descending). */
  list(): Promise<ArticleSummary[]>;
  get(id: string): Promise<ArticleRecord | undefined>;
  /** Validates, writes the CSL fields, recomputes gaps, bumps updatedAt; throws on unknown id. */
  updateMetadata(id: string, patch: MetadataPatch): Promise<ArticleRecord>;
  /**
   * Replaces what the capture rules read (body, headings, notices, keywords, parser version) with
   * `parsed`, a newer reading of the same stored bytes; keeps the CSL item the user may have
   * edited and recomputes its gaps. A record already read by these rules (or newer ones) is
   * returned unchanged. Throws on unknown id or when `parsed` comes from other bytes.
   */
  reparse(id: string, parsed: ParsedArticle): Promise<ArticleRecord>;
  /** Deletes the article, its source bytes and its images; throws on unknown id. */
  remove(id: string): Promise<DeletedArticle>;
  /** Puts back exactly what remove() took (same id, addedAt, bytes, images). */
  restore(deleted: DeletedArticle): Promise<void>;
  sourceBytes(sha256: string): Promise<Uint8Array | undefined>;
  /**
   * Re-checks every stored rights notice against the stored original bytes. `loaded`: the
   * record as the caller already read it (the reader), so a 10 MB article is not read twice.
   */
  verifyNotices(
    id: string,
    sha256: Sha256,
    loaded?: Pick<ArticleRecord, 'id' | 'rights' | 'source'>,
  ): Promise<NoticeCheck[]>;
  /** The notices' checks and the stored text's: both proved against the original bytes. */
  verifyArticle(
    id: string,
    sha256: Sha256,
    loaded?: Pick<ArticleRecord, 'id' | 'rights' | 'source'> & Partial<Pick<ArticleRecord, 'body'>>,
  ): Promise<ArticleCheck>;
  count(): Promise<number>;
  /** Sets a key typed by the user: checked, unique in the library, and fixed from then on. */
  setCitekey(id: string, key: string): Promise<ArticleRecord>;
  /** Fixes the keys of articles whose citations left the app (copied or exported). */
  fixCitekeys(ids: readonly string[]): Promise<void>;
  /** Keeps a hand-cased title for one style; an empty or null title removes it. */
  setTitleOverride(id: string, style: string, title: string | null): Promise<ArticleRecord>;
  /** Every article, oldest first (for exports of the whole library). */
  all(): Promise<ArticleRecord[]>;
  /**
   * Adds and removes tags (tags.ts rules: trimmed, unique ignoring case) on each article, one
   * transaction per article; returns how many changed. Unknown ids are skipped.
   */
  setTags(
    ids: readonly string[],
    change: { add?: readonly string[]; remove?: readonly string[] },
  ): Promise<number>;
  /** Adds articles to and removes them from collections (unknown collections are skipped). */
  setCollections(
    ids: readonly string[],
    change: { add?: readonly string[]; remove?: readonly string[] },
  ): Promise<number>;
}

/** The search index's document number for an article (the newest; older ones are deleted). */
export interface SearchDocRecord {
  articleId: string;
  docNum: number;
}

/** An article's terms waiting to be written into a segment. */
export interface SearchPendingRecord {
  docNum: number;
  id: string;
  doc: ForwardDoc;
}

export interface SearchSegmentRecord {
  id: number;
  docs: SegmentDocs;
  count: number;
  /** The first term of each of its blocks (blockRange finds a term's block from these). */
  firstTerms: string[];
}

/** One block of a segment's postings (src-core/search/blocks.ts). */
export interface SearchBlockRecord extends TermBlock {
  segment: number;
  block: number;
}

/** The word positions of the same block's terms. */
export interface SearchPositionBlockRecord extends PositionBlock {
  segment: number;
  block: number;
}

export interface SearchDeletedRecord {
  docNum: number;
}

export interface SearchMetaRecord {
  key: 'nextDoc' | 'nextSegment' | 'version';
  value: number;
}
