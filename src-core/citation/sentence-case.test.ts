import { describe, expect, it } from 'vitest';
import { learnProperNouns } from './proper-nouns.ts';
import { toSentenceCase } from './sentence-case.ts';

const NOUNS = new Set([
  'Taliban',
  'Afghanistan',
  'ISIS',
  'US',
  'Trump',
  'Putin',
  'Helsinki',
  'Kabul',
  'Apple',
  'Europe',
  'Brexit',
  'American',
  'Islamic State',
  'Middle East',
  'New York',
  'Donald Trump',
  'Jane Goodall',
  'World War',
]);

describe('toSentenceCase (APA 7 sentence case)', () => {
  const cases: [string, string][] = [
    [
      'Video: Taliban Pushes Back Against ISIS Expansion in Afghanistan. Increased US Troops Deployed',
      'Video: Taliban pushes back against ISIS expansion in Afghanistan. Increased US troops deployed',
    ],
    // Multi-word names learned as phrases keep every capital; their words alone would not.
    [
      'The Rise and Fall of the Islamic State: A Timeline',
      'The rise and fall of the Islamic State: A timeline',
    ],
    [
      'Self-Proclaimed Caliphate Collapses in the Middle East',
      'Self-proclaimed caliphate collapses in the Middle East',
    ],
    ['Donald Trump Visits New York', 'Donald Trump visits New York'],
    ['World War II and Its Aftermath', 'World War II and its aftermath'],
    // Possessives, inner capitals, acronyms with digits.
    [
      "Why Apple's iPhone Sales Are Slowing in Europe",
      "Why Apple's iPhone sales are slowing in Europe",
    ],
    ["McDonald's Expands Into Kabul", "McDonald's expands into Kabul"],
    ['Afghanistan’s Uncertain Future', 'Afghanistan’s uncertain future'],
    ['COVID-19 Vaccines: What We Know So Far', 'COVID-19 vaccines: What we know so far'],
    ['Is the 5G Rollout Safe? Experts Weigh In', 'Is the 5G rollout safe? Experts weigh in'],
    ['A Guide to YouTube and eBay for Beginners', 'A guide to YouTube and eBay for beginners'],
    ['NATO and the EU Respond', 'NATO and the EU respond'],
    // Dotted acronyms and honorifics do not end a sentence.
    ['U.S. Troops Leave Afghanistan', 'U.S. troops leave Afghanistan'],
    ['An Interview With Dr. Jane Goodall', 'An interview with Dr. Jane Goodall'],
    // The pronoun I, numbered nouns (APA 6.17), em dash and end punctuation.
    ['How I Learned to Stop Worrying', 'How I learned to stop worrying'],
    ['Results of Experiment 2 and Table 3', 'Results of Experiment 2 and Table 3'],
    ['Brexit—The Final Countdown', 'Brexit—The final countdown'],
    [
      'Trump Meets Putin in Helsinki. Was It Worth It?',
      'Trump meets Putin in Helsinki. Was it worth it?',
    ],
    // Quotes around words; the first word after a colon inside quotes.
    ['“Fake News” and the Decline of Trust', '“Fake news” and the decline of trust'],
    ['The "Peace Process" in Afghanistan', 'The "peace process" in Afghanistan'],
    ['Interview: "We Will Win"', 'Interview: "We will win"'],
    // Hyphenated compounds are cased part by part.
    ['Hit-and-Run Operations Increase', 'Hit-and-run operations increase'],
    ["The Taliban's Anti-American Campaign", "The Taliban's anti-American campaign"],
    ['US-Backed Forces Retreat', 'US-backed forces retreat'],
    // "Us" the pronoun is not the acronym "US".
    ['Us and Them', 'Us and them'],
    ['Why the Taliban Fear Us', 'Why the Taliban fear us'],
    ['10 Things You Should Know About the Taliban', '10 things you should know about the Taliban'],
    ['The e.g. Problem', 'The e.g. problem'],
    ['Afghanistan (Updated)', 'Afghanistan (updated)'],
    ['L’Oréal and D’Souza Meet', 'L’Oréal and D’Souza meet'],
    // Domains stay as written.
    ['Read More on globalresearch.ca Today', 'Read more on globalresearch.ca today'],
  ];
  it.each(cases)('%s', (title, expected) => {
    expect(toSentenceCase(title, NOUNS)).toBe(expected);
  });

  it('recases titles written in capitals, keeping only known proper nouns and acronyms', () => {
    expect(toSentenceCase('TALIBAN PUSHES BACK AGAINST ISIS IN AFGHANISTAN', NOUNS)).toBe(
      'Taliban pushes back against ISIS in Afghanistan',
    );
    expect(toSentenceCase('trump meets putin in helsinki', NOUNS)).toBe(
      'Trump meets Putin in Helsinki',
    );
  });

  it('keeps one- and two-word capitals as acronyms', () => {
    expect(toSentenceCase('NATO', new Set())).toBe('NATO');
    expect(toSentenceCase('NATO Summit', new Set())).toBe('NATO summit');
  });

  it('without known proper nouns lower-cases ordinary capitalised words', () => {
    expect(toSentenceCase('Taliban Pushes Back Against ISIS', new Set())).toBe(
      'Taliban pushes back against ISIS',
    );
  });

  it('leaves sentence-case input, empty strings and punctuation alone', () => {
    expect(toSentenceCase('Already in sentence case: Fine', NOUNS)).toBe(
      'Already in sentence case: Fine',
    );
    expect(toSentenceCase('', NOUNS)).toBe('');
    expect(toSentenceCase('  Spaces   Kept  ', NOUNS)).toBe('  Spaces   kept  ');
    expect(toSentenceCase('Q&A — What Now?', NOUNS)).toBe('Q&A — What now?');
  });
});

