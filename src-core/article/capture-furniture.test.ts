import { describe, expect, it } from 'vitest';
import { captureHtml, exactnessProblems, paragraphTexts } from '../testing/pages.ts';

// Each kind of page furniture, alone between the paragraphs of a small article and below them,
// and the paragraph rule (a blockquote is one paragraph, a whole list is one paragraph,
// numbering runs on across headings), through the whole HTML capture.

const PROSE = [
  'The harbour board met on Tuesday to decide the future of the old fish market, which has stood empty since the last trawler company left the town in 2009.',
  'Members heard from traders, residents and a developer who wants to turn the building into flats, shops and a small museum of the fishing industry.',
  'The board will publish its decision next month, after a second round of consultation with the people who live closest to the market.',
  'Whatever it decides, the building itself is listed, and its iron roof and tiled walls will have to stay as they are.',
];

const p = (text: string): string => `<p>${text}</p>`;

/** A news article whose body is `blocks` (HTML), under a title and a byline. */
function page(blocks: readonly string[]): string {
  return `<!DOCTYPE html><html lang="en"><head><title>Fish market future debated</title></head><body><main><article><h1>Fish market future debated</h1><p>By Jane Smith</p>\n${blocks.join('\n')}\n</article></main></body></html>`;
}

/** The article with `furniture` between its second and third paragraphs, or below the last. */
function withFurniture(furniture: string, where: 'mid-body' | 'below the article'): string {
  const [a, b, c, d] = PROSE.map(p);
  return page(where === 'mid-body' ? [a!, b!, furniture, c!, d!] : [a!, b!, c!, d!, furniture]);
}

const WHERE = ['mid-body', 'below the article'] as const;

/** Furniture the rules already leave out, as pages write it. */
const LEFT_OUT: [kind: string, html: string][] = [
  [
    'read-more line in capitals',
    '<p><strong>READ MORE:</strong> <a href="/x">Fish market plan divides town</a></p>',
  ],
  ['read-more line', '<p>Read more: <a href="/x">Fish market plan divides town</a></p>'],
  ['read-more link alone', '<p><a href="/x">Read More »</a></p>'],
  [
    'read-more line with a bar',
    '<p>READ MORE | <a href="/x">Fish market plan divides town</a></p>',
  ],
  [
    'also-read line',
    '<p><strong>Also read</strong> | <a href="/x">Fish market plan divides town</a></p>',
  ],
  ['related line', '<p>RELATED: <a href="/x">Fish market plan divides town</a></p>'],
  ['see-also line', '<p>SEE ALSO: <a href="/x">Fish market plan divides town</a></p>'],
  ['"More:" line', '<p>More: <a href="/x">Fish market plan divides town</a></p>'],
  ['"Don\'t miss:" line', '<p>Don\'t miss: <a href="/x">Ten things to do this weekend</a></p>'],
  ['recommended label', '<p>Recommended Stories</p>'],
  ['"You might also like" label', '<p>You might also like</p>'],
  [
    'list of related links',
    '<ul><li><a href="/a">Fish market plan divides town</a></li><li><a href="/b">Developer withdraws bid</a></li></ul>',
  ],
  ['advertisement label in capitals', '<p>ADVERTISEMENT</p>'],
  ['advertisement slot', '<div class="ad"><span>Advertisement</span></div>'],
  ['"AD" label', '<p class="ad-label">AD</p>'],
  ['sponsored label', '<p>Sponsored Content</p>'],
  ['newsletter prompt', '<p>Sign up for our free daily newsletter</p>'],
  [
    'newsletter prompt in italics',
    '<p><em>Sign up for The Harbour Briefing, our free weekly newsletter.</em></p>',
  ],
  [
    'subscribe prompt',
    '<p>Subscribe to our newsletter to get the latest stories in your inbox.</p>',
  ],
  [
    'subscribe prompt opening in bold',
    '<p><strong>Subscribe</strong> to get the Harbour Times in your inbox.</p>',
  ],
  ['briefing prompt', '<p>Sign up to receive our weekly briefing</p>'],
  ['click-here prompt', '<p>Click here to subscribe</p>'],
  ['share prompt', '<p>Share this article</p>'],
  ['share label', '<p>Share</p>'],
  ['row of network names', '<p>Facebook Twitter LinkedIn WhatsApp</p>'],
  ['share widget', '<div class="share"><a href="#">Share</a> <a href="#">Tweet</a></div>'],
  ['copy-link label', '<p>Copy link</p>'],
  ['like counter', '<p>Like 12</p>'],
  ['Jetpack like widget text', '<p>Like Loading...</p>'],
  ['listen prompt', '<p>Listen to this article</p>'],
  ['reading time', '<p>5 min read</p>'],
  ['continue-reading label', '<p>Continue reading</p>'],
  ['photo credit', '<p>Photo: Jane Smith/Harbour Times</p>'],
  ['photo credit in brackets', '<p>(Photo by Jane Smith/Getty Images)</p>'],
  ['image credit', '<p>Image credit: Harbour Board</p>'],
  [
    'figure with a captioned credit',
    '<figure><img src="http://x.example/a.jpg" alt="The market"><figcaption>The old fish market in 2019. Photograph: Jane Smith/Harbour Times</figcaption></figure>',
  ],
  ['comments label', '<p>Comments</p>'],
  ['comment count', '<p>12 comments</p>'],
  ['comment prompt', '<p>Leave a comment</p>'],
  ['show-comments label', '<p>Show comments</p>'],
  ['join-the-conversation prompt', '<p>Join the conversation</p>'],
  [
    'breadcrumb links with ›',
    '<p><a href="/">Home</a> › <a href="/news">News</a> › <a href="/local">Local</a></p>',
  ],
  ['breadcrumb links with »', '<p><a href="/">Home</a> » <a href="/news">News</a></p>'],
  [
    'breadcrumb nav',
    '<nav class="breadcrumb"><a href="/">Home</a> / <a href="/news">News</a></nav>',
  ],
  ['previous-article label', '<p>Previous article</p>'],
  ['next-story link', '<p>Next: <a href="/ferry">The ferry timetable changes</a></p>'],
  ['previous-post link', '<p>Previous post: <a href="/ferry">The ferry timetable changes</a></p>'],
  [
    'legal links',
    '<p><a href="/privacy">Privacy Policy</a> | <a href="/terms">Terms of Use</a></p>',
  ],
  ['legal links as text', '<p>Privacy Policy | Terms of Use | Cookie Settings</p>'],
  ['taxonomy line', '<p>Tags: harbour, markets</p>'],
];

