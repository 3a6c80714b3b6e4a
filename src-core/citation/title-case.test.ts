import { describe, expect, it } from 'vitest';
import { toApaTitleCase, toMlaTitleCase } from './title-case.ts';

describe('toMlaTitleCase (MLA 9 title case)', () => {
  const cases: [string, string][] = [
    // The page capitalises the preposition "Against"; MLA lowercases every preposition.
    [
      'Video: Taliban Pushes Back Against ISIS Expansion in Afghanistan. Increased US Troops Deployed',
      'Video: Taliban Pushes Back against ISIS Expansion in Afghanistan. Increased US Troops Deployed',
    ],
    ['War Between the States', 'War between the States'],
    ['Notes Toward a Supreme Fiction', 'Notes toward a Supreme Fiction'],
    ['A Room With a View', 'A Room with a View'],
    ['Gone With The Wind', 'Gone with the Wind'],
    [
      'Increased US Troops Deployed Over the Summer',
      'Increased US Troops Deployed over the Summer',
    ],
    ['Afghanistan Since the Invasion', 'Afghanistan since the Invasion'],
    ['Trump vs. Clinton', 'Trump vs. Clinton'],
    ['Life After Death', 'Life after Death'],
    ['A Man Like Him', 'A Man like Him'],
    // First word, last word and first word of a subtitle are always capitalised.
    ['Of Mice and Men', 'Of Mice and Men'],
    ['Something to Believe in', 'Something to Believe In'],
    ['What It Is Made of: a study of materials', 'What It Is Made Of: A Study of Materials'],
    ['afghanistan: peace or war?', 'Afghanistan: Peace or War?'],
    ['Up in the Air', 'Up in the Air'],
    // Coordinating conjunctions and the "to" of infinitives.
    ['How To Win Friends And Influence People', 'How to Win Friends and Influence People'],
    ['So Long, And Thanks For All The Fish', 'So Long, and Thanks for All the Fish'],
    // Particles acting on their verb are principal words.
    ['Giving Up on Love', 'Giving Up on Love'],
    ['Log In to Your Account', 'Log In to Your Account'],
    ['Shut down, lock out', 'Shut Down, Lock Out'],
    ['Get Out of Town', 'Get Out of Town'],
    // Before a noun phrase a particle reads as a preposition (documented limitation).
    ['Turn Off the Lights', 'Turn off the Lights'],
    // A determiner makes a preposition a noun or adjective; a clause makes it a conjunction.
    ['The Inside Story of the War', 'The Inside Story of the War'],
    ['The Past Is Never Dead', 'The Past Is Never Dead'],
    ['Walking Past the Cemetery', 'Walking past the Cemetery'],
    ['What Happened After We Left', 'What Happened After We Left'],
    ['Why We Like Cats', 'Why We Like Cats'],
    // Words that are not prepositions keep their capital, whatever their length.
    ['Things Fall Apart', 'Things Fall Apart'],
    ['It Is What It Is', 'It Is What It Is'],
    ['If You Build It, They Will Come', 'If You Build It, They Will Come'],
    // Compounds, acronyms, inner capitals.
    ['The hit-and-run driver is still at large', 'The Hit-and-Run Driver Is Still at Large'],
    ['The Up-To-Date Guide', 'The Up-to-Date Guide'],
    ['US-backed forces and the iPhone', 'US-Backed Forces and the iPhone'],
    ['The NSA and the FBI', 'The NSA and the FBI'],
    ['The e.g. Problem', 'The e.g. Problem'],
    ['Afghanistan—a Country at War', 'Afghanistan—A Country at War'],
    ['10 things you should know about the Taliban', '10 Things You Should Know about the Taliban'],
    ['Part II: the Return', 'Part II: The Return'],
    // Lower-case input gets its principal words capitalised.
    ['the rise and fall of the third reich', 'The Rise and Fall of the Third Reich'],
    ['the sun also rises', 'The Sun Also Rises'],
  ];
  it.each(cases)('%s', (title, expected) => {
    expect(toMlaTitleCase(title)).toBe(expected);
  });

  it('recases ALL CAPS titles, keeping acronyms it knows about', () => {
    const nouns = new Set(['ISIS', 'Afghanistan']);
    expect(toMlaTitleCase('ISIS EXPANSION IN AFGHANISTAN', nouns)).toBe(
      'ISIS Expansion in Afghanistan',
    );
    expect(toMlaTitleCase('ISIS EXPANSION IN AFGHANISTAN')).toBe('Isis Expansion in Afghanistan');
  });

  it('handles empty and punctuation-only titles', () => {
    expect(toMlaTitleCase('')).toBe('');
    expect(toMlaTitleCase('?!')).toBe('?!');
  });
});

describe('toApaTitleCase (APA 7 title case, for titles in running text)', () => {
  const cases: [string, string][] = [
    [
      'Video: Taliban pushes back against ISIS expansion in Afghanistan. Increased US troops deployed',
      'Video: Taliban Pushes Back Against ISIS Expansion in Afghanistan. Increased US Troops Deployed',
    ],
    ['A Room with a View', 'A Room With a View'],
    ['Roe v. Wade overturned', 'Roe v. Wade Overturned'],
    ['the war of the worlds', 'The War of the Worlds'],
    ['Giving up on love', 'Giving Up on Love'],
    ['Life after death: Is it real?', 'Life After Death: Is It Real?'],
    [
      'Self-report measures for love and compassion',
      'Self-Report Measures for Love and Compassion',
    ],
  ];
  it.each(cases)('%s', (title, expected) => {
    expect(toApaTitleCase(title)).toBe(expected);
  });
});
