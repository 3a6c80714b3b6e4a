import { wholeValueTerm } from './document.ts';
import { FIELD_PREFIX, FIELDS, WHOLE_VALUE_FIELDS, type Field } from './fields.ts';
import { tokenize } from './fold.ts';

/**
 * The search language: words (all must match), "quoted phrases", OR, AND, NOT or a leading
 * minus, parentheses, a trailing * for a prefix, and fields: `author:`, `title:`, `site:`,
 * `tag:`, `collection:`, `notice:`, `has:` and `year:2018`, `year:2018..2020`, `year:..2010`.
 * Any input parses: what cannot be read is searched as text or dropped, with a hint saying so.
 */
export type QueryNode =
  | { type: 'term'; term: string; prefix: boolean }
  | { type: 'phrase'; terms: string[] }
  | { type: 'range'; from: string; to: string }
  | { type: 'and'; children: QueryNode[] }
  | { type: 'or'; children: QueryNode[] }
  | { type: 'not'; child: QueryNode };

export interface ParsedQuery {
  /** null: nothing to search for (an empty query, or only punctuation). */
  node: QueryNode | null;
  hints: string[];
  /** Plain words and phrase words, for snippets. */
  highlight: string[];
}

export const MAX_QUERY_CHARS = 1000;
export const MAX_CLAUSES = 64;
const MAX_DEPTH = 16;
const YEAR_RE = /^(\d{4})?(\.\.)?(\d{4})?$/;

type Lexeme =
  | { kind: 'open' | 'close' | 'and' | 'or' | 'not' }
  | { kind: 'word'; field: string | null; text: string; quoted: boolean };

function lex(input: string, hints: string[]): Lexeme[] {
  const out: Lexeme[] = [];
  let i = 0;
  const n = input.length;
  const isSpace = (c: string) => /\s/.test(c);
  while (i < n) {
    const c = input[i]!;
    if (isSpace(c)) i++;
    else if (c === '(' || c === ')') {
      out.push({ kind: c === '(' ? 'open' : 'close' });
      i++;
    } else if (c === '-' && i + 1 < n && !isSpace(input[i + 1]!) && input[i + 1] !== '-') {
      out.push({ kind: 'not' });
      i++;
    } else if (c === '"') {
      const close = input.indexOf('"', i + 1);
      if (close < 0) hints.push('A quote was not closed: the phrase runs to the end.');
      const end = close < 0 ? n : close;
      out.push({ kind: 'word', field: null, text: input.slice(i + 1, end), quoted: true });
      i = end + 1;
    } else {
      let end = i;
      while (end < n && !isSpace(input[end]!) && !'()"'.includes(input[end]!)) end++;
      const word = input.slice(i, end);
      i = end;
      if (word === 'AND' || word === 'OR' || word === 'NOT') {
        out.push({ kind: word.toLowerCase() as 'and' | 'or' | 'not' });
        continue;
      }
      const field = /^([A-Za-z]+):(.*)$/s.exec(word);
      if (field && !field[2]!.startsWith('//')) {
        let text = field[2]!;
        let quoted = false;
        if (!text && input[i] === '"') {
          const close = input.indexOf('"', i + 1);
          if (close < 0) hints.push('A quote was not closed: the phrase runs to the end.');
          const stop = close < 0 ? n : close;
          text = input.slice(i + 1, stop);
          quoted = true;
          i = stop + 1;
        }
        out.push({ kind: 'word', field: field[1]!.toLowerCase(), text, quoted });
      } else out.push({ kind: 'word', field: null, text: word, quoted: false });
    }
  }
  return out;
}

class Parser {
  private at = 0;
  private clauses = 0;
  /** How many NOTs the word being read is under: excluded words are not highlighted. */
  private negated = 0;
  readonly highlight: string[] = [];

  constructor(
    private readonly lexemes: Lexeme[],
    readonly hints: string[],
  ) {}

  parse(): QueryNode | null {
    const nodes: QueryNode[] = [];
    while (this.at < this.lexemes.length) {
      const node = this.or(0);
      if (node) nodes.push(node);
      // A stray ")" at the top level: skip it.
      else if (this.lexemes[this.at]?.kind === 'close') this.at++;
    }
    return combine('and', nodes);
  }

  private peek() {
    return this.lexemes[this.at];
  }

  private or(depth: number): QueryNode | null {
    const nodes: QueryNode[] = [];
    const first = this.and(depth);
    if (first) nodes.push(first);
    while (this.peek()?.kind === 'or') {
      this.at++;
      const next = this.and(depth);
      if (next) nodes.push(next);
    }
    return combine('or', nodes);
  }

