import { describe, expect, it } from 'vitest';
import { noticeKind } from './notices.ts';
import type { RightsKind } from './model.ts';
import { captureHtml, capturePage, exactnessProblems, paragraphTexts } from '../testing/pages.ts';

// Each kind of rights notice, below an article and in the page footer, written the ways pages
// write them (entities, links, bold labels, CR LF line ends); and prose that only mentions
// copyright, fair use or a publication year, which must stay prose.

const PROSE = [
  'The harbour board met on Tuesday to decide the future of the old fish market, which has stood empty since the last trawler company left the town in 2009.',
  'Members heard from traders, residents and a developer who wants to turn the building into flats, shops and a small museum of the fishing industry.',
  'The board will publish its decision next month, after a second round of consultation with the people who live closest to the market.',
];

/** An article (title, byline, prose), then `below` inside the article and `footer` in the page footer. */
function page(below: string, footer = ''): string {
  return [
    '<!DOCTYPE html><html lang="en"><head><title>Fish market future debated</title></head><body>',
    '<header class="site-header"><a href="/">Harbour Times</a></header>',
    '<main><article><h1>Fish market future debated</h1><p>By Jane Smith</p>',
    ...PROSE.map((t) => `<p>${t}</p>`),
    below,
    '</article></main>',
    footer ? `<footer class="site-footer">${footer}</footer>` : '',
    '</body></html>',
  ].join('\n');
}

type Case = [label: string, html: string, kind: RightsKind, display: string];

/** Notices as they stand below an article. */
const BELOW: Case[] = [
  [
    'copyright line with the © entity',
    '<p>Copyright &copy; 2021 Jane Smith. All rights reserved.</p>',
    'copyright',
    'Copyright © 2021 Jane Smith. All rights reserved.',
  ],
  [
    'copyright line with a numeric reference and a linked holder',
    '<p>&#169; 2021 <a href="https://harbourtimes.example">Harbour Times Media</a></p>',
    'copyright',
    '© 2021 Harbour Times Media',
  ],
  [
    'licence line with a rel=license link',
    '<p>This work is licensed under a <a rel="license" href="https://creativecommons.org/licenses/by/4.0/">Creative Commons Attribution 4.0 International License</a>.</p>',
    'licence',
    'This work is licensed under a Creative Commons Attribution 4.0 International License.',
  ],
  [
    'disclaimer with a bold label',
    '<p><strong>Disclaimer:</strong> The views expressed in this article are the author&rsquo;s own and do not necessarily reflect those of Harbour Times.</p>',
    'disclaimer',
    'Disclaimer: The views expressed in this article are the author’s own and do not necessarily reflect those of Harbour Times.',
  ],
  [
    'fair-use notice',
    '<p>Fair Use Notice: This page contains copyrighted material whose use has not been specifically authorised by the copyright owner. We believe this constitutes fair use under section 107 of the US Copyright Act.</p>',
    'fair-use',
    'Fair Use Notice: This page contains copyrighted material whose use has not been specifically authorised by the copyright owner. We believe this constitutes fair use under section 107 of the US Copyright Act.',
  ],
  [
    'republication line naming the original in italics',
    '<p><em>This article was originally published in <a href="https://tideline.example/fish-market">The Tideline</a>.</em></p>',
    'republication',
    'This article was originally published in The Tideline.',
  ],
  [
    'permission line',
    '<p>Reproduced with permission of the author.</p>',
    'permission',
    'Reproduced with permission of the author.',
  ],
];

describe('each kind of notice below the article', () => {
  for (const [label, html, kind, display] of BELOW) {
    it(`finds a ${label} as a ${kind} notice, exact in the source, shown without markup`, () => {
      const source = page(html);
      const article = captureHtml(source);
      expect(article.rights.map((r) => [r.kind, r.display])).toEqual([[kind, display]]);
      const [notice] = article.rights;
      expect(notice!.text).toBe(source.slice(notice!.start, notice!.end));
      expect(html).toContain(notice!.text);
      expect(paragraphTexts(article)).toEqual(PROSE);
      expect(exactnessProblems(source, article)).toEqual([]);
    });
  }
});

