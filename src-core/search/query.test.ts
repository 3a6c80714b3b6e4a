import { describe, expect, it } from 'vitest';
import { FIELDS } from './fields.ts';
import { MAX_TERM_LENGTH } from './fold.ts';
import { MAX_CLAUSES, MAX_QUERY_CHARS, parseQuery, type QueryNode } from './query.ts';

const term = (t: string, prefix = false): QueryNode => ({ type: 'term', term: t, prefix });
const and = (...children: QueryNode[]): QueryNode => ({ type: 'and', children });
const or = (...children: QueryNode[]): QueryNode => ({ type: 'or', children });
const not = (child: QueryNode): QueryNode => ({ type: 'not', child });
const phrase = (...terms: string[]): QueryNode => ({ type: 'phrase', terms });
const range = (from: string, to: string): QueryNode => ({
  type: 'range',
  from: `ye:${from}`,
  to: `ye:${to}`,
});

const node = (input: string) => parseQuery(input).node;
const NOTHING = 'Nothing to search for: type a word.';

describe('words and operators', () => {
  it('plain words are all required (AND), folded', () => {
    expect(node('Taliban ISIS')).toEqual(and(term('taliban'), term('isis')));
    expect(node('Élysée')).toEqual(term('elysee'));
    expect(parseQuery('taliban isis').hints).toEqual([]);
  });

  it('OR gives either; AND binds tighter than OR', () => {
    expect(node('taliban OR isis')).toEqual(or(term('taliban'), term('isis')));
    expect(node('a OR b c')).toEqual(or(term('a'), and(term('b'), term('c'))));
  });

  it('the AND keyword is the same as a space', () => {
    expect(node('a AND b')).toEqual(node('a b'));
  });

  it('operators are upper case only: lower-case and/or/not are words', () => {
    expect(node('war and peace')).toEqual(and(term('war'), term('and'), term('peace')));
    expect(node('a or b')).toEqual(and(term('a'), term('or'), term('b')));
    expect(node('not b')).toEqual(and(term('not'), term('b')));
  });

  it('NOT and a leading minus exclude', () => {
    expect(node('a NOT b')).toEqual(and(term('a'), not(term('b'))));
    expect(node('a -b')).toEqual(and(term('a'), not(term('b'))));
    expect(node('-b')).toEqual(not(term('b')));
    expect(node('-"kabul government"')).toEqual(not(phrase('kabul', 'government')));
    expect(node('-tag:x')).toEqual(not(term('ta:x')));
  });

  it('a hyphen inside a word is not NOT: the word is a phrase of its parts', () => {
    expect(node('hit-and-run')).toEqual(phrase('hit', 'and', 'run'));
    expect(node('a - b')).toEqual(and(term('a'), term('b')));
    expect(node('--b')).toEqual(term('b'));
  });

  it('parentheses group', () => {
    expect(node('(a OR b) c')).toEqual(and(or(term('a'), term('b')), term('c')));
    expect(node('-(a OR b)')).toEqual(not(or(term('a'), term('b'))));
    expect(node('((a))')).toEqual(term('a'));
  });

  it('unbalanced parentheses still parse', () => {
    expect(node('(a')).toEqual(term('a'));
    expect(node('a)')).toEqual(term('a'));
    expect(node('(a OR b')).toEqual(or(term('a'), term('b')));
  });

  it('"quoted phrases" keep their words in order', () => {
    expect(node('"Kabul Government"')).toEqual(phrase('kabul', 'government'));
    expect(node('"single"')).toEqual(term('single'));
    expect(node('isis "kabul government"')).toEqual(
      and(term('isis'), phrase('kabul', 'government')),
    );
  });

  it('a trailing * is a prefix; inside quotes it is not', () => {
    expect(node('gov*')).toEqual(term('gov', true));
    expect(node('"gov*"')).toEqual(term('gov'));
  });
});

