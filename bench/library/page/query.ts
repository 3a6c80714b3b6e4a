/**
 * The baselines' reading of the query language: words, "phrases", prefix*, field:value,
 * year:A..B, A OR B, -word and NOT word. A query is an AND of groups, each group an OR of
 * clauses. The full scan tests it on lower-cased text with `includes` (the naive search a
 * library without an index does); MiniSearch gets it as a query tree (minisearch.ts).
 */

export type Field = 'title' | 'author' | 'site' | 'tag' | 'year';

export interface Clause {
  negated: boolean;
  field: Field | null;
  kind: 'word' | 'phrase' | 'prefix' | 'range';
  /** Lower-cased; for a phrase its words joined by one space. */
  value: string;
  /** year: and year:A..B. */
  from?: number;
  to?: number;
}

export type ParsedQuery = Clause[][];

const FIELDS: ReadonlySet<string> = new Set(['title', 'author', 'site', 'tag', 'year']);

function clause(raw: string, negated: boolean): Clause | null {
  let text = raw;
  let field: Field | null = null;
  const colon = /^([a-z]+):(.+)$/i.exec(text);
  if (colon && FIELDS.has(colon[1]!.toLowerCase())) {
    field = colon[1]!.toLowerCase() as Field;
    text = colon[2]!;
  }
  if (field === 'year') {
    const [from, to = from] = text.split('..').map(Number);
    if (!Number.isFinite(from) || !Number.isFinite(to)) return null;
    return { negated, field, kind: 'range', value: text, from: from!, to: to! };
  }
  const quoted = /^"(.*)"$/.exec(text);
  if (quoted) {
    const value = quoted[1]!.toLowerCase().trim().split(/\s+/).join(' ');
    return value ? { negated, field, kind: 'phrase', value } : null;
  }
  const value = text.toLowerCase();
  if (value.endsWith('*') && value.length > 1) {
    return { negated, field, kind: 'prefix', value: value.slice(0, -1) };
  }
  return value ? { negated, field, kind: 'word', value } : null;
}

export function parseQuery(query: string): ParsedQuery {
  const groups: ParsedQuery = [];
  let negateNext = false;
  let orNext = false;
  for (const match of query.matchAll(/(?:[a-z]+:)?"[^"]*"|\S+/gi)) {
    const token = match[0];
    if (token === 'NOT') {
      negateNext = true;
      continue;
    }
    if (token === 'OR') {
      orNext = groups.length > 0;
      continue;
    }
    const negated = negateNext || (token.startsWith('-') && token.length > 1);
    const c = clause(token.startsWith('-') ? token.slice(1) : token, negated);
    negateNext = false;
    if (!c) continue;
    if (orNext && !negated) groups[groups.length - 1]!.push(c);
    else groups.push([c]);
    orNext = false;
  }
  return groups;
}

/** What the full scan reads of a record, lower-cased once per record and query. */
export interface ScanDoc {
  /** Title, authors, site, body and notices. */
  all: string;
  title: string;
  authors: string;
  site: string;
  tags: readonly string[];
  year: number | null;
}

function clauseMatches(doc: ScanDoc, c: Clause): boolean {
  if (c.kind === 'range') return doc.year !== null && doc.year >= c.from! && doc.year <= c.to!;
  if (c.field === 'tag') {
    return doc.tags.some((t) => (c.kind === 'prefix' ? t.startsWith(c.value) : t === c.value));
  }
  const text =
    c.field === 'title'
      ? doc.title
      : c.field === 'author'
        ? doc.authors
        : c.field === 'site'
          ? doc.site
          : doc.all;
  return text.includes(c.value);
}

/** Does `doc` match? Negated clauses must all fail; every other group needs one match. */
export function scanMatches(doc: ScanDoc, query: ParsedQuery): boolean {
  for (const group of query) {
    if (group.length === 1 && group[0]!.negated) {
      if (clauseMatches(doc, group[0]!)) return false;
    } else if (!group.some((c) => clauseMatches(doc, c))) return false;
  }
  return true;
}