/** Notices as they stand in a page footer, outside the article. */
const FOOTER: Case[] = [
  [
    'site copyright line',
    '<p>&copy; 2021 Harbour Times Media Ltd. All rights reserved.</p>',
    'copyright',
    '© 2021 Harbour Times Media Ltd. All rights reserved.',
  ],
  [
    'Creative Commons line',
    '<p>Except where noted, content on this site is licensed under a <a href="https://creativecommons.org/licenses/by-sa/4.0/">Creative Commons Attribution-ShareAlike 4.0</a> licence.</p>',
    'licence',
    'Except where noted, content on this site is licensed under a Creative Commons Attribution-ShareAlike 4.0 licence.',
  ],
  [
    'views-expressed disclaimer',
    '<p>The views and opinions expressed on this site are those of the authors and do not necessarily reflect the official policy of Harbour Times.</p>',
    'disclaimer',
    'The views and opinions expressed on this site are those of the authors and do not necessarily reflect the official policy of Harbour Times.',
  ],
  [
    'public-domain statement',
    '<p>This page is in the public domain.</p>',
    'licence',
    'This page is in the public domain.',
  ],
];

describe('each kind of notice in the page footer', () => {
  for (const [label, html, kind, display] of FOOTER) {
    it(`finds a footer ${label} as a ${kind} notice, exact in the source`, () => {
      const source = page(
        '',
        `${html}<p><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></p>`,
      );
      const article = captureHtml(source);
      expect(article.rights.map((r) => [r.kind, r.display])).toEqual([[kind, display]]);
      expect(exactnessProblems(source, article)).toEqual([]);
      expect(paragraphTexts(article)).toEqual(PROSE);
    });
  }

  it('takes a footer row of legal links ("Privacy | Terms | Copyright policy") for no notice', () => {
    const source = page(
      '',
      '<p><a href="/privacy">Privacy</a> | <a href="/terms">Terms of Use</a> | <a href="/copyright">Copyright Policy</a> | <a href="/disclaimer">Disclaimer</a></p>',
    );
    expect(captureHtml(source).rights).toEqual([]);
  });
});

describe('notices keep their source byte for byte', () => {
  it('keeps CR LF line ends, a no-break space and an &amp; inside a notice', () => {
    const source = page(
      '<p>Copyright&nbsp;&copy; 2021\nHarbour Times &amp; Co.\nAll rights reserved.</p>',
    ).replace(/\n/g, '\r\n');
    const article = captureHtml(source);
    const [notice] = article.rights;
    expect(notice!.kind).toBe('copyright');
    expect(notice!.text).toBe(
      'Copyright&nbsp;&copy; 2021\r\nHarbour Times &amp; Co.\r\nAll rights reserved.',
    );
    expect(notice!.display).toBe('Copyright © 2021 Harbour Times & Co. All rights reserved.');
    expect(exactnessProblems(source, article)).toEqual([]);
  });

  it('takes in the inline tags that open and close around the notice, never a block tag', () => {
    const source = page(
      '<p><small><em>&copy; 2021 Harbour Times Media. All rights reserved.</em></small></p>',
    );
    const [notice] = captureHtml(source).rights;
    expect(notice!.text).toBe(
      '<small><em>&copy; 2021 Harbour Times Media. All rights reserved.</em></small>',
    );
  });

  it('splits a footer block whose lines each open a notice into one notice per line', () => {
    const source = page(
      '<p>This article was originally published in The Tideline.<br>Copyright &copy; 2021 Jane Smith.<br>Disclaimer: The views expressed are the author&#8217;s own.</p>',
    );
    const article = captureHtml(source);
    expect(article.rights.map((r) => [r.kind, r.text])).toEqual([
      ['republication', 'This article was originally published in The Tideline.'],
      ['copyright', 'Copyright &copy; 2021 Jane Smith.'],
      ['disclaimer', 'Disclaimer: The views expressed are the author&#8217;s own.'],
    ]);
    expect(article.originalSource).toEqual({ name: 'The Tideline', url: null });
    expect(exactnessProblems(source, article)).toEqual([]);
  });
});

// "Reprinted with permission" matches the republication rule, which is tried first: the
// permission rule's own "reprinted|republished … with permission" can never be reached.
it('reads "Reprinted with permission of the author." as a permission notice', () => {
  expect(noticeKind('Reprinted with permission of the author.', false)).toBe('permission');
});

