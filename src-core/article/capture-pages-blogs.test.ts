import { describe, expect, it } from 'vitest';
import {
  capturePage,
  exactnessProblems,
  furnitureInBody,
  headingsWithNext,
  paragraphTexts,
} from '../testing/pages.ts';

// Whole blog pages (test-fixtures/pages/README.md) through captureSource: metadata, the exact
// body paragraphs, furniture left out, notices as exact slices of the source.

describe('WordPress post with Yoast, Jetpack sharing, related posts, bio box and comments', () => {
  const { html, article } = capturePage('wordpress-blog.html');

  it('reads title, one person as author, the published day and the site as container', () => {
    expect(article.csl.title).toBe('What the Allotment Taught Me About Soil');
    expect(article.csl.author).toEqual([{ family: 'Raman', given: 'Priya' }]);
    expect(article.csl.issued).toEqual({ 'date-parts': [[2023, 5, 14]] });
    expect(article.csl['container-title']).toBe('Marsh Lane Notes');
  });

  it('numbers the ten paragraphs of the post 1–10, from the opening to the closing one', () => {
    const texts = paragraphTexts(article);
    expect(texts).toHaveLength(10);
    expect(article.body.map((p) => p.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(texts[0]).toBe(
      'When I took on plot 14 three springs ago, the previous tenant left me a shed, a rusted fork and a heap of clay that set like brick every July. I assumed a few barrows of manure would fix it by autumn. They did not.',
    );
    expect(texts[9]).toBe(
      'If you have a plot of heavy clay, be patient with it, and with yourself. It took me three years to learn to do less.',
    );
    expect(texts[3]).toBe(
      'By August the beans had stopped at knee height. A neighbour, Mr Okafor, pushed a cane into my bed and it stopped dead a spade’s depth down.',
    );
  });

  it('leaves share row, related posts, taxonomy, bio box, post navigation, comments and footer out of the body', () => {
    expect(
      furnitureInBody(article, [
        'Skip to content',
        'Dirt under the fingernails',
        'Share this',
        'Twitter',
        'Facebook',
        'Email',
        'Related',
        'Saving bean seed',
        'Couch grass, again',
        'Posted in',
        'Tagged',
        'Published by',
        'hydrologist',
        'View all posts',
        'Previous:',
        'Chitting seed potatoes',
        'A truce with the slugs',
        'thoughts on',
        'Cardboard saved my plot',
        'Did you lime the clay',
        'says:',
        'Reply',
        'Your email address',
        'Post Comment',
        'Recent Posts',
        'Search for',
        'Proudly powered',
        'Privacy Policy',
        'All rights reserved',
      ]),
    ).toEqual([]);
  });

  it('shows the three section headings between paragraphs without numbering them', () => {
    expect(headingsWithNext(article)).toEqual([
      ['The first season: impatience', 'I dug everything over'],
      ['What actually worked', 'In the end the'],
      ['Three seasons on', 'This spring the cane'],
    ]);
    expect(article.headings.map((h) => h.level)).toEqual([2, 2, 2]);
    const headings = new Set(article.headings.map((h) => h.text));
    expect(article.body.filter((p) => headings.has(p.text))).toEqual([]);
  });

  it('keeps the nested list as one paragraph whose items carry their depth', () => {
    const list = article.body[5]!;
    expect(list.kind).toBe('list');
    expect(list.text).toBe(
      [
        'Stop digging, and mulch instead:',
        'cardboard first, to smother the couch grass;',
        'then five centimetres of compost on top.',
        'Keep off the beds when they are wet.',
        'Grow a winter cover of field beans and cut it in March.',
      ].join('\n'),
    );
    expect(list.items?.map((i) => [list.text.slice(i.start, i.end), i.depth])).toEqual([
      ['Stop digging, and mulch instead:', 0],
      ['cardboard first, to smother the couch grass;', 1],
      ['then five centimetres of compost on top.', 1],
      ['Keep off the beds when they are wet.', 0],
      ['Grow a winter cover of field beans and cut it in March.', 0],
    ]);
  });

  it('keeps a blockquote of two <p> as one paragraph', () => {
    const quote = article.body[7]!;
    expect(quote.kind).toBe('blockquote');
    expect(quote.text).toBe(
      'The soil is not a store cupboard to be emptied but a living thing to be fed.\nFeed it from the top, and it will feed you from below.',
    );
  });

  it('finds one notice, the footer copyright line, as its exact source and its display form', () => {
    expect(article.rights.map((r) => [r.kind, r.text, r.display])).toEqual([
      [
        'copyright',
        '&copy; 2023 Priya Raman. All rights reserved.',
        '© 2023 Priya Raman. All rights reserved.',
      ],
    ]);
    expect(exactnessProblems(html, article)).toEqual([]);
  });
});

describe('Ghost post with excerpt, captioned figure, callout card and a sign-up box', () => {
  const { html, article } = capturePage('ghost-post.html');
  const STANDFIRST =
    'Eleven hours between two ports, and the people who make the crossing every week.';

  it('reads title, one person as author, the published day and the site as container', () => {
    expect(article.csl.title).toBe('Notes from a Night Ferry');
    expect(article.csl.author).toEqual([{ family: 'Brandt', given: 'Lukas' }]);
    expect(article.csl.issued).toEqual({ 'date-parts': [[2022, 10, 2]] });
    expect(article.csl['container-title']).toBe('Tidewrack');
  });

  it('after the standfirst, the body is the post’s eight paragraphs in order, callout card included', () => {
    // Whether a standfirst (Ghost's custom excerpt) is body prose is left open here.
    const texts = paragraphTexts(article).filter((t, i) => !(i === 0 && t === STANDFIRST));
    expect(texts).toHaveLength(8);
    expect(texts[0]).toBe(
      'The ferry leaves at nine in the evening and reaches the other side a little before eight. Most of the passengers are lorry drivers, and most of them are asleep before the lights of the harbour have gone.',
    );
    expect(texts[4]).toBe(
      'The route runs year-round except in January, when the ship goes into dry dock for its inspection.',
    );
    expect(texts[7]).toBe(
      'I never did sleep on any of the four crossings. I am not sure I wanted to.',
    );
    expect(article.body.map((p) => p.n)).toEqual(article.body.map((_, i) => i + 1));
  });

  it('leaves tag, reading time, caption, sign-up box, read-more cards and footer out of the body', () => {
    expect(
      furnitureInBody(article, [
        'Archive',
        '4 min read',
        'The car deck empties out',
        'Photo by the author',
        'Sign up for more like this',
        'Enter your email',
        'Subscribe',
        'The harbour cats',
        'Every port has them',
        'Powered by Ghost',
        'Privacy',
        '©',
      ]),
    ).toEqual([]);
  });

  it('shows both section headings between paragraphs, and numbering runs on across them', () => {
    expect(headingsWithNext(article)).toEqual([
      ['The regulars', 'Mirela has driven the'],
      ['What the crew see', 'The night purser told'],
    ]);
  });

  it('finds the footer "Tidewrack © 2022", link and entity included in its exact source', () => {
    expect(article.rights).toHaveLength(1);
    const [notice] = article.rights;
    expect(notice!.kind).toBe('copyright');
    expect(notice!.display).toBe('Tidewrack © 2022');
    expect(notice!.text).toBe('<a href="https://tidewrack.example">Tidewrack</a> &copy; 2022');
    expect(exactnessProblems(html, article)).toEqual([]);
  });
});

describe('Substack post with counters, subscribe widgets, a button and comments', () => {
  const { html, article } = capturePage('substack-post.html');

  it('reads title, one person as author, the published day and the newsletter as container', () => {
    expect(article.csl.title).toBe('The Spreadsheet That Runs the Village');
    expect(article.csl.author).toEqual([{ family: 'Okonkwo', given: 'Hannah' }]);
    expect(article.csl.issued).toEqual({ 'date-parts': [[2024, 2, 6]] });
    expect(article.csl['container-title']).toBe('Small Places');
  });

  it('numbers the seven paragraphs of the post, list included, from first to last', () => {
    const texts = paragraphTexts(article);
    expect(texts).toHaveLength(7);
    expect(texts[0]).toBe(
      'Every village I have written about has a person who knows everything. In Little Aston, that person is a spreadsheet.',
    );
    expect(texts[6]).toBe(
      'Next week: the village that runs its library out of a phone box, and the argument about the phone box.',
    );
    expect(article.body.map((p) => p.n)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('leaves counters, subscribe prompts, the button, comments and footer out of the body', () => {
    expect(
      furnitureInBody(article, [
        'Sign in',
        '42',
        'Likes',
        'Comments',
        'Share',
        'Thanks for reading',
        'Subscribe',
        'Type your email',
        'Discussion about this post',
        'Our village has the same thing',
        'Like (3)',
        'Collection notice',
        'Start Writing',
        'Get the app',
        'home for great culture',
      ]),
    ).toEqual([]);
  });

  it('keeps the ordered list as one paragraph of three items', () => {
    const list = article.body[4]!;
    expect(list.kind).toBe('list');
    expect(list.text).toBe('Flowers\nBuses\nGrit bins and who fills them');
    expect(list.items?.map((i) => i.depth)).toEqual([0, 0, 0]);
  });

  it('marks the italic words of a paragraph as emphasis', () => {
    const p = article.body[3]!;
    const emphasis = (p.marks ?? []).filter((m) => m.type === 'emphasis');
    expect(emphasis.map((m) => p.text.slice(m.start, m.end))).toEqual([
      'definitely not the same cat',
    ]);
  });

  // Readability drops an <h2 class="header-anchor-post"> as an "unlikely candidate" (its class
  // says "header"); the rules bring back quotes the extractor dropped, not headings.
  it('shows the section heading "Tab by tab" between paragraphs 2 and 3', () => {
    expect(headingsWithNext(article)).toEqual([['Tab by tab', 'The first tab is']]);
  });

  it('finds the footer "© 2024 Hannah Okonkwo" as an exact slice', () => {
    expect(article.rights.map((r) => [r.kind, r.text, r.display])).toEqual([
      ['copyright', '© 2024 Hannah Okonkwo', '© 2024 Hannah Okonkwo'],
    ]);
    expect(exactnessProblems(html, article)).toEqual([]);
  });
});

describe('Medium story saved with SingleFile', () => {
  const { html, article } = capturePage('medium-singlefile.html');

  it('reads title, person author, published day, the clipper’s saved day as accessed, and the platform', () => {
    expect(article.csl.title).toBe('The Queue Is the Product');
    expect(article.csl.author).toEqual([{ family: 'Menon', given: 'Ravi' }]);
    expect(article.csl.issued).toEqual({ 'date-parts': [[2023, 11, 28]] });
    expect(article.csl.accessed).toEqual({ 'date-parts': [[2024, 1, 16]] });
    expect(article.csl['container-title']).toBe('Medium');
  });

  it('numbers prose, quote and code block in order, seven paragraphs', () => {
    expect(article.body.map((p) => [p.n, p.kind])).toEqual([
      [1, 'prose'],
      [2, 'prose'],
      [3, 'prose'],
      [4, 'blockquote'],
      [5, 'prose'],
      [6, 'preformatted'],
      [7, 'prose'],
    ]);
    expect(article.body[0]!.text).toBe(
      'Every Saturday at seven, a line forms outside the bakery at the end of my street. It is there before the doors open and it is there when the bread runs out, usually a little after ten.',
    );
    expect(article.body[5]!.text).toBe(
      'position = queue.indexOf(job) + 1\nrender(`You are number ${position} in line`)',
    );
    expect(article.body[6]!.text).toBe('The bread is still gone by ten. Nobody seems to mind.');
  });

  it('leaves reading time, follow and clap buttons, caption, author card and recommendations out', () => {
    expect(
      furnitureInBody(article, [
        'min read',
        'Follow',
        'Listen',
        'Share',
        '1.2K',
        'Saturday morning, a quarter to eight',
        'Image by the author',
        'Written by',
        'Followers',
        'Designer of slow things',
        'More from',
        'Loading bars lie',
        'Recommended from Medium',
        'Ten rules for better dashboards',
        'Sign up',
        'Careers',
      ]),
    ).toEqual([]);
    expect(headingsWithNext(article)).toEqual([
      ['Waiting is a design material', 'In software we treat'],
    ]);
  });

  it('invents no notice on a page that has none, and its spans copy the source', () => {
    expect(article.rights).toEqual([]);
    expect(exactnessProblems(html, article)).toEqual([]);
  });
});
