import { describe, expect, it } from 'vitest';
import { capture } from '../../testing/capture.ts';

/** The breakages issue 7 lists, each as the smallest article that showed it. */
const article = (header: string, body: string[], footer = ''): string =>
  [header, ...body, footer].filter(Boolean).join('\n\n') + '\n';

const PROSE = [
  'The committee met on Tuesday to discuss the budget for the coming year and its priorities.',
  'Members agreed that the library would receive more money for its digital archive next spring.',
];

describe('the header survives ordinary wording', () => {
  it('keeps title, author, date and site when the title ends with a full stop', () => {
    const a = capture(
      article('Budget Talks Resume.\n\nBy Ann Lee\n\nThe Northern Review, March 3, 2021', PROSE),
      'text/plain',
    );
    expect(a.csl.title).toBe('Budget Talks Resume.');
    expect(a.csl.author).toEqual([{ family: 'Lee', given: 'Ann' }]);
    expect(a.csl.issued).toEqual({ 'date-parts': [[2021, 3, 3]] });
    expect(a.csl['container-title']).toBe('The Northern Review');
    expect(a.body.map((p) => p.text)).toEqual(PROSE);
  });

  it('reads a byline in capitals as a person in proper case', () => {
    const a = capture(article('Budget Talks\n\nBy JANE DOE', PROSE), 'text/plain');
    expect(a.csl.author).toEqual([{ family: 'Doe', given: 'Jane' }]);
  });

  it('splits two people joined by "and" even when their names are also words', () => {
    const a = capture(article('Budget Talks\n\nBy Grace Post and Tom Bank', PROSE), 'text/plain');
    expect(a.csl.author).toEqual([
      { family: 'Post', given: 'Grace' },
      { family: 'Bank', given: 'Tom' },
    ]);
  });

  it('does not take the site closing a byline for a second author', () => {
    const a = capture(
      article('Budget Talks\n\nBy Jane Doe, Example Site\n\nExample Site, May 2, 2020', PROSE),
      'text/plain',
    );
    expect(a.csl.author).toEqual([{ family: 'Doe', given: 'Jane' }]);
    expect(a.csl['container-title']).toBe('Example Site');
  });

  it('keeps an organisation whose name holds "and" whole', () => {
    const a = capture(
      article('Budget Talks\n\nBy Institute for Peace and Conflict Studies', PROSE),
      'text/plain',
    );
    expect(a.csl.author).toEqual([{ literal: 'Institute for Peace and Conflict Studies' }]);
  });

  it('does not number a site name alone on its line as paragraph 1', () => {
    const a = capture(
      article('Budget Talks\n\nBy Ann Lee\n\nMarch 3, 2021\n\nThe Northern Review', PROSE),
      'text/plain',
    );
    expect(a.body.map((p) => p.text)).toEqual(PROSE);
    expect(a.csl['container-title']).toBe('The Northern Review');
  });
});

describe('dates', () => {
  it('flags a dateline that could be 3 April or 4 March instead of guessing silently', () => {
    const a = capture(
      article('Budget Talks\n\nThe Northern Review, 03/04/2021', PROSE),
      'text/plain',
    );
    expect(a.csl.issued).toEqual({ 'date-parts': [[2021, 3, 4]] });
    expect(a.ambiguousDate).toBe(true);
  });

  it('reads an unambiguous one without a flag', () => {
    const a = capture(
      article('Budget Talks\n\nThe Northern Review, 13/04/2021', PROSE),
      'text/plain',
    );
    expect(a.csl.issued).toEqual({ 'date-parts': [[2021, 4, 13]] });
    expect(a.ambiguousDate).toBe(false);
  });
});

