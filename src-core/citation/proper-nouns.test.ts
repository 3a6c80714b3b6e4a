import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { indexProperNouns, learnProperNouns } from './proper-nouns.ts';
import { toSentenceCase } from './sentence-case.ts';

/** The 15 body paragraphs of the reference article (acceptance README, paraRule). */
function referenceBody(): string[] {
  const text = readFileSync(
    new URL('../test-fixtures/000_bfa7ac14e5553cb7.txt', import.meta.url),
    'utf8',
  );
  const blocks = text.split(/\n[ \t]*\n/).map((b) => b.trim());
  const first = blocks.findIndex((b) => b.startsWith('ISIS has increased its efforts'));
  const last = blocks.findIndex((b) => b.startsWith('Russia, China and as well as'));
  return blocks.slice(first, last + 1);
}

describe('learnProperNouns', () => {
  it('learns the reference article’s names, not its common words', () => {
    const body = referenceBody();
    expect(body).toHaveLength(15);
    const nouns = learnProperNouns(body);
    for (const noun of [
      'Taliban',
      'Afghanistan',
      'ISIS',
      'US',
      'Kabul',
      'SIGAR',
      'Trump',
      'Syria',
    ]) {
      expect(nouns, noun).toContain(noun);
    }
    for (const phrase of ['Middle East', 'Voice of Jihad', 'Donald Trump']) {
      expect(nouns, phrase).toContain(phrase);
    }
    // Title words that are common words in this body, or only ever start a sentence.
    for (const word of [
      'Increased',
      'Troops',
      'Deployed',
      'Expansion',
      'Pushes',
      'However',
      'The',
    ]) {
      expect(nouns, word).not.toContain(word);
    }
    // Heads of multi-word names are modifiers, kept only through their phrase.
    expect(nouns).not.toContain('Special');
    expect(nouns).not.toContain('Middle');
  });

  it('needs a capital away from the start of a sentence', () => {
    expect([...learnProperNouns(['Increased pressure followed. Troops arrived!'])]).toEqual([]);
    expect(learnProperNouns(['Fighting resumed near Kabul.'])).toEqual(new Set(['Kabul']));
  });

  it('rejects a word that also appears in lower case', () => {
    const nouns = learnProperNouns(['Reports say the Front advanced.', 'The front line moved.']);
    expect(nouns).not.toContain('Front');
  });

  it('keeps the acronym "US" apart from the pronoun "us"', () => {
    const nouns = learnProperNouns(['They told us that the US would leave.']);
    expect(nouns).toContain('US');
  });

  it('reads possessives, hyphenated words and curly apostrophes', () => {
    const nouns = learnProperNouns([
      'They met in Kabul’s centre with US-backed and anti-American men.',
    ]);
    expect(nouns).toEqual(new Set(['Kabul', 'US', 'American']));
  });

  it('does not treat a colon, a title abbreviation or an initial as a sentence start', () => {
    const nouns = learnProperNouns([
      'Note: Washington refused. Then Dr. Smith and John F. Kennedy met.',
    ]);
    expect(nouns).not.toContain('Washington');
    expect(nouns).toContain('Smith');
    expect(nouns).toContain('Kennedy');
  });

  it('ignores title-case headings inside the body', () => {
    const nouns = learnProperNouns([
      'Increased US Troops Deployed Across Afghanistan',
      'It rained.',
    ]);
    expect(nouns.size).toBe(0);
  });

  it('learns multi-word names whose words are also common words', () => {
    const nouns = learnProperNouns([
      'Leaders of the Middle East met in New York.',
      'The middle class grew in the new economy.',
    ]);
    expect(nouns).toContain('Middle East');
    expect(nouns).toContain('New York');
    expect(nouns).not.toContain('Middle');
    expect(nouns).not.toContain('New');
  });

  it('returns an empty set for an empty body', () => {
    expect(learnProperNouns([])).toEqual(new Set());
    expect(learnProperNouns([''])).toEqual(new Set());
  });

  it('learns a run of capitalised words whole, not its parts or sub-runs', () => {
    const nouns = learnProperNouns([
      'A spokesperson for the National Public Radio Foundation said cuts were coming.',
    ]);
    // The name without its class noun is a name too; "Public Radio" and "Public" are not.
    expect(nouns).toEqual(new Set(['National Public Radio Foundation', 'National Public Radio']));
  });

  it('knows a name ending in a class noun without it, unless the body writes it in lower case', () => {
    const nouns = learnProperNouns([
      'When Xi Jinping announced the Belt and Road Initiative in Astana, trade grew.',
      'A report by Human Rights Watch said human rights abuses rose, the New York Times wrote.',
    ]);
    expect(nouns).toContain('Belt and Road Initiative');
    expect(nouns).toContain('Belt and Road');
    expect(nouns).toContain('New York');
    expect(nouns).not.toContain('Human Rights');
    // "and" inside such a name does not make a list of names.
    expect(nouns).not.toContain('Belt');
    expect(nouns).not.toContain('Road Initiative');
  });

  it('learns a sub-run the body also writes on its own', () => {
    const nouns = learnProperNouns([
      'A spokesperson for the National Public Radio Foundation said cuts were coming.',
      'Listeners of Public Radio in rural areas complained.',
    ]);
    expect(nouns).toContain('Public Radio');
    expect(nouns).not.toContain('Public');
    expect(nouns).not.toContain('Radio');
  });

  it('learns the surname of a person’s name, once, anywhere in the sentence', () => {
    for (const sentence of [
      'Donald Trump said the order was ready.',
      'Officials said that Donald Trump would sign it.',
      'The order was signed by President Donald Trump on Monday.',
      'Officials said President Trump would sign it.',
      'The order was signed by US President Donald Trump.',
    ]) {
      const nouns = learnProperNouns([sentence]);
      expect(nouns, sentence).toContain('Trump');
      expect(nouns, sentence).not.toContain('Donald');
      expect(nouns, sentence).not.toContain('President');
    }
    expect(learnProperNouns(['It was composed by Ludwig van Beethoven in Vienna.'])).toContain(
      'Beethoven',
    );
  });

  it('keeps the person’s name inside a longer run as a phrase of its own', () => {
    const nouns = learnProperNouns(['Later Secretary of State Mike Pompeo met them.']);
    expect(nouns).toContain('Mike Pompeo');
    expect(nouns).toContain('Pompeo');
    expect(nouns).toContain('Secretary of State Mike Pompeo');
  });

  it('does not read organisations, places and events as people', () => {
    const nouns = learnProperNouns([
      'Veterans of the Cold War met at the White House and the Human Rights Watch office.',
      'Delegates flew in from New York and the Middle East to attend the Islamic State trial.',
      'She had worked for the Special Inspector General before.',
    ]);
    for (const word of ['War', 'House', 'Watch', 'York', 'East', 'State', 'General']) {
      expect(nouns, word).not.toContain(word);
    }
    for (const phrase of ['Cold War', 'White House', 'Human Rights Watch', 'New York']) {
      expect(nouns, phrase).toContain(phrase);
    }
  });

  it('does not take a surname the body also writes in lower case', () => {
    const nouns = learnProperNouns([
      'The talks were led by Prime Minister Theresa May in London.',
      'Observers said the deal may still fail.',
    ]);
    expect(nouns).toContain('Theresa May');
    expect(nouns).not.toContain('May');
  });

  it('reads names joined by "and" one by one, and keeps "of" names whole', () => {
    const nouns = learnProperNouns([
      'Fighters fled to Syria and Iraq after talks between Donald Trump and Vladimir Putin.',
      'Funding from the Department of Health and Human Services fell.',
    ]);
    for (const noun of ['Syria', 'Iraq', 'Trump', 'Putin', 'Donald Trump', 'Vladimir Putin']) {
      expect(nouns, noun).toContain(noun);
    }
    expect(nouns).toContain('Department of Health and Human Services');
    expect(nouns).not.toContain('Human Services');
    expect(nouns).not.toContain('Health');
  });

  it('does not learn the word after a sentence-initial head as a name on its own', () => {
    // "Public" may belong to the name, so "Radio" is not a name alone; the run itself is one.
    const nouns = learnProperNouns(['Public Radio is in trouble, the report said.']);
    expect(nouns).toEqual(new Set(['Public Radio']));
    // A function word opening the sentence is not part of the name after it.
    expect(learnProperNouns(['The Taliban said so.'])).toEqual(new Set(['Taliban']));
    expect(learnProperNouns(['When Kabul fell, aid stopped.'])).toEqual(new Set(['Kabul']));
  });

  it('keeps acronyms found inside a run', () => {
    const nouns = learnProperNouns(['The FBI Director James Comey testified.']);
    expect(nouns).toContain('FBI');
    expect(nouns).toContain('Comey');
  });
});

