import { describe, expect, it } from 'vitest';
import { cleanTitle, hostNames, siteOf, usableTitle } from './title.ts';

describe('cleanTitle', () => {
  it.each([
    ['Why Rivers Change | The River Review', { siteName: 'The River Review' }],
    ['Why Rivers Change - The River Review', { siteName: 'The River Review' }],
    ['Why Rivers Change – The River Review', { siteName: 'The River Review' }],
    ['Why Rivers Change — The River Review', { siteName: 'The River Review' }],
    ['Why Rivers Change · The River Review', { siteName: 'The River Review' }],
    ['Why Rivers Change | River Review', { siteName: 'The River Review' }],
    ['The River Review: Why Rivers Change', { siteName: 'The River Review' }],
    ['The River Review | Why Rivers Change', { siteName: 'The River Review' }],
    [
      'Why Rivers Change | Siân Ní Bhriain | The River Review',
      {
        siteName: 'The River Review',
        authors: ['Siân Ní Bhriain'],
      },
    ],
    [
      'Why Rivers Change - by Siân Ní Bhriain - Footnotes',
      {
        siteName: 'Footnotes',
        authors: ['Siân Ní Bhriain'],
      },
    ],
    ['Why Rivers Change - The Harbor Ledger', { host: 'www.harborledger.example' }],
    ['Why Rivers Change - harborledger.example', { host: 'www.harborledger.example' }],
    ['Why Rivers Change - BBC News', { host: 'www.bbc.co.uk' }],
    ['Why Rivers Change | Velo', { siteNames: [null, 'Velo'] }],
    ['  Why   Rivers\n Change \t|  The River Review ', { siteName: 'The River Review' }],
  ])('%j', (raw, known) => {
    expect(cleanTitle(raw, known)).toBe('Why Rivers Change');
  });

  it('keeps a title that contains " - " for its own reasons', () => {
    expect(cleanTitle('Spider-Man - A Retrospective', {})).toBe('Spider-Man - A Retrospective');
    expect(cleanTitle('Rivers - Why They Move', { siteName: 'The River Review' })).toBe(
      'Rivers - Why They Move',
    );
    expect(
      cleanTitle('Gulf Stream - Is It Slowing? - The River Review', {
        siteName: 'The River Review',
      }),
    ).toBe('Gulf Stream - Is It Slowing?');
  });

  it('keeps a colon title whose prefix is not the site', () => {
    expect(cleanTitle('Floods: A History', { siteName: 'The River Review' })).toBe(
      'Floods: A History',
    );
  });

  it('never strips a title down to nothing', () => {
    expect(cleanTitle('The River Review', { siteName: 'The River Review' })).toBe(
      'The River Review',
    );
    expect(cleanTitle('The River Review | River Review', { siteName: 'The River Review' })).toBe(
      'The River Review',
    );
  });

  it('does not strip an author part from the front', () => {
    expect(cleanTitle('Jane Doe: My Year', { authors: ['Jane Doe'] })).toBe('Jane Doe: My Year');
  });

  it('decodes nothing: the DOM already did', () => {
    expect(cleanTitle('Fish &amp; Chips | Site', { siteName: 'Site' })).toBe('Fish &amp; Chips');
  });

  it('returns an empty string for an empty title', () => {
    expect(cleanTitle('   ', { siteName: 'Site' })).toBe('');
  });

  it("drops a last part that is someone's own site, named as such", () => {
    expect(cleanTitle('Lorem ipsum dolor sit amet – My website', {})).toBe(
      'Lorem ipsum dolor sit amet',
    );
    expect(cleanTitle('Why Rivers Change | Siân Ní Bhriain’s Blog', {})).toBe('Why Rivers Change');
    expect(cleanTitle('Why Rivers Change - Our Team Blog', {})).toBe('Why Rivers Change');
    // Titles about building sites are not sites.
    expect(cleanTitle('Big News - Launching a New Website', {})).toBe(
      'Big News - Launching a New Website',
    );
    expect(cleanTitle('Part 3 - Building the Website', {})).toBe('Part 3 - Building the Website');
  });

  describe('the heading the page shows', () => {
    it('is the title when the first parts are that heading, whatever the rest names', () => {
      const headings = ['Get your Code Covered'];
      expect(cleanTitle('Get your Code Covered | Code | Nicolas Example', { headings })).toBe(
        'Get your Code Covered',
      );
      expect(
        cleanTitle('Outside the web: standalone binaries · V8', {
          headings: ['Outside the web: standalone binaries'],
        }),
      ).toBe('Outside the web: standalone binaries');
      // Case, quotes and spacing aside.
      expect(
        cleanTitle('‘Neutral’ Fact-Checker Asks A Question - Unknown', {
          headings: ["'Neutral' fact-checker asks a question"],
        }),
      ).toBe('‘Neutral’ Fact-Checker Asks A Question');
    });

    it('splits "Post @ Blog :: Platform ::" too', () => {
      expect(
        cleanTitle('新竹尖石_美樹營地賞楓 (2) @ 史蒂文的家_藍天 :: 痞客邦 PIXNET ::', {
          headings: ['新竹尖石_美樹營地賞楓 (2)'],
        }),
      ).toBe('新竹尖石_美樹營地賞楓 (2)');
      // Without a heading the parts stay, all but the dangling separator.
      expect(cleanTitle('Post Title Here @ Blog :: Platform ::', {})).toBe(
        'Post Title Here @ Blog :: Platform',
      );
    });

    it('drops a bracketed trailer the heading leaves out', () => {
      expect(
        cleanTitle('トレンドマイクロ、アプリ「フリーWi-Fiプロテクション」（CNET Japan）', {
          headings: ['トレンドマイクロ、アプリ「フリーWi-Fiプロテクション」'],
        }),
      ).toBe('トレンドマイクロ、アプリ「フリーWi-Fiプロテクション」');
      expect(
        cleanTitle('Mercury Is a Planet (astronomy)', {
          headings: ['Mercury Is a Planet (astronomy)'],
        }),
      ).toBe('Mercury Is a Planet (astronomy)');
      expect(cleanTitle('Mercury Is a Planet (astronomy)', {})).toBe(
        'Mercury Is a Planet (astronomy)',
      );
    });

    it('makes underscores separators, as Chinese portals use them', () => {
      expect(
        cleanTitle('宇航员在太空中喝酒会怎么样？后果很严重 _探索者 _光明网', {
          headings: ['宇航员在太空中喝酒会怎么样？后果很严重'],
        }),
      ).toBe('宇航员在太空中喝酒会怎么样？后果很严重');
      expect(
        cleanTitle('DeepMind新电脑已可利用记忆自学 人工智能迈上新台阶_科技_腾讯网 | Tencent', {
          siteName: 'Tencent',
          headings: ['DeepMind新电脑已可利用记忆自学 人工智能迈上新台阶'],
        }),
      ).toBe('DeepMind新电脑已可利用记忆自学 人工智能迈上新台阶');
      // Only before a heading: otherwise an underscore is part of a word.
      expect(
        cleanTitle('Why snake_case_names read well', { headings: ['Something else entirely'] }),
      ).toBe('Why snake_case_names read well');
    });

    it("is not a short section label, unless it is the page's one <h1>", () => {
      expect(cleanTitle('Opinion | Why Rivers Change', { headings: ['Opinion'] })).toBe(
        'Opinion | Why Rivers Change',
      );
      expect(
        cleanTitle('Mozilla - Wikipedia', { headings: ['Mozilla', 'History'], soleH1: 'Mozilla' }),
      ).toBe('Mozilla');
      // The one <h1> a section label over a title that is a heading too: the title stays whole.
      expect(
        cleanTitle('Opinion | Why Rivers Change', {
          headings: ['Opinion', 'Why Rivers Change'],
          soleH1: 'Opinion',
        }),
      ).toBe('Opinion | Why Rivers Change');
      expect(cleanTitle('Chapter 1 - Beginnings', { headings: ['Chapter 1'] })).toBe(
        'Chapter 1 - Beginnings',
      );
    });

    it("is not the site's name", () => {
      expect(
        cleanTitle('The River Review Daily | Why Rivers Change', {
          siteName: 'River Review Daily',
          headings: ['The River Review Daily'],
        }),
      ).toBe('Why Rivers Change');
    });

    it('does not shorten a title that is itself a heading', () => {
      expect(
        cleanTitle('Rivers in Flood Season - What Happens Next', {
          headings: ['Rivers in Flood Season', 'Rivers in Flood Season - What Happens Next'],
        }),
      ).toBe('Rivers in Flood Season - What Happens Next');
    });

    it('leaves the title whole when the last parts are a heading too', () => {
      // "Chapter - Serial", both shown: the chapter alone would lose the work it belongs to.
      expect(
        cleanTitle('ONE HUNDRED TWO: What kind of wordchain? - Super Supportive', {
          headings: ['Super Supportive', 'ONE HUNDRED TWO: What kind of wordchain?'],
        }),
      ).toBe('ONE HUNDRED TWO: What kind of wordchain? - Super Supportive');
      // Unless that heading is the site's known name.
      expect(
        cleanTitle('Why Rivers Change So Often - Harbor Ledger', {
          siteName: 'Harbor Ledger',
          headings: ['Harbor Ledger', 'Why Rivers Change So Often'],
        }),
      ).toBe('Why Rivers Change So Often');
    });

    it('takes the longest run of first parts that is a heading', () => {
      expect(
        cleanTitle('Rivers in Flood Season - What Happens Next | News | Unknown', {
          headings: ['Rivers in Flood Season', 'Rivers in Flood Season - What Happens Next'],
        }),
      ).toBe('Rivers in Flood Season - What Happens Next');
    });
  });

  it('runs in linear time on hostile titles', () => {
    const long = `${'a | '.repeat(50_000)}Site`;
    expect(cleanTitle(long, { siteName: 'Site' }).endsWith('a')).toBe(true);
    expect(cleanTitle(`x${' -'.repeat(100_000)}`, {}).length).toBeGreaterThan(0);
    expect(cleanTitle(`${'a'.repeat(100_000)}: b`, { siteName: 'a' })).toContain('a');
    const headings = ['a | a', 'a'.repeat(1000), `${'(a'.repeat(50)}`];
    expect(cleanTitle(`${'a | '.repeat(50_000)}x`, { headings }).length).toBeGreaterThan(0);
    expect(cleanTitle(`${'a @ '.repeat(50_000)}(a)`, { headings }).length).toBeGreaterThan(0);
    expect(cleanTitle(`a${'(a'.repeat(50_000)})`, { headings }).length).toBeGreaterThan(0);
  });
});

