import { describe, expect, it } from 'vitest';
import { readFixture } from '../testing/fixtures.ts';
import { parseQuery } from './query.ts';
import { makeSnippet, type Snippet } from './snippet.ts';

/** The reference article's body paragraphs. */
function referenceBody(): string[] {
  const blocks = readFixture('000_bfa7ac14e5553cb7.txt')
    .split(/\n[ \t]*\n/)
    .map((b) => b.trim());
  const first = blocks.findIndex((b) => b.startsWith('ISIS has increased its efforts'));
  const last = blocks.findIndex((b) => b.startsWith('Russia, China and as well as'));
  return blocks.slice(first, last + 1);
}

const BODY = referenceBody();
const joined = (snippet: Snippet) => snippet.parts.map((p) => p.text).join('');
const marked = (snippet: Snippet) => snippet.parts.filter((p) => p.hit).map((p) => p.text);
/** The snippet for a query typed by a user, as the results list would ask for it. */
const forQuery = (texts: readonly string[], query: string, maxChars?: number) =>
  makeSnippet(texts, parseQuery(query).highlight, maxChars);

describe('choosing the paragraph', () => {
  it('picks the paragraph with the most distinct query words', () => {
    const snippet = forQuery(BODY, 'jawzjan taliban jihad')!;
    expect(BODY[snippet.index]).toMatch(/^The Taliban is actively combating ISIS/);
  });

  it('among equals, picks the one with more hits', () => {
    const texts = ['Kabul once.', 'Kabul, Kabul and Kabul again.', 'Kabul twice, Kabul.'];
    expect(forQuery(texts, 'kabul')!.index).toBe(1);
  });

  it('counts a prefix once however many words it matches', () => {
    const texts = [
      'The government and the governor discussed governance.',
      'The Taliban government said no.',
    ];
    expect(forQuery(texts, 'gov* taliban')!.index).toBe(1);
  });

  it('the first of several equally good paragraphs wins', () => {
    const texts = ['no match here', 'one kabul', 'two kabul'];
    expect(forQuery(texts, 'kabul')!.index).toBe(1);
  });
});

describe('parts', () => {
  it('the parts joined are the original text between the ellipses', () => {
    for (const query of ['isis', 'kabul government', 'trump', 'caliph*', 'sigar']) {
      const snippet = forQuery(BODY, query)!;
      const text = BODY[snippet.index]!;
      const body = joined(snippet);
      expect(text.includes(body), query).toBe(true);
      expect(snippet.before, query).toBe(!text.startsWith(body));
      expect(snippet.after, query).toBe(!text.endsWith(body));
    }
  });

  it('marks exactly the matching words, in their original spelling', () => {
    const snippet = forQuery(['The Taliban, the TALIBAN and Taliban-held areas.'], 'taliban')!;
    expect(snippet.parts).toEqual([
      { text: 'The ', hit: false },
      { text: 'Taliban', hit: true },
      { text: ', the ', hit: false },
      { text: 'TALIBAN', hit: true },
      { text: ' and ', hit: false },
      { text: 'Taliban', hit: true },
      { text: '-held areas.', hit: false },
    ]);
  });

  it('does not mark a word that only contains a query word', () => {
    const snippet = forQuery(['Talibans and the Taliban.'], 'taliban')!;
    expect(marked(snippet)).toEqual(['Taliban']);
  });

  it('has no empty text parts', () => {
    const snippet = forQuery(BODY, 'isis members')!;
    for (const part of snippet.parts) if (!part.hit) expect(part.text).not.toBe('');
  });

  it('prefix terms mark every word they start', () => {
    const snippet = forQuery(['The governor met the government; they govern.'], 'govern*')!;
    expect(marked(snippet)).toEqual(['governor', 'government', 'govern']);
  });

  it('marks the words of a phrase', () => {
    const snippet = forQuery(BODY, '"kabul government"')!;
    expect(marked(snippet).map((w) => w.toLowerCase())).toEqual(
      expect.arrayContaining(['kabul', 'government']),
    );
  });
});

describe('the window', () => {
  const long =
    'Lorem ipsum dolor sit amet, '.repeat(20) +
    'the Élysée palace ' +
    'consectetur adipiscing elit '.repeat(20);

  it('a hit deep in a long paragraph: text left out before and after', () => {
    const snippet = forQuery([long], 'elysee', 120)!;
    expect(snippet.before).toBe(true);
    expect(snippet.after).toBe(true);
    expect(marked(snippet)).toEqual(['Élysée']);
    expect(joined(snippet).length).toBeLessThanOrEqual(120 + 20);
  });

  it('the window starts and ends on word boundaries', () => {
    const snippet = forQuery([long], 'elysee', 120)!;
    const text = joined(snippet);
    const start = long.indexOf(text);
    expect(start).toBeGreaterThan(0);
    expect(long[start - 1]).toBe(' ');
    expect(long[start + text.length]).toBe(' ');
  });

  it('a hit at the start: nothing left out before', () => {
    const snippet = forQuery(['Élysée ' + 'word '.repeat(100)], 'elysee')!;
    expect(snippet.before).toBe(false);
    expect(snippet.after).toBe(true);
  });

  it('a short paragraph is shown whole', () => {
    const snippet = forQuery(['A short note on ISIS.'], 'isis')!;
    expect(snippet).toEqual({
      index: 0,
      parts: [
        { text: 'A short note on ', hit: false },
        { text: 'ISIS', hit: true },
        { text: '.', hit: false },
      ],
      before: false,
      after: false,
    });
  });

  it('hits outside the window are not marked and the text stays whole', () => {
    const text = 'isis ' + 'filler '.repeat(100) + 'isis';
    const snippet = forQuery([text], 'isis', 50)!;
    expect(marked(snippet)).toEqual(['isis']);
    expect(snippet.after).toBe(true);
    expect(text.startsWith(joined(snippet))).toBe(true);
  });
});

describe('no snippet', () => {
  it('null when no text holds a query word', () => {
    expect(forQuery(BODY, 'zeppelin')).toBeNull();
  });

  it('null with no query words or no texts', () => {
    expect(makeSnippet(BODY, [])).toBeNull();
    expect(makeSnippet([], ['isis'])).toBeNull();
    expect(makeSnippet(['', ''], ['isis'])).toBeNull();
  });

  it('excluded words do not make a snippet', () => {
    expect(forQuery(BODY, 'zeppelin -taliban')).toBeNull();
  });
});

describe('folding', () => {
  it("query 'elysee' marks 'Élysée' in the original text", () => {
    const snippet = forQuery(['Le président est à l’Élysée ce soir.'], 'elysee')!;
    expect(marked(snippet)).toEqual(['Élysée']);
    expect(joined(snippet)).toBe('Le président est à l’Élysée ce soir.');
  });

  it('an accented query marks unaccented and decomposed text', () => {
    const snippet = forQuery(['ELYSEE and E\u0301lyse\u0301e'], 'Élysée')!;
    expect(marked(snippet)).toEqual(['ELYSEE', 'E\u0301lyse\u0301e']);
  });

  it('ß in the text matches ss in the query', () => {
    expect(marked(forQuery(['Die Straße'], 'strasse')!)).toEqual(['Straße']);
  });
});
