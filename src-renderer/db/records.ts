import type {
  CslDate,
  CslName,
  MediaType,
  OriginalSource,
  ParsedArticle,
  Sha256,
} from '../../src-core/article/model.ts';
import type { NoticeCheck } from '../../src-core/article/verify-rights.ts';

/** An article as stored: the parser's output plus library bookkeeping. */
export interface ArticleRecord extends ParsedArticle {
  id: string;
  tags: string[];
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

/** What the library list shows: flat display strings, no body. */
export interface ArticleSummary {
  id: string;
  title: string;
  authors: string;
  issued: string;
  containerTitle: string;
  addedAt: number;
  gaps: ParsedArticle['gaps'];
}

export type AddResult =
  { status: 'added'; article: ArticleRecord } | { status: 'duplicate'; article: ArticleRecord };

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
export interface DeletedArticle {
  article: ArticleRecord;
  source: SourceRecord | null;
}

export interface ArticleRepository {
  /** One transaction over articles + sources; a known source hash returns the existing article. */
  add(parsed: ParsedArticle, bytes: Uint8Array): Promise<AddResult>;
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
  /** Deletes the article and its source bytes; throws on unknown id. */
  remove(id: string): Promise<DeletedArticle>;
  /** Puts back exactly what remove() took (same id, addedAt, bytes). */
  restore(deleted: DeletedArticle): Promise<void>;
  sourceBytes(sha256: string): Promise<Uint8Array | undefined>;
  /** Re-checks every stored rights notice against the stored original bytes. */
  verifyNotices(id: string, sha256: Sha256): Promise<NoticeCheck[]>;
  count(): Promise<number>;
  /** Sets a key typed by the user: checked, unique in the library, and fixed from then on. */
  setCitekey(id: string, key: string): Promise<ArticleRecord>;
  /** Fixes the keys of articles whose citations left the app (copied or exported). */
  fixCitekeys(ids: readonly string[]): Promise<void>;
  /** Keeps a hand-cased title for one style; an empty or null title removes it. */
  setTitleOverride(id: string, style: string, title: string | null): Promise<ArticleRecord>;
  /** Every article, oldest first (for exports of the whole library). */
  all(): Promise<ArticleRecord[]>;
}
