import { FIELD_PREFIX, type Field } from './fields.ts';
import { forEachToken, foldText } from './fold.ts';

/** What the index reads of an article: its text fields and its filterable facts. */
export interface IndexedFields {
  title: string;
  authors: readonly string[];
  /** Container title, publisher, host name: what `site:` finds. */
  sites: readonly string[];
  /** Headings and paragraphs, in reading order. */
  body: readonly string[];
  notices: readonly string[];
  notes: readonly string[];
  tags: readonly string[];
  collections: readonly string[];
  year: number | null;
  /** Rights notice kinds (fields.ts NOTICE_KINDS). */
  noticeKinds: readonly string[];
  /** `has:` values that hold (annotations, notes). */
  has: readonly string[];
}

/**
 * One article's terms: the forward index that a segment is built from. `tfs[i]` is the weighted
 * count of `terms[i]` (a title word counts three times, an author word twice); its word
 * positions are `positions[posEnd[i-1] .. posEnd[i])`, field terms have none.
 */
export interface ForwardDoc {
  /** Weighted number of words: BM25's document length. */
  length: number;
  terms: string[];
  tfs: Uint16Array;
  positions: Uint32Array;
  posEnd: Uint32Array;
}

const TITLE_WEIGHT = 3;
const AUTHOR_WEIGHT = 2;
/** Positions skipped between paragraphs and fields, so a phrase never spans two of them. */
const GAP = 8;
const MAX_TF = 0xffff;

class DocBuilder {
  private readonly counts = new Map<string, { tf: number; positions: number[] }>();
  private position = 0;
  length = 0;

  private entry(term: string) {
    let entry = this.counts.get(term);
    if (!entry) this.counts.set(term, (entry = { tf: 0, positions: [] }));
    return entry;
  }

  /**
   * Words of a text, with positions; each also counted `weight` times. `counted`: whether they
   * make the document longer for ranking (a long rights notice or a site name should not push
   * an article down for what its body says).
   */
  words(text: string, weight: number, field?: Field, counted = true): void {
    forEachToken(text, (term) => {
      const entry = this.entry(term);
      entry.tf = Math.min(MAX_TF, entry.tf + weight);
      entry.positions.push(this.position++);
      if (counted) this.length += weight;
      if (field) this.fieldTerm(FIELD_PREFIX[field] + term);
    });
    this.position += GAP;
  }

  fieldTerm(term: string): void {
    const entry = this.entry(term);
    entry.tf = Math.min(MAX_TF, entry.tf + 1);
  }

  finish(): ForwardDoc {
    // Never 0: BM25 divides by the average length.
    this.length ||= 1;
    const terms = [...this.counts.keys()].sort();
    const tfs = new Uint16Array(terms.length);
    const posEnd = new Uint32Array(terms.length);
    let total = 0;
    for (const term of terms) total += this.counts.get(term)!.positions.length;
    const positions = new Uint32Array(total);
    let at = 0;
    terms.forEach((term, i) => {
      const entry = this.counts.get(term)!;
      tfs[i] = entry.tf;
      positions.set(entry.positions, at);
      at += entry.positions.length;
      posEnd[i] = at;
    });
    return { length: this.length, terms, tfs, positions, posEnd };
  }
}

/** A whole-value field's term: the folded value, spaces collapsed. */
export function wholeValueTerm(field: Field, value: string): string {
  return FIELD_PREFIX[field] + foldText(value).trim().replace(/\s+/g, ' ');
}

/** The forward index of one article. Linear in its text. */
export function indexDocument(fields: IndexedFields): ForwardDoc {
  const doc = new DocBuilder();
  doc.words(fields.title, TITLE_WEIGHT, 'title');
  for (const author of fields.authors) doc.words(author, AUTHOR_WEIGHT, 'author');
  for (const site of fields.sites) doc.words(site, 1, 'site', false);
  for (const text of fields.body) doc.words(text, 1);
  for (const text of fields.notices) doc.words(text, 1, undefined, false);
  for (const text of fields.notes) doc.words(text, 1);
  for (const tag of fields.tags) doc.fieldTerm(wholeValueTerm('tag', tag));
  for (const id of fields.collections) doc.fieldTerm(wholeValueTerm('collection', id));
  for (const kind of fields.noticeKinds) doc.fieldTerm(wholeValueTerm('notice', kind));
  for (const value of fields.has) doc.fieldTerm(wholeValueTerm('has', value));
  if (fields.year !== null && fields.year >= 1000 && fields.year <= 9999) {
    doc.fieldTerm(FIELD_PREFIX.year + String(fields.year));
  }
  return doc.finish();
}
