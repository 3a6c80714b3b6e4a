/**
 * Field terms share the index with plain words: "au:smith" is the word "smith" in an author
 * name. Plain words never hold a colon (fold.ts splits on punctuation), so the two cannot meet.
 * Whole-value fields (tag, collection, notice, has) keep their folded value as one term, so
 * `tag:"climate change"` matches that tag and not every tag with one of its words.
 */
export const FIELD_PREFIX = {
  title: 'ti:',
  author: 'au:',
  site: 'si:',
  year: 'ye:',
  tag: 'ta:',
  collection: 'co:',
  notice: 'no:',
  has: 'ha:',
} as const;

export type Field = keyof typeof FIELD_PREFIX;

export const FIELDS = Object.keys(FIELD_PREFIX) as Field[];

/** Fields whose value is one term, not words. */
export const WHOLE_VALUE_FIELDS: ReadonlySet<Field> = new Set([
  'tag',
  'collection',
  'notice',
  'has',
]);

/** What `has:` can ask for. */
export const HAS_VALUES = ['annotations', 'notes'] as const;

/** Rights notice kinds a filter can name; "cc" is a licence that is a Creative Commons one. */
export const NOTICE_KINDS = [
  'copyright',
  'licence',
  'cc',
  'disclaimer',
  'fair-use',
  'republication',
  'permission',
] as const;

/** A stored term as the user would type it: "ta:climate" → "tag:climate". */
export function displayTerm(term: string): string {
  for (const field of FIELDS) {
    const prefix = FIELD_PREFIX[field];
    if (term.startsWith(prefix)) return `${field}:${term.slice(prefix.length)}`;
  }
  return term;
}