describe('a title already in sentence case', () => {
  it('keeps the capitals its author gave to names', () => {
    expect(toSentenceCase('Notes on the March meeting', new Set())).toBe(
      'Notes on the March meeting',
    );
    expect(toSentenceCase('Why the Fed raised rates in May', new Set())).toBe(
      'Why the Fed raised rates in May',
    );
  });

  it('still lowercases a title-cased title', () => {
    expect(toSentenceCase('Notes on the March Meeting', new Set())).toBe(
      'Notes on the march meeting',
    );
  });
});

describe('proper nouns learned from the body are names, not loose words', () => {
  const cased = (body: string, title: string): string =>
    toSentenceCase(title, learnProperNouns([body]));

  it('keeps a person’s surname when the body gives the full name', () => {
    expect(cased('Donald Trump said the order was ready.', 'Trump Signs Order')).toBe(
      'Trump signs order',
    );
    expect(cased('Aides to President Trump said so.', 'Why Trump Signed the Order')).toBe(
      'Why Trump signed the order',
    );
    // The given name alone is not the person's name.
    expect(cased('Donald Trump said the order was ready.', 'Why Donald Ducked')).toBe(
      'Why donald ducked',
    );
  });

  it('lower-cases a word the body capitalises only inside a longer name', () => {
    const body = 'A spokesperson for the National Public Radio Foundation said cuts were coming.';
    expect(cased(body, 'Public Radio Funding Cuts Loom')).toBe('Public radio funding cuts loom');
    expect(cased(body, 'Why Public Radio Funding Cuts Matter')).toBe(
      'Why public radio funding cuts matter',
    );
    expect(cased(body, 'Inside the National Public Radio Foundation')).toBe(
      'Inside the National Public Radio Foundation',
    );
    expect(cased(body, 'Foundation Grants Rise')).toBe('Foundation grants rise');
  });

  it('keeps a sub-run the body writes on its own', () => {
    const body =
      'A spokesperson for the National Public Radio Foundation said cuts were coming. ' +
      'Listeners of Public Radio in rural areas complained.';
    expect(cased(body, 'Why Public Radio Funding Cuts Matter')).toBe(
      'Why Public Radio funding cuts matter',
    );
  });

  it('does not turn the last word of a place or event into a name', () => {
    const body = 'Veterans of the Cold War met at the White House last week.';
    expect(cased(body, 'Why the War Ended')).toBe('Why the war ended');
    expect(cased(body, 'The Cold War at the White House')).toBe('The Cold War at the White House');
  });
});

describe('capitals after a sentence ends inside the title', () => {
  const nouns = new Set([...NOUNS, 'Clinton', 'Roe', 'Wade', 'Kennedy', 'Afghans', 'Apple Inc']);
  const cases: [string, string][] = [
    ['Taliban Regroups. What Now?', 'Taliban regroups. What now?'],
    ['Is It Over? Not Yet!', 'Is it over? Not yet!'],
    ['Stop! Hammer Time', 'Stop! Hammer time'],
    ['Trump vs. Clinton: The Rematch', 'Trump vs. Clinton: The rematch'],
    ['Roe v. Wade Overturned. What Comes Next?', 'Roe v. Wade overturned. What comes next?'],
    ['U.S. Troops Leave. Afghans Wait', 'U.S. troops leave. Afghans wait'],
    ['John F. Kennedy Remembered', 'John F. Kennedy remembered'],
    ['Apple Inc. Reports Record Profits', 'Apple Inc. reports record profits'],
    ['Ph.D. Students Strike. Universities Respond', 'Ph.D. students strike. Universities respond'],
    ['Talks Resume at 3 p.m. Today', 'Talks resume at 3 p.m. today'],
    ['Crisis (Part 1). The Aftermath', 'Crisis (Part 1). The aftermath'],
    ['“We Will Win.” Then They Lost', '“We will win.” Then they lost'],
    ['Wait... What Happened?', 'Wait... what happened?'],
    ['Kabul Falls — And Then What?', 'Kabul falls — And then what?'],
  ];
  it.each(cases)('%s', (title, expected) => {
    expect(toSentenceCase(title, nouns)).toBe(expected);
  });
});
