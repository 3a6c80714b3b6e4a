import { describe, expect, it } from 'vitest';
import { foldText, forEachToken, MAX_TERM_LENGTH, tokenize } from './fold.ts';

/** Every token of `text` with its range. */
function tokens(text: string): { term: string; start: number; end: number }[] {
  const out: { term: string; start: number; end: number }[] = [];
  forEachToken(text, (term, start, end) => out.push({ term, start, end }));
  return out;
}

describe('case and diacritics folding', () => {
  it('Élysée, ELYSEE, elysee and Elysée are one term', () => {
    expect(tokenize('Élysée ELYSEE elysee Elysée ÉLYSÉE')).toEqual([
      'elysee',
      'elysee',
      'elysee',
      'elysee',
      'elysee',
    ]);
  });

  it('decomposed (NFD) and composed (NFC) spellings fold to the same term', () => {
    const nfd = 'E\u0301lyse\u0301e';
    expect(nfd).not.toBe('Élysée');
    expect(tokenize(nfd)).toEqual(['elysee']);
  });

  it('letters Unicode does not decompose are spelled out: ß→ss, æ→ae, œ→oe, ø→o, ł→l', () => {
    expect(tokenize('Straße')).toEqual(['strasse']);
    expect(tokenize('STRASSE')).toEqual(['strasse']);
    expect(tokenize('Æsir encyclopædia')).toEqual(['aesir', 'encyclopaedia']);
    expect(tokenize('Œuvre cœur')).toEqual(['oeuvre', 'coeur']);
    expect(tokenize('Øresund søren')).toEqual(['oresund', 'soren']);
    expect(tokenize('Łódź Wałęsa')).toEqual(['lodz', 'walesa']);
    expect(tokenize('Đorđe þorn Ðóra ħaġar')).toEqual(['dorde', 'thorn', 'dora', 'hagar']);
  });

  it('the capital sharp s (ẞ) and the dotted capital I (İ) fold too', () => {
    expect(tokenize('GROẞ İstanbul')).toEqual(['gross', 'istanbul']);
  });

  it('compatibility forms fold: ligatures, full-width letters, superscript digits', () => {
    expect(tokenize('ﬁsh ＡＢＣ x²')).toEqual(['fish', 'abc', 'x2']);
  });

  it('foldText folds a whole string and keeps its spaces and punctuation', () => {
    expect(foldText('Le Président, à l’Élysée')).toBe('le president, a l’elysee');
  });

  it('ASCII words are only lower-cased', () => {
    expect(tokenize('ISIS Taliban US-backed')).toEqual(['isis', 'taliban', 'us', 'backed']);
  });
});

describe('word boundaries', () => {
  it('CJK text gives one term per character', () => {
    expect(tokenize('中华人民共和国')).toEqual(['中', '华', '人', '民', '共', '和', '国']);
    expect(tokenize('ひらかなカタカナ')).toEqual(['ひ', 'ら', 'か', 'な', 'カ', 'タ', 'カ', 'ナ']);
  });

  it('the kana voicing mark is folded like an accent: が and か are one term', () => {
    // NFKD splits が into か + U+3099, a combining mark, which folding strips.
    expect(tokenize('が ガ')).toEqual(['か', 'カ']);
  });

  it('CJK characters right after a Latin word are still one term each', () => {
    expect(tokenize('iPhone手机')).toEqual(['iphone', '手', '机']);
    expect(tokenize('中文abc')).toEqual(['中', '文', 'abc']);
  });

  it('Korean (spaced) words stay whole', () => {
    expect(tokenize('한국어 문장')).toHaveLength(2);
  });

  it('punctuation, apostrophes and hyphens split words', () => {
    expect(tokenize("the group's self-proclaimed caliphate")).toEqual([
      'the',
      'group',
      's',
      'self',
      'proclaimed',
      'caliphate',
    ]);
    expect(tokenize('Afghanistan’s hit-and-run (SIGAR), 56-57%')).toEqual([
      'afghanistan',
      's',
      'hit',
      'and',
      'run',
      'sigar',
      '56',
      '57',
    ]);
    expect(tokenize('southfront@list.ru https://www.patreon.com/southfront')).toEqual([
      'southfront',
      'list',
      'ru',
      'https',
      'www',
      'patreon',
      'com',
      'southfront',
    ]);
  });

  it('digits are words; a thousands separator splits them', () => {
    expect(tokenize('3,000-5,000 members in 2018')).toEqual([
      '3',
      '000',
      '5',
      '000',
      'members',
      'in',
      '2018',
    ]);
  });

  it('empty text and text of punctuation only give no terms', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize(' .,;:!?-–—“”"\'()[]{}*/\\ ')).toEqual([]);
  });

  it('combining marks with no letter before them are not words', () => {
    expect(tokenize('\u0301\u0301 abc')).toEqual(['abc']);
  });

  it('forEachToken can be called again (and re-entered) after a previous call', () => {
    const seen: string[] = [];
    forEachToken('one two', (term) => {
      seen.push(term);
      if (term === 'one') seen.push(...tokenize('inner words'));
    });
    // A nested call shares nothing with the outer one's position in its text.
    expect(seen).toContain('one');
    expect(seen).toContain('inner');
    expect(tokenize('three four')).toEqual(['three', 'four']);
  });
});