  private and(depth: number): QueryNode | null {
    const nodes: QueryNode[] = [];
    for (let next = this.peek(); next && next.kind !== 'or' && next.kind !== 'close';) {
      if (next.kind === 'and') this.at++;
      else {
        const node = this.unary(depth);
        if (node) nodes.push(node);
      }
      next = this.peek();
    }
    return combine('and', nodes);
  }

  private unary(depth: number): QueryNode | null {
    const lexeme = this.lexemes[this.at++]!;
    if (lexeme.kind === 'not') {
      // A NOT right before ")" or OR has nothing to exclude: it must not swallow them.
      const next = this.peek()?.kind;
      this.negated++;
      const child = next && next !== 'close' && next !== 'or' ? this.unary(depth) : null;
      this.negated--;
      return child ? { type: 'not', child } : null;
    }
    if (lexeme.kind === 'open') {
      if (depth >= MAX_DEPTH) {
        this.hints.push('Parentheses nest too deep: the inner ones are ignored.');
        return null;
      }
      const node = this.or(depth + 1);
      if (this.peek()?.kind === 'close') this.at++;
      return node;
    }
    if (lexeme.kind !== 'word') return null;
    if (this.clauses >= MAX_CLAUSES) {
      if (this.clauses++ === MAX_CLAUSES) {
        this.hints.push(`Only the first ${MAX_CLAUSES} search terms are used.`);
      }
      return null;
    }
    const node = this.word(lexeme);
    if (node) this.clauses++;
    return node;
  }

  private word({ field, text, quoted }: Lexeme & { kind: 'word' }): QueryNode | null {
    if (field !== null && !(FIELDS as string[]).includes(field)) {
      this.hints.push(
        `There is no field “${field}:”, so it was searched as text. Fields: ${FIELDS.join(', ')}.`,
      );
      return this.text(`${field} ${text}`, quoted, null);
    }
    if (field === 'year') return this.year(text);
    if (field !== null && WHOLE_VALUE_FIELDS.has(field as Field)) {
      const prefix = !quoted && text.endsWith('*');
      const term = wholeValueTerm(field as Field, prefix ? text.slice(0, -1) : text);
      if (term === FIELD_PREFIX[field as Field]) return null;
      return { type: 'term', term, prefix };
    }
    return this.text(text, quoted, field as Field | null);
  }

  private text(text: string, quoted: boolean, field: Field | null): QueryNode | null {
    const prefix = !quoted && text.endsWith('*');
    const terms = tokenize(text);
    if (terms.length === 0) return null;
    if (!field && !this.negated) {
      // A phrase's last word is matched whole (phrases hold no prefixes), so it is marked whole.
      const last = terms[terms.length - 1]!;
      this.highlight.push(...terms.slice(0, -1), prefix && terms.length === 1 ? `${last}*` : last);
    }
    if (terms.length === 1) {
      const term = field ? FIELD_PREFIX[field] + terms[0] : terms[0]!;
      return { type: 'term', term, prefix };
    }
    // Several words in one field: each in that field (field terms keep no positions).
    if (field) {
      return combine(
        'and',
        terms.map((t) => ({ type: 'term', term: FIELD_PREFIX[field] + t, prefix: false })),
      );
    }
    return { type: 'phrase', terms };
  }

  private year(text: string): QueryNode | null {
    const match = YEAR_RE.exec(text.trim());
    if (!match || (!match[1] && !match[3])) {
      this.hints.push(`“year:${text}” is not a year: use year:2018 or year:2018..2020.`);
      return null;
    }
    const [, from, range, to] = match;
    const low = from ?? '1000';
    const high = range ? (to ?? '9999') : (from ?? to)!;
    const [a, b] = low <= high ? [low, high] : [high, low];
    return { type: 'range', from: FIELD_PREFIX.year + a, to: FIELD_PREFIX.year + b };
  }
}

function combine(type: 'and' | 'or', nodes: QueryNode[]): QueryNode | null {
  if (nodes.length === 0) return null;
  if (nodes.length === 1) return nodes[0]!;
  return { type, children: nodes };
}

/** Parses any string; never throws. */
export function parseQuery(input: string): ParsedQuery {
  const hints: string[] = [];
  let text = input;
  if (text.length > MAX_QUERY_CHARS) {
    hints.push(`The search is cut to its first ${MAX_QUERY_CHARS} characters.`);
    text = text.slice(0, MAX_QUERY_CHARS);
  }
  const parser = new Parser(lex(text, hints), hints);
  const node = parser.parse();
  if (!node && text.trim()) hints.push('Nothing to search for: type a word.');
  return { node, hints: [...new Set(hints)], highlight: [...new Set(parser.highlight)] };
}