/** The no-notice essay with its last paragraph replaced by `ending`. */
function essayEndingWith(ending: string): string {
  const { html } = capturePage('no-notice.html');
  const last =
    '<p>I do not have an answer for her. I only know that the song was hers before it was anyone else&#8217;s.</p>';
  expect(html).toContain(last);
  return html.replace(last, `<p>${ending}</p>`);
}

/** The no-notice essay with `sentence` as a paragraph of its own in the middle. */
function essayWithMiddle(sentence: string): string {
  const { html } = capturePage('no-notice.html');
  return html.replace('<p>In 1998', `<p>${sentence}</p>\n<p>In 1998`);
}

const MENTIONS = {
  fairUse: 'Fair use or not, I sang it at her funeral, and nobody asked me for a licence.',
  firstPublished: 'First published in 2015, the collection sold fewer than three hundred copies.',
  publicDomain:
    'I do not have an answer for her. The tune, at least, is in the public domain now, whatever the sleeve says.',
  allRights:
    'I do not have an answer for her. All rights reserved, the sleeve still says, and the song goes on being sung.',
  views:
    'The views expressed in those liner notes do not necessarily reflect what the singers thought.',
  disclaimerOrNot: 'Disclaimer or not, the label kept selling the record for another decade.',
  licensedUnder: 'Licensed under a blanket agreement, the radio stations played it every Sunday.',
};

describe('prose that mentions copyright, fair use or a publication year stays prose', () => {
  const cases: [string, string][] = [
    ['a closing sentence that opens "Fair use or not"', MENTIONS.fairUse],
    ['a closing sentence that opens "First published in 2015"', MENTIONS.firstPublished],
  ];
  for (const [label, sentence] of cases) {
    it(`invents no notice from ${label}, and the paragraph stays numbered`, () => {
      const article = captureHtml(essayEndingWith(sentence));
      expect(article.rights).toEqual([]);
      expect(article.body).toHaveLength(7);
      expect(article.body[6]!.text).toBe(sentence);
    });
  }

  const middle: [string, string][] = [
    ['"Fair use or not, …"', MENTIONS.fairUse],
    ['"First published in 2015, …"', MENTIONS.firstPublished],
    ['a sentence on the public domain', MENTIONS.publicDomain],
    ['a sentence with "All rights reserved"', MENTIONS.allRights],
    ['"The views expressed … do not necessarily reflect …"', MENTIONS.views],
  ];
  for (const [label, sentence] of middle) {
    it(`invents no notice from ${label} between two paragraphs`, () => {
      const article = captureHtml(essayWithMiddle(sentence));
      expect(article.rights).toEqual([]);
      expect(article.body).toHaveLength(8);
      expect(paragraphTexts(article)).toContain(sentence);
    });
  }
});

describe('prose that mentions rights, below the article or opening a paragraph', () => {
  // Below the prose, the weak rules apply, and findBodyEnd walks back over every block they
  // match: the closing paragraph and the quotation above it both become notices.
  const closing: [string, string][] = [
    ['a closing paragraph on the public domain', MENTIONS.publicDomain],
    ['a closing paragraph quoting "All rights reserved"', MENTIONS.allRights],
    ['a closing "The views expressed … do not necessarily reflect …"', MENTIONS.views],
  ];
  for (const [label, sentence] of closing) {
    it(`invents no notice from ${label}, nor from the quotation above it`, () => {
      const article = captureHtml(essayEndingWith(sentence));
      expect(article.rights).toEqual([]);
      expect(article.body).toHaveLength(7);
    });
  }

  // The strong rules match at the start of any paragraph: "^disclaimer\b", "^licensed under".
  const opening: [string, string][] = [
    ['"Disclaimer or not, …"', MENTIONS.disclaimerOrNot],
    ['"Licensed under a blanket agreement, …"', MENTIONS.licensedUnder],
  ];
  for (const [label, sentence] of opening) {
    it(`invents no notice from a paragraph of prose opening ${label}`, () => {
      const article = captureHtml(essayWithMiddle(sentence));
      expect(article.rights).toEqual([]);
      expect(paragraphTexts(article)).toContain(sentence);
    });
  }
});
