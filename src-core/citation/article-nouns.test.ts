import { describe, expect, it } from 'vitest';
import {
  articleProperNouns,
  paragraphsAbout,
  titleWords,
  withMetadataNames,
  withoutOwnTitle,
} from './article-nouns.ts';
import { toSentenceCase } from './sentence-case.ts';

describe('articleProperNouns', () => {
  it('knows place names the body never mentions', () => {
    const nouns = articleProperNouns(['The central bank kept rates unchanged on Thursday.']);
    expect(toSentenceCase('What Comes Next for Europe and the Middle East?', nouns)).toBe(
      'What comes next for Europe and the Middle East?',
    );
  });

  it('keeps a place inside a longer name, but not the rest of that name', () => {
    const nouns = articleProperNouns([
      'According to the Special Inspector General for Afghanistan Reconstruction, aid fell.',
    ]);
    expect(toSentenceCase('Afghanistan Reconstruction Stalls', nouns)).toBe(
      'Afghanistan reconstruction stalls',
    );
    expect(
      toSentenceCase('Special Inspector General for Afghanistan Reconstruction Reports', nouns),
    ).toBe('Special Inspector General for Afghanistan Reconstruction reports');
  });

  it('drops a lexicon phrase only when the body writes the whole phrase in lower case', () => {
    const lower = articleProperNouns(['Rain fell on the middle east of the county all week.']);
    expect(toSentenceCase('Storms Hit the Middle East', lower)).toBe('Storms hit the middle east');
    const words = articleProperNouns(['The middle lane was closed; east of town it was open.']);
    expect(toSentenceCase('Storms Hit the Middle East', words)).toBe('Storms hit the Middle East');
  });

  it('keeps the lexicon when the metadata adds names', () => {
    const nouns = withMetadataNames(articleProperNouns(['Roast the turkey slowly.']), {
      csl: { id: 'x', type: 'webpage', author: [{ literal: 'Food Desk' }] },
      originalSource: null,
      body: [],
    });
    expect(toSentenceCase('Food Desk Visits Europe to Roast a Turkey', nouns)).toBe(
      'Food Desk visits Europe to roast a turkey',
    );
  });

  it('drops a lexicon name the body writes in lower case', () => {
    const nouns = articleProperNouns(['Roast the turkey for three hours at a low heat.']);
    expect(toSentenceCase('How to Roast a Turkey', nouns)).toBe('How to roast a turkey');
  });
});

describe('withMetadataNames', () => {
  it('keeps the names of authors and the site in the title', () => {
    const article = {
      csl: {
        id: 'x',
        type: 'webpage',
        author: [{ literal: 'Human Rights Watch' }],
        'container-title': 'Global Research',
      },
      originalSource: null,
      body: [],
    };
    const nouns = withMetadataNames(new Set(), article);
    expect(
      toSentenceCase('Human Rights Watch Report Cited by Global Research Editors', nouns),
    ).toBe('Human Rights Watch report cited by Global Research editors');
  });
});

describe('withoutOwnTitle', () => {
  const body = [
    'Fear and Trembling was published in 1843.',
    'In Fear and Trembling, Abraham waits.',
  ];

  it('reads a book’s own title in its description as "it", longest form first', () => {
    expect(withoutOwnTitle(body, 'Fear and Trembling', 'book')).toEqual([
      'it was published in 1843.',
      'In it, Abraham waits.',
    ]);
    expect(
      withoutOwnTitle(['The Second Sex: A Study is long.'], 'The Second Sex: A Study', 'book'),
    ).toEqual(['it is long.']);
  });

  it('leaves web pages alone: a page titled with a name is about that name', () => {
    expect(withoutOwnTitle(['Barack Obama was born in 1961.'], 'Barack Obama', 'webpage')).toEqual([
      'Barack Obama was born in 1961.',
    ]);
  });

  it('leaves one-word titles alone', () => {
    expect(withoutOwnTitle(['Dune is long.'], 'Dune', 'book')).toEqual(['Dune is long.']);
  });
});

describe('paragraphsAbout', () => {
  it('keeps the paragraphs that contain a word of a title, whatever its case', () => {
    const body = [
      'Donald Trump signed the order on Monday.',
      'Markets were calm.',
      'The TRUMP administration said more would follow.',
      'Of the rest, nothing is known.',
    ];
    expect(paragraphsAbout(body, titleWords(['Trump Signs Order', undefined]))).toEqual([
      body[0],
      body[2],
    ]);
  });

  it('does not keep a paragraph for a function word of the title alone', () => {
    expect(
      paragraphsAbout(['Of the rest, nothing is known.'], titleWords(['The State of the Art'])),
    ).toEqual([]);
  });

  it('matches whole words only: "order" is not found in "border" or "orderly"', () => {
    const body = ['The border was quiet.', 'An orderly crowd.', 'The order (signed) stands.'];
    expect(paragraphsAbout(body, titleWords(['Order']))).toEqual([body[2]]);
  });

  it('reads relevant paragraphs only up to its budget of characters, in order', () => {
    const body = Array.from({ length: 50 }, (_, i) => `Paragraph ${i} names Trump once.`);
    const found = paragraphsAbout(body, titleWords(['Trump']), 100);
    expect(found).toEqual(body.slice(0, 4));
  });

  it('searches only the first characters of a very long body', () => {
    const filler = Array.from({ length: 40 }, () => 'Nothing about the title here at all.');
    const body = [...filler, 'Trump is named only late.'];
    expect(paragraphsAbout(body, titleWords(['Trump']), 1000, 500)).toEqual([]);
    expect(paragraphsAbout(body, titleWords(['Trump']), 1000, 10_000)).toEqual([body.at(-1)]);
  });
});