describe('fields', () => {
  it('author:, title: and site: are field terms of each word', () => {
    expect(node('author:Smith')).toEqual(term('au:smith'));
    expect(node('Author:Smith')).toEqual(term('au:smith'));
    expect(node('title:Afghanistan')).toEqual(term('ti:afghanistan'));
    expect(node('site:globalresearch.ca')).toEqual(and(term('si:globalresearch'), term('si:ca')));
    expect(node('author:"John Smith"')).toEqual(and(term('au:john'), term('au:smith')));
    expect(node('author:smith*')).toEqual(term('au:smith', true));
  });

  it('tag:, collection:, notice: and has: are whole-value terms', () => {
    expect(node('tag:"climate change"')).toEqual(term('ta:climate change'));
    expect(node('tag:"  Climate   Change "')).toEqual(term('ta:climate change'));
    expect(node('tag:Climate')).toEqual(term('ta:climate'));
    expect(node('tag:clim*')).toEqual(term('ta:clim', true));
    expect(node('tag:"clim*"')).toEqual(term('ta:clim*'));
    expect(node('collection:abc123')).toEqual(term('co:abc123'));
    expect(node('notice:fair-use')).toEqual(term('no:fair-use'));
    expect(node('has:notes')).toEqual(term('ha:notes'));
    expect(node('tag:Écologie')).toEqual(term('ta:ecologie'));
  });

  it('an unquoted tag value stops at the space: the next word is a plain word', () => {
    expect(node('tag:climate change')).toEqual(and(term('ta:climate'), term('change')));
  });

  it('year:2018 is a one-year range', () => {
    expect(node('year:2018')).toEqual(range('2018', '2018'));
  });

  it('year:2018..2020, year:..2010 and year:2018.. are ranges', () => {
    expect(node('year:2018..2020')).toEqual(range('2018', '2020'));
    expect(node('year:..2010')).toEqual(range('1000', '2010'));
    expect(node('year:2018..')).toEqual(range('2018', '9999'));
  });

  it('year:2020..2018 is swapped to 2018..2020', () => {
    expect(node('year:2020..2018')).toEqual(range('2018', '2020'));
  });

  it('fields combine with words and operators', () => {
    expect(node('isis author:smith -year:2018')).toEqual(
      and(term('isis'), term('au:smith'), not(range('2018', '2018'))),
    );
  });
});