describe('furniture the rules leave out of the body', () => {
  for (const [kind, html] of LEFT_OUT) {
    for (const where of WHERE) {
      it(`leaves a ${kind} out ${where}, the four paragraphs intact and no notice invented`, () => {
        const source = withFurniture(html, where);
        const article = captureHtml(source);
        expect(paragraphTexts(article)).toEqual(PROSE);
        expect(article.rights).toEqual([]);
        expect(exactnessProblems(source, article)).toEqual([]);
      });
    }
  }
});

/** More furniture, each in the places pages put it. */
const KEPT: [kind: string, html: string, where: readonly (typeof WHERE)[number][]][] = [
  ['"Related Articles" label', '<p>Related Articles</p>', WHERE],
  ['"Related Coverage" label in bold', '<p><strong>Related Coverage</strong></p>', WHERE],
  [
    '"Advertisement - Scroll to continue reading" label',
    '<p>Advertisement - Scroll to continue reading</p>',
    WHERE,
  ],
  [
    '"Advertisement · Scroll to continue" label',
    '<p>Advertisement · Scroll to continue</p>',
    WHERE,
  ],
  [
    '"Story continues below advertisement" label',
    '<p>Story continues below advertisement</p>',
    WHERE,
  ],
  [
    'row of "Share on …" labels',
    '<p>Share on Facebook Share on Twitter Share via Email</p>',
    WHERE,
  ],
  ['Jetpack "Share this:" label', '<p>Share this:</p>', WHERE],
  ['Jetpack "Like this:" label', '<p>Like this:</p>', WHERE],
  ['"Print this article" label', '<p>Print this article</p>', WHERE],
  ['"Leave a Reply" comment-form title', '<p>Leave a Reply</p>', WHERE],
  ['breadcrumb trail written with ">"', '<p>Home &gt; News &gt; Local</p>', WHERE],
  ['breadcrumb trail written with "/"', '<p>Home / News / Local</p>', WHERE],
  ['"Posted in … | Tagged …" line', '<p>Posted in News | Tagged harbour, markets</p>', WHERE],
  [
    '"Reporting by …; Editing by …" credit',
    '<p>Reporting by Jane Smith; Editing by Tom Brown</p>',
    WHERE,
  ],
  [
    '"(Reporting by …; Editing by …)" credit',
    '<p>(Reporting by Jane Smith; Editing by Tom Brown)</p>',
    WHERE,
  ],
  ['"Additional reporting by …" credit', '<p>Additional reporting by Ali Khan.</p>', WHERE],
  ['"Follow … on Twitter @…" prompt', '<p>Follow Jane Smith on Twitter @janesmith</p>', WHERE],
  ['"Page last reviewed: …" stamp', '<p>Page last reviewed: May 20, 2024</p>', WHERE],
  ['"Last reviewed on …" stamp', '<p>Last reviewed on 20 May 2024</p>', WHERE],
  ['"Updated: … a.m." stamp', '<p>Updated: March 3, 2024 at 10:02 a.m.</p>', WHERE],
  [
    'newsletter question and prompt',
    '<p>Want more stories like this? Sign up for our newsletter.</p>',
    ['mid-body'],
  ],
  [
    '"Enjoyed this article? Subscribe …" prompt',
    '<p>Enjoyed this article? Subscribe to our newsletter.</p>',
    ['mid-body'],
  ],
  [
    'one-line author bio in italics',
    '<p><em>Jane Smith covers the harbour for the Times.</em></p>',
    ['below the article'],
  ],
];