describe('usableTitle', () => {
  it("takes a line of text up to the rules' cap on titles", () => {
    expect(usableTitle('Why Rivers Change')).toBe(true);
    expect(usableTitle('x'.repeat(300))).toBe(true);
    expect(usableTitle('x'.repeat(301))).toBe(false);
    expect(usableTitle('')).toBe(false);
    expect(usableTitle('  ')).toBe(false);
    expect(usableTitle(null)).toBe(false);
  });

  it('refuses a title holding a tag, even escaped once more', () => {
    expect(usableTitle('A <b>bold</b> claim')).toBe(false);
    expect(usableTitle('A &lt;script&gt; in a title')).toBe(false);
    // Words about the web are text.
    expect(usableTitle('Replace javascript: links')).toBe(true);
    expect(usableTitle('Why onload= handlers fire twice')).toBe(true);
    expect(usableTitle('When a < b and b > c')).toBe(true);
  });
});

describe('hostNames and siteOf', () => {
  it('name the site a host belongs to', () => {
    expect(hostNames('www.theguardian.com')).toEqual(['theguardian', 'theguardiancom']);
    expect(hostNames('https://www.bbc.co.uk/news/x')).toContain('bbc');
    expect(hostNames('footnotes.substack.com')).toContain('footnotes');
    expect(hostNames('')).toEqual([]);
    expect(siteOf('www.bbc.co.uk')).toBe('bbc.co.uk');
    expect(siteOf('m.example.com')).toBe('example.com');
    expect(siteOf('footnotes.substack.com')).toBe('footnotes.substack.com');
    expect(siteOf('localhost')).toBe('localhost');
  });
});