describe('bad input', () => {
  it('an unclosed quote: a hint, and the phrase runs to the end', () => {
    const q = parseQuery('isis "kabul government');
    expect(q.node).toEqual(and(term('isis'), phrase('kabul', 'government')));
    expect(q.hints).toEqual(['A quote was not closed: the phrase runs to the end.']);
    expect(parseQuery('tag:"climate change').node).toEqual(term('ta:climate change'));
  });

  it('only stop-words is still a query (there is no stop list)', () => {
    const q = parseQuery('the of a');
    expect(q.node).toEqual(and(term('the'), term('of'), term('a')));
    expect(q.hints).toEqual([]);
  });

  it('a 10,000-character query is cut, with a hint', () => {
    const q = parseQuery('x'.repeat(10_000));
    expect(q.hints).toEqual([`The search is cut to its first ${MAX_QUERY_CHARS} characters.`]);
    expect(q.node).toEqual(term('x'.repeat(MAX_TERM_LENGTH)));
    const words = parseQuery('"kabul government" '.repeat(600));
    expect(words.hints[0]).toBe(`The search is cut to its first ${MAX_QUERY_CHARS} characters.`);
    expect(words.node?.type).toBe('and');
  });

  it(`only the first ${MAX_CLAUSES} terms are used, with one hint`, () => {
    const words = Array.from({ length: MAX_CLAUSES + 10 }, (_, i) => `w${i}`);
    const q = parseQuery(words.join(' '));
    expect(q.node).toEqual(and(...words.slice(0, MAX_CLAUSES).map((w) => term(w))));
    expect(q.hints).toEqual([`Only the first ${MAX_CLAUSES} search terms are used.`]);
  });

  it('regex-like characters do not throw: null with a hint when no word is left', () => {
    const q = parseQuery('.*+?^${}()|[]\\');
    expect(q.node).toBeNull();
    expect(q.hints).toEqual([NOTHING]);
    expect(node('a.*b')).toEqual(phrase('a', 'b'));
    expect(node('(a|b)[c]')).toEqual(and(phrase('a', 'b'), term('c')));
    expect(node('$HOME^2')).toEqual(phrase('home', '2'));
  });

  it('an unknown field (foo:bar) is searched as text, and the hint lists the fields', () => {
    const q = parseQuery('foo:bar');
    expect(q.node).toEqual(phrase('foo', 'bar'));
    expect(q.hints).toHaveLength(1);
    expect(q.hints[0]).toContain('foo:');
    for (const field of FIELDS) expect(q.hints[0]).toContain(field);
  });

  it('a URL is not a field', () => {
    const q = parseQuery('https://example.com/x');
    expect(q.node).toEqual(phrase('https', 'example', 'com', 'x'));
    expect(q.hints).toEqual([]);
  });

  it('year:abc and an empty year: give a hint and no node', () => {
    for (const input of ['year:abc', 'year:', 'year:20', 'year:..', 'year:2018-2020']) {
      const q = parseQuery(input);
      expect(q.node, input).toBeNull();
      expect(q.hints[0], input).toMatch(/is not a year/);
    }
    expect(node('isis year:abc')).toEqual(term('isis'));
  });

  it("'(' repeated 10,000 times: no stack overflow, no node, and each hint once", () => {
    const q = parseQuery('('.repeat(10_000));
    expect(q.node).toBeNull();
    expect(new Set(q.hints).size).toBe(q.hints.length);
    expect(q.hints).toContain('Parentheses nest too deep: the inner ones are ignored.');
  });

  it('deep parentheses around a word: the word is still searched', () => {
    const q = parseQuery(`${'('.repeat(400)}isis${')'.repeat(400)}`);
    expect(q.node).toEqual(term('isis'));
  });

  it("'NOT' alone, '-' alone, ')))' alone, 'AND', 'OR' and '*': null with a hint", () => {
    for (const input of ['NOT', '-', ')))', 'AND', 'OR', '*', 'tag:', '""']) {
      const q = parseQuery(input);
      expect(q.node, input).toBeNull();
      expect(q.hints, input).toContain(NOTHING);
    }
  });

  it('an empty or blank query is null and gives no hint', () => {
    expect(parseQuery('')).toEqual({ node: null, hints: [], highlight: [] });
    expect(parseQuery('   \n\t')).toEqual({ node: null, hints: [], highlight: [] });
  });

  it('dangling operators are dropped', () => {
    expect(node('a OR')).toEqual(term('a'));
    expect(node('OR a')).toEqual(term('a'));
    expect(node('a -')).toEqual(term('a'));
    expect(node('a NOT')).toEqual(term('a'));
  });

  it('a dangling NOT does not swallow the OR or the ")" after it', () => {
    expect(node('a NOT OR b')).toEqual(or(term('a'), term('b')));
    expect(node('(a OR b -) c')).toEqual(and(or(term('a'), term('b')), term('c')));
  });

  it('never throws on assorted junk', () => {
    const junk = ['"""', ':', 'a:', ':a', '-(', '-)', 'NOT (', '(((a OR', 'OR OR OR', '\u0000'];
    for (const input of junk) expect(() => parseQuery(input), input).not.toThrow();
  });
});

describe('highlight', () => {
  it('lists plain words and phrase words, prefixes with a *', () => {
    const q = parseQuery('isis gov* "kabul government" author:smith tag:x year:2018');
    expect(q.highlight).toEqual(['isis', 'gov*', 'kabul', 'government']);
  });

  it('lists each word once, folded', () => {
    expect(parseQuery('Élysée elysee ELYSEE').highlight).toEqual(['elysee']);
  });

  it('leaves out excluded words', () => {
    expect(parseQuery('isis -taliban NOT kabul -(iraq OR syria)').highlight).toEqual(['isis']);
  });

  it("a phrase's last word is marked whole (a phrase holds no prefix)", () => {
    const q = parseQuery('hit-and-r*');
    expect(q.node).toEqual(phrase('hit', 'and', 'r'));
    expect(q.highlight).toEqual(['hit', 'and', 'r']);
  });

  it('words of an unknown field are highlighted as text', () => {
    expect(parseQuery('foo:bar').highlight).toEqual(['foo', 'bar']);
  });
});
