import { describe, expect, it } from 'vitest';
import { toApaTitleCase, toChicagoTitleCase, toMlaTitleCase } from './title-case.ts';

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

describe('toMlaTitleCase: subordinating conjunctions (MLA 9 1.2.1)', () => {
  const cases: [string, string][] = [
    // Subordinating conjunctions are principal words.
    ['Anywhere that Chance Leads', 'Anywhere That Chance Leads'],
    ['one if by land', 'One If by Land'],
    ['We Fight because We Must', 'We Fight Because We Must'],
    ['dance although it hurts', 'Dance Although It Hurts'],
    ['Home is where the heart is', 'Home Is Where the Heart Is'],
    ['Stay while the Music Plays', 'Stay While the Music Plays'],
    ['nothing changes unless you do', 'Nothing Changes Unless You Do'],
    ['Remember when we were young', 'Remember When We Were Young'],
    ['Walk softly so that no one hears', 'Walk Softly So That No One Hears'],
    // "as" follows its function: conjunction before a clause, preposition before a noun.
    ['Life as I Find It', 'Life As I Find It'],
    ['the artist as critic', 'The Artist as Critic'],
    ['Call Me as Soon as You Can', 'Call Me As Soon As You Can'],
    ['It Looks as if It Will Rain', 'It Looks As If It Will Rain'],
    // So do after, before, since, until.
    ['Pride Before the Fall', 'Pride before the Fall'],
    ['Call Before You Dig', 'Call Before You Dig'],
    ['Wait Until Dark', 'Wait until Dark'],
    ['Wait Until They Come Home', 'Wait Until They Come Home'],
    // Two-word prepositions are prepositions; coordinating conjunctions stay lower case.
    ['The World According to Garp', 'The World according to Garp'],
    ['Cancelled Because of Rain', 'Cancelled because of Rain'],
    ['Strange Yet Beautiful', 'Strange yet Beautiful'],
    // Lower-case name particles before a name are kept.
    ['the life of Ludwig van Beethoven', 'The Life of Ludwig van Beethoven'],
    ['Speech by President von der Leyen', 'Speech by President von der Leyen'],
    ['A van for Every Family', 'A Van for Every Family'],
    ['Made in the USA de luxe edition', 'Made in the USA De Luxe Edition'],
  ];
  it.each(cases)('%s', (title, expected) => {
    expect(toMlaTitleCase(title)).toBe(expected);
  });
});

describe('toChicagoTitleCase (CMOS 18 title case)', () => {
  const cases: [string, string][] = [
    // Articles, and/but/for/or/nor, "to", "as" and prepositions of four letters or fewer.
    ['the girl with the dragon tattoo', 'The Girl with the Dragon Tattoo'],
    ['Sitting on the floor in an empty room', 'Sitting on the Floor in an Empty Room'],
    ['How To Win Friends And Influence People', 'How to Win Friends and Influence People'],
    ['tired but happy', 'Tired but Happy'],
    ['the artist as critic', 'The Artist as Critic'],
    ['Life As I Find It', 'Life as I Find It'],
    ['What Comes Next for Europe?', 'What Comes Next for Europe?'],
    // Prepositions of five letters or more, and "yet" and "so", are capitalised.
    ['Much ado about nothing', 'Much Ado About Nothing'],
    ['A river runs through it', 'A River Runs Through It'],
    ['War between the states', 'War Between the States'],
    ['The case for and against reform', 'The Case for and Against Reform'],
    ['strange yet beautiful', 'Strange Yet Beautiful'],
    ['Walk softly so no one hears', 'Walk Softly So No One Hears'],
    ['Because I could not stop for death', 'Because I Could Not Stop for Death'],
    // Prepositions used as adverbs or adjectives, and in Latin expressions.
    ['Giving up on love', 'Giving Up on Love'],
    ['the on button', 'The On Button'],
    ['Cells grown in vitro', 'Cells Grown In Vitro'],
    ['knowledge a priori and its limits', 'Knowledge A Priori and Its Limits'],
    // Before a noun phrase a particle reads as a preposition (as in MLA).
    ['Turn Off the Lights', 'Turn off the Lights'],
    // First and last words, subtitles, sentences.
    ['afghanistan: a country at war', 'Afghanistan: A Country at War'],
    ['Something to believe in', 'Something to Believe In'],
    ['taliban regroups. what now?', 'Taliban Regroups. What Now?'],
    // Hyphenated compounds (8.161).
    ['under-the-counter medications', 'Under-the-Counter Medications'],
    ['record-breaking borrowing from abroad', 'Record-Breaking Borrowing from Abroad'],
    ['the twenty-first century', 'The Twenty-First Century'],
    ['anti-inflammatory drugs', 'Anti-inflammatory Drugs'],
    ['Pre-war Berlin', 'Pre-war Berlin'],
    ['self-sustaining reactions', 'Self-Sustaining Reactions'],
    ['the e-mail that changed everything', 'The E-mail That Changed Everything'],
    ['Up-to-date advice', 'Up-to-Date Advice'],
    // Acronyms, inner capitals and name particles keep their spelling.
    ['The NSA and the iPhone', 'The NSA and the iPhone'],
    ['Charles de Gaulle and the fifth republic', 'Charles de Gaulle and the Fifth Republic'],
  ];
  it.each(cases)('%s', (title, expected) => {
    expect(toChicagoTitleCase(title)).toBe(expected);
  });

  it('keeps proper nouns and proper adjectives, also after a prefix', () => {
    const nouns = new Set(['Taliban', 'ISIS', 'Afghanistan', 'US', 'American', 'English']);
    expect(
      toChicagoTitleCase(
        'Video: Taliban pushes back against ISIS expansion in Afghanistan. Increased US troops deployed',
        nouns,
      ),
    ).toBe(
      'Video: Taliban Pushes Back Against ISIS Expansion in Afghanistan. Increased US Troops Deployed',
    );
    expect(toChicagoTitleCase('the anti-American left', nouns)).toBe('The Anti-American Left');
    expect(toChicagoTitleCase('non-English-speaking representatives', nouns)).toBe(
      'Non-English-Speaking Representatives',
    );
    expect(toChicagoTitleCase('TALIBAN PUSHES BACK AGAINST ISIS', nouns)).toBe(
      'Taliban Pushes Back Against ISIS',
    );
  });

  it('differs from MLA only where the manuals do', () => {
    const title = 'A guide to writing about the environment, yet so much more';
    expect(toMlaTitleCase(title)).toBe(
      'A Guide to Writing about the Environment, yet so Much More',
    );
    expect(toChicagoTitleCase(title)).toBe(
      'A Guide to Writing About the Environment, Yet So Much More',
    );
  });

  it('handles empty and punctuation-only titles', () => {
    expect(toChicagoTitleCase('')).toBe('');
    expect(toChicagoTitleCase('?!')).toBe('?!');
  });
});
