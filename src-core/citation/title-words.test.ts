import { describe, expect, it } from 'vitest';
import { analyseTitle } from './title-words.ts';

/** The words of a title whose spelling analyseTitle settled, as written. */
function fixedWords(title: string, nouns: Iterable<string>): string[] {
  const { words, parts } = analyseTitle(title, new Set(nouns));
  return words
    .map((_, i) => parts[i] ?? [])
    .filter((p) => p.length === 1 && p[0]?.fixed)
    .map((p) => p[0]?.text ?? '');
}

describe('analyseTitle: learned multi-word names', () => {
  it('marks the longest learned name', () => {
    const nouns = ['New York', 'New York Times'];
    expect(fixedWords('The New York Times Reports', nouns)).toEqual(['New', 'York', 'Times']);
    expect(fixedWords('The New York Story', nouns)).toEqual(['New', 'York']);
  });

  it('allows a possessive and punctuation only after the last word of the name', () => {
    const nouns = ['Middle East'];
    expect(fixedWords('The Middle East’s Future', nouns)).toEqual(['Middle', 'East’s']);
    expect(fixedWords('In the Middle East: A Timeline', nouns)).toEqual(['Middle', 'East']);
    expect(fixedWords('In the Middle, East of Eden', nouns)).toEqual([]);
    expect(fixedWords('In the Middle’s East', nouns)).toEqual([]);
  });

  it('needs the name’s capitals in the title unless the title has no case', () => {
    const nouns = ['Middle East'];
    expect(fixedWords('Notes on the middle east peace', nouns)).toEqual([]);
    expect(fixedWords('NOTES ON THE MIDDLE EAST', nouns)).toEqual(['Middle', 'East']);
  });

  it('does not match a name that only starts the same way', () => {
    const nouns = ['National Public Radio Foundation'];
    expect(fixedWords('Why Public Radio Funding Cuts Matter', nouns)).toEqual([]);
    expect(fixedWords('National Public Radio Foundation Cuts', nouns)).toEqual([
      'National',
      'Public',
      'Radio',
      'Foundation',
    ]);
  });

  it('keeps domains, dotted abbreviations and the pronoun I as written', () => {
    expect(fixedWords('Read globalresearch.ca and e.g. What I Think', [])).toEqual([
      'globalresearch.ca',
      'e.g',
      'I',
    ]);
  });

  it('finds the one name among many that start with the same word', () => {
    const nouns = Array.from({ length: 20_000 }, (_, i) => `Aa Name${i}`);
    const title = 'Aa '.repeat(2_000) + 'Aa Name19999';
    expect(fixedWords(title, nouns)).toEqual(['Aa', 'Name19999']);
  });
});