describe('prose that mentions rights is prose', () => {
  const cases = [
    'First published in 2015, the report found that most archives had no budget for digitisation.',
    'Copyright Office officials said the rule would be reviewed before the end of the year.',
    'Fair use of quotations in reviews has long been accepted by courts and publishers alike.',
  ];
  it.each(cases)('keeps "%s" as a body paragraph and invents no notice', (sentence) => {
    const a = capture(
      article('Budget Talks\n\nBy Ann Lee', [PROSE[0]!, sentence, PROSE[1]!]),
      'text/plain',
    );
    expect(a.body.map((p) => p.text)).toEqual([PROSE[0], sentence, PROSE[1]]);
    expect(a.rights).toEqual([]);
    expect(a.originalSource).toBeNull();
  });

  it.each(cases)('keeps "%s" as prose when it is the last paragraph too', (sentence) => {
    const a = capture(article('Budget Talks\n\nBy Ann Lee', [...PROSE, sentence]), 'text/plain');
    expect(a.body.map((p) => p.text)).toEqual([...PROSE, sentence]);
    expect(a.rights).toEqual([]);
  });

  it('reads government licences and Crown copyright below the article', () => {
    const a = capture(
      article(
        'Budget Talks',
        PROSE,
        '© Crown copyright\n\nAll content is available under the Open Government Licence v3.0, except where otherwise stated',
      ),
      'text/plain',
    );
    expect(a.rights.map((n) => n.kind)).toEqual(['copyright', 'licence']);
  });

  it('still reads a republication line that names where, below the article', () => {
    const a = capture(
      article(
        'Budget Talks\n\nBy Ann Lee',
        PROSE,
        'This article was first published in The Conversation.',
      ),
      'text/plain',
    );
    expect(a.rights.map((n) => n.kind)).toEqual(['republication']);
    expect(a.originalSource?.name).toBe('The Conversation');
  });
});

describe('Markdown clips show no syntax and number only prose', () => {
  const clip = [
    '---',
    'title: "Budget Talks"',
    'author: "[[Ann Lee]]"',
    'created: 2024-01-05',
    'source: https://example.org/budget',
    '---',
    '',
    '[Share](https://x.example/share) | [Tweet](https://x.example/t) | 12 Likes',
    '',
    '**The committee** met on *Tuesday* to discuss the [budget](https://example.org/b).',
    '',
    '- first item',
    '- second item',
    '  - nested item',
    '',
    '> A quoted line',
    '> that goes on.',
    '',
    'Sign up for our newsletter to get the latest updates.',
    '',
    '*Ann Lee is a reporter based in Leeds.*',
    '',
    'Copyright © 2024 [Example News](https://example.org). All rights reserved.',
    '',
  ].join('\n');
  const a = capture(clip, 'text/markdown');

  it('reads the front matter: title, author unwrapped, created as the access date, URL', () => {
    expect(a.csl.title).toBe('Budget Talks');
    expect(a.csl.author).toEqual([{ family: 'Lee', given: 'Ann' }]);
    expect(a.csl.accessed).toEqual({ 'date-parts': [[2024, 1, 5]] });
    expect(a.csl.issued).toBeUndefined();
    expect(a.csl.URL).toBe('https://example.org/budget');
  });

  it('numbers prose, a whole list and a whole quote, without widget text, prompts or bios', () => {
    expect(a.body.map((p) => [p.kind, p.text])).toEqual([
      ['prose', 'The committee met on Tuesday to discuss the budget.'],
      ['list', 'first item\nsecond item\nnested item'],
      ['blockquote', 'A quoted line\nthat goes on.'],
    ]);
    expect(a.body[1]!.items?.map((i) => i.depth)).toEqual([0, 0, 1]);
  });

  it('keeps the notice verbatim with its link syntax, and shows it without', () => {
    expect(a.rights).toHaveLength(1);
    const [notice] = a.rights;
    expect(notice!.text).toBe(
      'Copyright © 2024 [Example News](https://example.org). All rights reserved.',
    );
    expect(clip.slice(notice!.start, notice!.end)).toBe(notice!.text);
    expect(notice!.display).toBe('Copyright © 2024 Example News. All rights reserved.');
  });
});

describe('paragraph ids', () => {
  it('do not change when numbering changes', () => {
    const one = capture(article('Budget Talks', PROSE), 'text/plain');
    const two = capture(
      article('Budget Talks', ['A new first paragraph of prose.', ...PROSE]),
      'text/plain',
    );
    expect(two.body[1]!.id).toBe(one.body[0]!.id);
    expect(two.body[2]!.id).toBe(one.body[1]!.id);
    expect(two.body[1]!.n).toBe(2);
  });
});

describe('pathological input', () => {
  it('reads a line of 100,000 "[" characters', () => {
    const a = capture(article('Budget Talks', ['['.repeat(100_000), ...PROSE]), 'text/plain');
    expect(a.body.at(-1)!.text).toBe(PROSE[1]);
  });
});