describe('more furniture the rules leave out of the body', () => {
  for (const [kind, html, places] of KEPT) {
    for (const where of places) {
      it(`leaves a ${kind} out ${where}`, () => {
        expect(paragraphTexts(captureHtml(withFurniture(html, where)))).toEqual(PROSE);
      });
    }
  }
});

describe('the paragraph rule', () => {
  const [a, b, c] = PROSE.map(p);

  it('numbers paragraphs on across h2 and h3 headings, which get no number', () => {
    const article = captureHtml(
      page([
        a!,
        '<h2>Part one</h2>',
        b!,
        '<h3>Part one, first point</h3>',
        '<ul><li>a list under a subheading</li></ul>',
        '<h2>Part two</h2>',
        c!,
      ]),
    );
    expect(article.body.map((x) => [x.n, x.kind])).toEqual([
      [1, 'prose'],
      [2, 'prose'],
      [3, 'list'],
      [4, 'prose'],
    ]);
    expect(article.headings.map((h) => [h.text, h.level, h.before])).toEqual([
      ['Part one', 2, 1],
      ['Part one, first point', 3, 2],
      ['Part two', 2, 3],
    ]);
  });

  it('makes a whole list nested three deep one paragraph, each item with its depth', () => {
    const article = captureHtml(
      page([
        a!,
        '<ol><li>one<ol><li>one, a<ul><li>one, a, i</li></ul></li></ol></li><li>two</li></ol>',
        b!,
      ]),
    );
    const list = article.body[1]!;
    expect(list.kind).toBe('list');
    expect(list.text).toBe('one\none, a\none, a, i\ntwo');
    expect(list.items?.map((i) => [list.text.slice(i.start, i.end), i.depth])).toEqual([
      ['one', 0],
      ['one, a', 1],
      ['one, a, i', 2],
      ['two', 0],
    ]);
    expect(article.body.map((x) => x.n)).toEqual([1, 2, 3]);
  });

  it('makes a blockquote of several paragraphs one paragraph', () => {
    const article = captureHtml(
      page([
        a!,
        '<blockquote><p>First line of the quotation.</p><p>Second line of it.</p><p>— A speaker</p></blockquote>',
        b!,
      ]),
    );
    expect(article.body.map((x) => [x.n, x.kind, x.text])).toEqual([
      [1, 'prose', PROSE[0]],
      [2, 'blockquote', 'First line of the quotation.\nSecond line of it.\n— A speaker'],
      [3, 'prose', PROSE[1]],
    ]);
  });

  it('splits an old-style <div> at <br><br>, with or without whitespace between the breaks', () => {
    const article = captureHtml(
      page([
        a!,
        '<div>First paragraph of an old page.<br><br>Second paragraph, after two breaks.<br>\n <br>Third, after breaks with a space between.<br>Still the third, after one break.</div>',
        b!,
      ]),
    );
    expect(paragraphTexts(article)).toEqual([
      PROSE[0],
      'First paragraph of an old page.',
      'Second paragraph, after two breaks.',
      'Third, after breaks with a space between.\nStill the third, after one break.',
      PROSE[1],
    ]);
  });

  it('keeps a preformatted block whole, with its line breaks and indentation', () => {
    const article = captureHtml(page([a!, '<pre>line 1\n  line 2\n\nline 4</pre>', b!]));
    expect(article.body[1]).toMatchObject({
      kind: 'preformatted',
      text: 'line 1\n  line 2\n\nline 4',
    });
  });

  it('keeps a data table one paragraph, a row per line and cells apart by tabs', () => {
    const article = captureHtml(
      page([
        a!,
        '<table><tr><th>Year</th><th>Boats</th></tr><tr><td>2009</td><td>0</td></tr><tr><td>1989</td><td>41</td></tr></table>',
        b!,
      ]),
    );
    expect(article.body[1]).toMatchObject({
      kind: 'table',
      text: 'Year\tBoats\n2009\t0\n1989\t41',
    });
  });

  // Two <blockquote> elements are two quotations; the rule that merges a run of quote blocks
  // (meant for Markdown's one-block-per-paragraph quotes) joins them into one.
  it('keeps two separate blockquotes as two paragraphs', () => {
    const article = captureHtml(
      page([
        a!,
        '<blockquote><p>One quotation, from the first speaker.</p></blockquote>',
        '<blockquote><p>Another quotation, from a second speaker.</p></blockquote>',
        b!,
      ]),
    );
    expect(article.body.map((x) => x.kind)).toEqual(['prose', 'blockquote', 'blockquote', 'prose']);
  });

  // Inside a blockquote the walk opens no list, so <li> ends no line: "roofopen".
  it('puts each item of a list inside a blockquote on a line of its own', () => {
    const article = captureHtml(
      page([
        a!,
        '<blockquote><p>He said the plan had three parts:</p><ul><li>repair the roof</li><li>open the hall</li></ul><p>and nothing more.</p></blockquote>',
        b!,
      ]),
    );
    expect(article.body[1]!.text).toBe(
      'He said the plan had three parts:\nrepair the roof\nopen the hall\nand nothing more.',
    );
  });
});
