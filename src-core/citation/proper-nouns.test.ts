import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { learnProperNouns } from './proper-nouns.ts';

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
});