describe('indexProperNouns', () => {
  it('finds single words by lower case and phrases by their words', () => {
    const index = indexProperNouns(new Set(['Kabul', 'AFGHANISTAN', 'Afghanistan', 'Middle East']));
    expect(index.word('KABUL')).toBe('Kabul');
    expect(index.word('afghanistan')).toBe('Afghanistan');
    expect(index.phrase('middle east')).toEqual(['Middle', 'East']);
    expect(index.phrase('middle')).toBeUndefined();
    expect(index.longestPhrase).toBe(2);
    expect(indexProperNouns(new Set()).longestPhrase).toBe(0);
  });
});

describe('learnProperNouns about some words', () => {
  const body = [
    'Donald Trump said on Monday that the National Public Radio Foundation would lose funding. Markets in New York were calm. The public radio network said nothing.',
    'Officials in Kabul met the Taliban. Later, Trump spoke again.',
  ];

  it('learns the same about those words as from the whole text', () => {
    const about = new Set(['trump', 'public', 'radio', 'funding']);
    const full = learnProperNouns(body);
    const part = learnProperNouns(body, about);
    for (const title of ['Trump Cuts Public Radio Funding', 'Why Public Radio Matters to Trump']) {
      expect(toSentenceCase(title, part)).toBe(toSentenceCase(title, full));
    }
    expect(toSentenceCase('Trump Cuts Public Radio Funding', part)).toBe(
      'Trump cuts public radio funding',
    );
  });

  it('reads only the sentences that mention them', () => {
    const part = learnProperNouns(body, new Set(['trump']));
    expect(part.has('Kabul')).toBe(false);
    expect(learnProperNouns(body).has('Kabul')).toBe(true);
  });
});