describe('offsets', () => {
  it('text.slice(start, end) is the original word, case and accents kept', () => {
    const text = 'Le président Macron, à l’Élysée — ISIS’s “allies”: Øresund 中文.';
    const found = tokens(text);
    expect(found.map(({ start, end }) => text.slice(start, end))).toEqual([
      'Le',
      'président',
      'Macron',
      'à',
      'l',
      'Élysée',
      'ISIS',
      's',
      'allies',
      'Øresund',
      '中',
      '文',
    ]);
    for (const { term, start, end } of found) {
      expect(tokenize(text.slice(start, end))).toEqual([term]);
    }
  });

  it('offsets cover decomposed accents (a word with combining marks is one range)', () => {
    const text = 'x E\u0301lyse\u0301e y';
    const found = tokens(text);
    expect(found[1]).toEqual({ term: 'elysee', start: 2, end: 10 });
    expect(text.slice(2, 10)).toBe('E\u0301lyse\u0301e');
  });

  it('offsets of astral characters (surrogate pairs) cover both halves', () => {
    const text = 'a 𝐀𝐁 b';
    const found = tokens(text);
    expect(found.map(({ start, end }) => text.slice(start, end))).toEqual(['a', '𝐀𝐁', 'b']);
    expect(found[1]!.term).toBe('ab');
  });

  it('offsets are ascending and never overlap', () => {
    const found = tokens('The Taliban is actively combating ISIS. On August 1, the movement…');
    for (let i = 1; i < found.length; i++) {
      expect(found[i]!.start).toBeGreaterThanOrEqual(found[i - 1]!.end);
    }
  });
});

describe('overlong words', () => {
  it(`a word longer than MAX_TERM_LENGTH (${MAX_TERM_LENGTH}) is cut, not dropped`, () => {
    const hash = 'a'.repeat(30) + 'b'.repeat(40);
    const [term] = tokenize(hash);
    expect(term).toBe('a'.repeat(30) + 'b'.repeat(MAX_TERM_LENGTH - 30));
    expect(term).toHaveLength(MAX_TERM_LENGTH);
  });

  it('the cut term still reports the whole word as its range', () => {
    const word = 'x'.repeat(100);
    const found = tokens(`see ${word} here`);
    expect(found[1]).toEqual({ term: 'x'.repeat(MAX_TERM_LENGTH), start: 4, end: 104 });
  });

  it('a word of exactly MAX_TERM_LENGTH is kept whole', () => {
    const word = 'Q'.repeat(MAX_TERM_LENGTH);
    expect(tokenize(word)).toEqual(['q'.repeat(MAX_TERM_LENGTH)]);
  });

  it('two long words that share their first MAX_TERM_LENGTH letters are one term', () => {
    const stem = 'k'.repeat(MAX_TERM_LENGTH);
    expect(tokenize(`${stem}one ${stem}two`)).toEqual([stem, stem]);
  });

  it('an overlong accented word is cut then folded', () => {
    const [term] = tokenize('É'.repeat(100));
    expect(term).toBe('e'.repeat(MAX_TERM_LENGTH));
  });
});

describe('linear time on 1 MB pathological input', () => {
  const MB = 1_000_000;

  it('a million combining marks after one letter: one term', () => {
    expect(tokenize('a' + '\u0301'.repeat(MB))).toEqual(['a']);
  });

  it('a million combining marks with no letter: no term', () => {
    expect(tokenize('\u0301'.repeat(MB))).toEqual([]);
  });

  it("'a-' repeated 500,000 times: 500,000 one-letter terms", () => {
    const terms = tokenize('a-'.repeat(MB / 2));
    expect(terms).toHaveLength(MB / 2);
    expect(terms.every((t) => t === 'a')).toBe(true);
  });

  it('one 1 MB word: one term of MAX_TERM_LENGTH', () => {
    expect(tokenize('é'.repeat(MB))).toEqual(['e'.repeat(MAX_TERM_LENGTH)]);
  });

  it('alternating Latin and CJK characters: every character a term', () => {
    const terms = tokenize('a中'.repeat(MB / 2));
    expect(terms).toHaveLength(MB);
  });

  it('foldText of 1 MB of accented text keeps its length', () => {
    expect(foldText('é'.repeat(MB))).toHaveLength(MB);
  });
});
