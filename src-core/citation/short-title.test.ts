import { describe, expect, it } from 'vitest';
import { shortTitle } from './short-title.ts';

describe('shortTitle', () => {
  it.each([
    // The main title before a colon, whole when short.
    [
      'Coronavirus Disease 2019 (COVID-19): How to Protect Yourself and Others',
      'Coronavirus Disease 2019 (COVID-19)',
    ],
    ['The Double Helix: A Personal Account', 'The Double Helix'],
    // A question or exclamation keeps its mark: it is part of the title.
    ['Is Public Radio Worth Saving? A Look at the Numbers', 'Is Public Radio Worth Saving?'],
    ['Stop the Presses!', 'Stop the Presses!'],
    // Long main titles are cut after four words, never on a dangling function word.
    ['Why the Arctic Is Warming Faster than Anywhere Else on Earth', 'Why the Arctic Is Warming'],
    ['Why Dutch Cities Are Removing Thousands of Parking Spaces', 'Why Dutch Cities Are Removing'],
    ['Ten Years of Research in the Field of Climate', 'Ten Years of Research'],
    ['Notes on the Theory of Library Cataloguing in Africa', 'Notes on the Theory'],
    ['A Guide to the Birds of East Africa and the Islands', 'A Guide to the Birds'],
    // A one-word label before the colon is not the title.
    [
      'Video: Taliban Pushes Back Against ISIS Expansion in Afghanistan. Increased US Troops Deployed',
      'Video: Taliban Pushes Back',
    ],
    // A sentence break ends the main title; an abbreviation does not.
    ['Floods Return. Towns Prepare for the Worst', 'Floods Return'],
    ['U.S. Budget Talks Stall', 'U.S. Budget Talks Stall'],
    ['Short', 'Short'],
  ])('%s → %s', (title, short) => {
    expect(shortTitle(title)).toBe(short);
  });

  it('drops an initial article for Chicago', () => {
    expect(shortTitle('The Double Helix: A Personal Account', { dropArticle: true })).toBe(
      'Double Helix',
    );
    expect(shortTitle('A', { dropArticle: true })).toBe('A');
  });
});
