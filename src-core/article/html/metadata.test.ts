import { describe, expect, it } from 'vitest';
import { DOMParser } from 'linkedom';
import { readFixture } from '../../testing/fixtures.ts';
import { readStatedMetadata } from './metadata.ts';

const parse = (html: string): Document =>
  new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
const page = (head: string, options: { lang?: string; body?: string } = {}): Document =>
  parse(
    `<!DOCTYPE html><html${options.lang ? ` lang="${options.lang}"` : ''}><head>${head}</head><body>${
      options.body ?? ''
    }</body></html>`,
  );
const meta = (name: string, content: string): string =>
  `<meta name="${name}" content="${content}">`;
const prop = (property: string, content: string): string =>
  `<meta property="${property}" content="${content}">`;
const jsonLd = (value: unknown): string =>
  `<script type="application/ld+json">${JSON.stringify(value)}</script>`;
const read = (doc: Document, url: string | null = null) => readStatedMetadata(doc, { url });
const fixture = (name: string, url: string | null = null) =>
  read(parse(readFixture(`html/${name}`)), url);

describe('pages as platforms write them', () => {
  it('WordPress with a Yoast @graph', () => {
    expect(fixture('wordpress-yoast.html')).toEqual({
      title: 'Why Rivers Change Course – and What It Means',
      authors: [{ name: 'Siân Ní Bhriain', type: 'person' }],
      published: { parts: [2021, 3, 4], ambiguous: false, from: 'json-ld datePublished' },
      modified: { parts: [2021, 3, 6], ambiguous: false, from: 'json-ld dateModified' },
      siteName: 'The River Review',
      publisher: { name: 'River Review Media Ltd', type: 'organisation' },
      url: 'https://riverreview.example/2021/03/why-rivers-change-course/',
      language: 'en-GB',
      keywords: ['rivers', 'Geomorphology', 'floods'],
      description:
        'Meanders migrate, banks collapse and channels jump. A look at the slow physics behind a fast-changing landscape.',
      sources: {
        title: 'json-ld headline',
        authors: 'json-ld author',
        published: 'json-ld datePublished',
        modified: 'json-ld dateModified',
        siteName: 'og:site_name',
        publisher: 'json-ld publisher',
        url: 'link rel=canonical',
        language: 'json-ld inLanguage',
        keywords: 'json-ld keywords',
        description: 'json-ld WebPage description',
      },
    });
  });

  it('Ghost: a Facebook profile as article:author is not a name', () => {
    const stated = fixture('ghost.html');
    expect(stated).toMatchObject({
      title: 'The Quiet Shift in Urban Cycling',
      authors: [{ name: 'Amara Okafor', type: 'person' }],
      published: { parts: [2022, 11, 8] },
      modified: { parts: [2022, 11, 9] },
      siteName: 'Velo Notes',
      url: 'https://velo.example/quiet-shift-urban-cycling/',
      keywords: ['Cities', 'Transport'],
      language: 'en',
    });
    expect(JSON.stringify(stated.authors)).not.toContain('facebook');
  });

  it('Substack: the newsletter is the site, the <title> suffixes go', () => {
    const stated = fixture('substack.html');
    expect(stated).toMatchObject({
      title: 'The Case for Slow Archives',
      authors: [{ name: 'Rosa Lindqvist', type: 'person' }],
      published: { parts: [2023, 5, 17] },
      siteName: 'Footnotes',
      publisher: { name: 'Footnotes', type: 'organisation' },
      url: 'https://footnotes.substack.com/p/the-case-for-slow-archives',
    });
  });

  it('a US news site: NewsArticle JSON-LD, local day, typed co-authors, related stories ignored', () => {
    const stated = fixture('news-article.html');
    expect(stated).toMatchObject({
      title: 'City Council Approves Flood Barrier After Years of Delay',
      authors: [
        { name: 'Dana Whitfield', type: 'person' },
        { name: 'Marco Ruiz', type: 'person' },
        { name: 'Harbor Wire Service', type: 'organisation' },
      ],
      // 23:50 on 4 March in New York, although UTC had reached 5 March.
      published: { parts: [2021, 3, 4], ambiguous: false, from: 'json-ld datePublished' },
      siteName: 'The Harbor Ledger',
      publisher: { name: 'The Harbor Ledger', type: 'organisation' },
      language: 'en-US',
      keywords: ['flooding', 'city council', 'climate'],
    });
  });

  it('a government page with Dublin Core only', () => {
    const stated = fixture('government-dublin-core.html');
    expect(stated).toMatchObject({
      title: 'Recreational water quality guidelines',
      authors: [{ name: 'Department of Coastal Affairs', type: null }],
      // DC says "en", <html> says "en-AU": the Australian reading, 3 April.
      published: { parts: [2019, 4, 3], ambiguous: false, from: 'dc.issued' },
      modified: { parts: [2020, 2, 14], from: 'dc.modified' },
      publisher: { name: 'Department of Coastal Affairs' },
      language: 'en-AU',
      keywords: ['Water quality', 'Beaches', 'public health'],
      license: 'Creative Commons Attribution 4.0 International licence',
      url: 'https://www.coastal.gov.example/water/recreational-guidelines',
    });
  });

  it('an academic page with Highwire tags', () => {
    const stated = fixture('academic-highwire.html');
    expect(stated).toMatchObject({
      title: 'Sediment transport in braided rivers: a field study',
      // One name per tag, inverted as Highwire writes them; JSON-LD lends its @type.
      authors: [
        { name: 'Ngata, Hēmi', type: 'person' },
        { name: 'van der Berg, Jan', type: 'person' },
        { name: 'García-Márquez, Lucía', type: 'person' },
      ],
      published: { parts: [2020, 11, 23], from: 'citation_publication_date' },
      siteName: 'Journal of Fluvial Studies',
      publisher: { name: 'Riverbank Academic Press', type: 'organisation' },
      url: 'https://journals.riverbank.example/jfs/article/view/42',
      keywords: ['sediment transport', 'braided rivers', 'field methods'],
      language: 'en',
      license: 'https://creativecommons.org/licenses/by/4.0/',
      sources: {
        title: 'citation_title',
        authors: 'citation_author',
        siteName: 'citation_journal_title',
      },
    });
  });

  it('a page with only OpenGraph', () => {
    expect(fixture('opengraph-only.html')).toEqual({
      title: 'Notes on a broken kettle',
      published: { parts: [2019, 8, 15], ambiguous: false, from: 'article:published_time' },
      siteName: "Tinkerer's Log",
      url: 'https://tinkerer.example/notes/broken-kettle',
      keywords: ['repair', 'Kettles'],
      description: 'A thermostat, a fuse and an afternoon.',
      sources: {
        title: 'og:title',
        published: 'article:published_time',
        siteName: 'og:site_name',
        url: 'og:url',
        keywords: 'article:tag',
        description: 'og:description',
      },
    });
  });

  it('a SingleFile clip: the saved date is an access date, the comment gives the address', () => {
    const stated = fixture('singlefile-clip.html');
    expect(stated).toMatchObject({
      title: 'Archive fever, revisited',
      published: { parts: [2020, 6, 12], from: 'json-ld datePublished' },
      accessed: { parts: [2021, 3, 4], from: 'SingleFile comment' },
      url: 'https://essays.example/2020/archive-fever',
      authors: [{ name: 'Tomás Ó Briain', type: 'person' }],
    });
  });
});

describe('each source on its own', () => {
  it('Highwire citation_* tags', () => {
    const stated = read(
      page(
        [
          meta('citation_title', 'A Highwire Title'),
          meta('citation_author', 'Lee, Ann'),
          meta('citation_author', 'Bo Chen'),
          meta('citation_date', '2019/05/06'),
          meta('citation_journal_title', 'Journal of Tests'),
          meta('citation_publisher', 'Test Press'),
          meta('citation_public_url', 'https://j.example/a/1'),
          meta('citation_keywords', 'one; two, three'),
          meta('citation_language', 'fr'),
        ].join(''),
      ),
    );
    expect(stated).toEqual({
      title: 'A Highwire Title',
      authors: [
        { name: 'Lee, Ann', type: null },
        { name: 'Bo Chen', type: null },
      ],
      published: { parts: [2019, 5, 6], ambiguous: false, from: 'citation_date' },
      siteName: 'Journal of Tests',
      publisher: { name: 'Test Press', type: null },
      url: 'https://j.example/a/1',
      keywords: ['one', 'two', 'three'],
      language: 'fr',
      sources: {
        title: 'citation_title',
        authors: 'citation_author',
        published: 'citation_date',
        siteName: 'citation_journal_title',
        publisher: 'citation_publisher',
        url: 'citation_public_url',
        keywords: 'citation_keywords',
        language: 'citation_language',
      },
    });
  });

  it('Highwire online date when there is no other, and the deprecated citation_authors', () => {
    const stated = read(
      page(
        meta('citation_online_date', '2019/05/06') + meta('citation_authors', 'Lee, Ann; Chen, Bo'),
      ),
    );
    expect(stated.published).toMatchObject({ parts: [2019, 5, 6], from: 'citation_online_date' });
    expect(stated.authors?.map((a) => a.name)).toEqual(['Lee, Ann', 'Chen, Bo']);
  });

  it('Dublin Core in any case, as name= or property=, dc. or dcterms.', () => {
    const stated = read(
      page(
        [
          prop('dc:title', 'A DC Title'),
          meta('DC.Creator', 'Ann Lee'),
          meta('dc.creator', 'ann lee'),
          meta('DC.Date', '2018-02-03'),
          meta('DC.publisher', 'Ministry of Tests'),
          meta('DC.rights', 'https://creativecommons.org/publicdomain/zero/1.0/'),
          meta('DC.language', 'de-AT'),
          meta('DC.subject', 'Alpha; beta'),
        ].join(''),
      ),
    );
    expect(stated).toMatchObject({
      title: 'A DC Title',
      authors: [{ name: 'Ann Lee', type: null }],
      published: { parts: [2018, 2, 3], from: 'dc.date' },
      publisher: { name: 'Ministry of Tests', type: null },
      license: 'https://creativecommons.org/publicdomain/zero/1.0/',
      language: 'de-AT',
      keywords: ['Alpha', 'beta'],
    });
    expect(
      read(page(meta('DC.date.issued', '2018-02-03') + meta('dcterms.created', '2017-01-01')))
        .published,
    ).toMatchObject({ parts: [2018, 2, 3], from: 'dc.date.issued' });
    expect(read(page(meta('DCTERMS.created', '2017-01-01'))).published).toMatchObject({
      parts: [2017, 1, 1],
      from: 'dc.created',
    });
  });

  it('DC.rights counts as a licence only when it names one', () => {
    expect(
      read(page(meta('DC.rights', '© 2020 Ministry of Tests. All rights reserved.'))).license,
    ).toBeUndefined();
    expect(read(page(meta('dcterms.license', 'https://example.org/licence'))).license).toBe(
      'https://example.org/licence',
    );
  });

  it('OpenGraph and article:* tags', () => {
    const stated = read(
      page(
        [
          prop('og:title', 'An OG Title'),
          prop('og:site_name', 'OG Site'),
          prop('og:url', 'https://og.example/post'),
          prop('og:description', 'An OG description.'),
          prop('og:locale', 'pt_BR'),
          prop('article:published_time', '2017-07-08T09:10:11+02:00'),
          prop('article:modified_time', '2017-07-09T00:00:00+02:00'),
          prop('article:author', 'Ann Lee'),
          prop('article:author', 'https://og.example/author/bo'),
          prop('article:tag', 'one'),
          prop('article:tag', 'Two'),
          prop('article:section', 'News'),
        ].join(''),
      ),
    );
    expect(stated).toMatchObject({
      title: 'An OG Title',
      siteName: 'OG Site',
      url: 'https://og.example/post',
      description: 'An OG description.',
      language: 'pt-BR',
      published: { parts: [2017, 7, 8], from: 'article:published_time' },
      modified: { parts: [2017, 7, 9], from: 'article:modified_time' },
      authors: [{ name: 'Ann Lee', type: null }],
      keywords: ['one', 'Two'],
    });
  });

  it('twitter:title, and plain author, description and keywords', () => {
    expect(
      read(
        page(
          meta('twitter:title', 'A Twitter Title') +
            meta('author', 'By Ann Lee') +
            meta('description', 'Plain description.') +
            meta('keywords', 'alpha, Beta,ALPHA'),
        ),
      ),
    ).toMatchObject({
      title: 'A Twitter Title',
      authors: [{ name: 'Ann Lee', type: null }],
      description: 'Plain description.',
      keywords: ['alpha', 'Beta'],
      sources: { title: 'twitter:title', authors: 'author', keywords: 'keywords' },
    });
  });

  it('Parse.ly tags, including parsely-metadata and the legacy parsely-page JSON', () => {
    const tags = [
      meta('parsely-title', 'A Parsely Title'),
      meta('parsely-author', 'Ann Lee'),
      meta('parsely-author', 'Bo Chen'),
      meta('parsely-pub-date', '2016-01-02T03:04:05Z'),
    ].join('');
    expect(read(page(tags))).toMatchObject({
      title: 'A Parsely Title',
      authors: [
        { name: 'Ann Lee', type: null },
        { name: 'Bo Chen', type: null },
      ],
      published: { parts: [2016, 1, 2], from: 'parsely-pub-date' },
    });
    const json = JSON.stringify({
      title: 'From parsely-page',
      link: 'https://p.example/story',
      pub_date: '2016-02-03T00:00:00Z',
      authors: ['Cy Diaz'],
      tags: ['x', 'y'],
    }).replace(/"/g, '&quot;');
    expect(read(page(`<meta name="parsely-page" content="${json}">`))).toMatchObject({
      title: 'From parsely-page',
      url: 'https://p.example/story',
      published: { parts: [2016, 2, 3], from: 'parsely-page pub_date' },
      authors: [{ name: 'Cy Diaz' }],
      keywords: ['x', 'y'],
    });
    const metadata = JSON.stringify({ authors: ['Di Evans'] }).replace(/"/g, '&quot;');
    expect(read(page(`<meta name="parsely-metadata" content="${metadata}">`)).authors).toEqual([
      { name: 'Di Evans', type: null },
    ]);
  });

  it('Sailthru tags', () => {
    expect(
      read(
        page(
          meta('sailthru.title', 'A Sailthru Title') +
            meta('sailthru.author', 'Ann Lee') +
            meta('sailthru.date', '2015-06-07 08:09:10') +
            meta('sailthru.tags', 'x, y'),
        ),
      ),
    ).toMatchObject({
      title: 'A Sailthru Title',
      authors: [{ name: 'Ann Lee' }],
      published: { parts: [2015, 6, 7], from: 'sailthru.date' },
      keywords: ['x', 'y'],
    });
  });

  it('<time>: pubdate, itemprop or a "published" class before the first one on the page', () => {
    const times = (body: string) => read(page('', { body }));
    expect(
      times('<time datetime="2020-01-01">x</time><time pubdate datetime="2020-02-02">y</time>')
        .published,
    ).toMatchObject({ parts: [2020, 2, 2], from: 'time[pubdate]' });
    expect(
      times(
        '<time datetime="2020-01-01">x</time><time itemprop="datePublished" datetime="2020-03-03">y</time>',
      ).published,
    ).toMatchObject({ parts: [2020, 3, 3], from: 'time[itemprop=datePublished]' });
    expect(
      times(
        '<time datetime="2020-01-01">x</time><time class="entry-date published" datetime="2020-04-04">y</time>',
      ).published,
    ).toMatchObject({ parts: [2020, 4, 4], from: 'time.published' });
    expect(times('<p><time datetime="2020-05-05">x</time></p>').published).toMatchObject({
      parts: [2020, 5, 5],
      from: 'time[datetime]',
    });
    const updated = times('<time class="updated" datetime="2020-06-06">x</time>');
    expect(updated.published).toBeUndefined();
    expect(updated.modified).toMatchObject({ parts: [2020, 6, 6], from: 'time.updated' });
  });

  it('<link rel=canonical>, <link rel=license>, <a rel=license>, <html lang>, <title>', () => {
    const stated = read(
      page(
        '<title>Just a Title</title><link rel="canonical" href="/story/1"><link rel="license" href="https://creativecommons.org/licenses/by-sa/4.0/">',
        { lang: 'nl-BE' },
      ),
      'https://l.example/story/1?ref=feed',
    );
    expect(stated).toMatchObject({
      title: 'Just a Title',
      url: 'https://l.example/story/1',
      license: 'https://creativecommons.org/licenses/by-sa/4.0/',
      language: 'nl-BE',
      sources: {
        title: 'title element',
        url: 'link rel=canonical',
        license: 'link rel=license',
        language: 'html lang',
      },
    });
    expect(
      read(
        page('', {
          body: '<a rel="license noopener" href="https://creativecommons.org/licenses/by/4.0/">CC BY</a>',
        }),
      ).license,
    ).toBe('https://creativecommons.org/licenses/by/4.0/');
  });

  it('<meta http-equiv=content-language>', () => {
    expect(read(page('<meta http-equiv="Content-Language" content="es-MX, en">')).language).toBe(
      'es-MX',
    );
  });

  it('application-name as the last site name', () => {
    expect(read(page(meta('application-name', 'App Site'))).siteName).toBe('App Site');
  });
});

describe('precedence', () => {
  // Each list: the sources of one field, strongest first. Removing the winner lets the next win.
  const ladders: {
    field: 'title' | 'published' | 'authors' | 'siteName' | 'url' | 'language' | 'keywords';
    steps: [string, string, unknown][];
  }[] = [
    {
      field: 'title',
      steps: [
        [meta('citation_title', 'T1'), 'citation_title', 'T1'],
        [jsonLd({ '@type': 'Article', headline: 'T2' }), 'json-ld headline', 'T2'],
        [meta('DC.title', 'T3'), 'dc.title', 'T3'],
        [prop('og:title', 'T4'), 'og:title', 'T4'],
        [meta('twitter:title', 'T5'), 'twitter:title', 'T5'],
        [meta('parsely-title', 'T6'), 'parsely-title', 'T6'],
        ['<title>T7</title>', 'title element', 'T7'],
      ],
    },
    {
      field: 'published',
      steps: [
        [
          meta('citation_publication_date', '2001-01-01'),
          'citation_publication_date',
          [2001, 1, 1],
        ],
        [
          jsonLd({ '@type': 'Article', datePublished: '2002-02-02' }),
          'json-ld datePublished',
          [2002, 2, 2],
        ],
        [meta('DC.date.issued', '2003-03-03'), 'dc.date.issued', [2003, 3, 3]],
        [prop('article:published_time', '2004-04-04'), 'article:published_time', [2004, 4, 4]],
        [meta('parsely-pub-date', '2005-05-05'), 'parsely-pub-date', [2005, 5, 5]],
        [meta('date', '2006-06-06'), 'date', [2006, 6, 6]],
        ['<time pubdate datetime="2007-07-07"></time>', 'time[pubdate]', [2007, 7, 7]],
      ],
    },
    {
      field: 'authors',
      steps: [
        [meta('citation_author', 'Ann One'), 'citation_author', ['Ann One']],
        [
          jsonLd({ '@type': 'Article', author: { '@type': 'Person', name: 'Bo Two' } }),
          'json-ld author',
          ['Bo Two'],
        ],
        [meta('DC.creator', 'Cy Three'), 'dc.creator', ['Cy Three']],
        [prop('article:author', 'Di Four'), 'article:author', ['Di Four']],
        [meta('parsely-author', 'Ed Five'), 'parsely-author', ['Ed Five']],
        [meta('author', 'Flo Six'), 'author', ['Flo Six']],
      ],
    },
    {
      field: 'siteName',
      steps: [
        [meta('citation_journal_title', 'S1'), 'citation_journal_title', 'S1'],
        [prop('og:site_name', 'S2'), 'og:site_name', 'S2'],
        [jsonLd({ '@type': 'WebSite', name: 'S3' }), 'json-ld WebSite name', 'S3'],
        [
          jsonLd({ '@type': 'Article', publisher: { '@type': 'Organization', name: 'S4' } }),
          'json-ld publisher',
          'S4',
        ],
        [meta('application-name', 'S5'), 'application-name', 'S5'],
      ],
    },
    {
      field: 'url',
      steps: [
        [
          '<link rel="canonical" href="https://u.example/1">',
          'link rel=canonical',
          'https://u.example/1',
        ],
        [prop('og:url', 'https://u.example/2'), 'og:url', 'https://u.example/2'],
        [
          meta('citation_public_url', 'https://u.example/3'),
          'citation_public_url',
          'https://u.example/3',
        ],
        [
          jsonLd({ '@type': 'Article', url: 'https://u.example/4' }),
          'json-ld url',
          'https://u.example/4',
        ],
        [meta('DC.identifier', 'https://u.example/5'), 'dc.identifier', 'https://u.example/5'],
        [meta('savepage-url', 'https://u.example/6'), 'savepage-url', 'https://u.example/6'],
      ],
    },
    {
      field: 'language',
      steps: [
        [meta('citation_language', 'fr'), 'citation_language', 'fr'],
        [jsonLd({ '@type': 'Article', inLanguage: 'de' }), 'json-ld inLanguage', 'de'],
        [meta('DC.language', 'it'), 'dc.language', 'it'],
        ['<meta http-equiv="content-language" content="es">', 'content-language', 'es'],
        [prop('og:locale', 'pt_PT'), 'og:locale', 'pt-PT'],
      ],
    },
    {
      field: 'keywords',
      steps: [
        [meta('citation_keywords', 'k1'), 'citation_keywords', ['k1']],
        [jsonLd({ '@type': 'Article', keywords: 'k2' }), 'json-ld keywords', ['k2']],
        [meta('DC.subject', 'k3'), 'dc.subject', ['k3']],
        [prop('article:tag', 'k4'), 'article:tag', ['k4']],
        [meta('parsely-tags', 'k5'), 'parsely-tags', ['k5']],
        [meta('keywords', 'k6'), 'keywords', ['k6']],
      ],
    },
  ];

  for (const { field, steps } of ladders) {
    it.each(steps.map((step, i) => [i, step[1], step] as const))(
      `${field}: with sources from step %i on, %s wins`,
      (i) => {
        const html = steps
          .slice(i)
          .map((s) => s[0])
          .join('');
        // JSON-LD pieces of one ladder are separate scripts; only one article node each time.
        const stated = read(page(html));
        const expected = steps[i]![2];
        const value = stated[field];
        if (field === 'published') expect((value as { parts: number[] }).parts).toEqual(expected);
        else if (field === 'authors')
          expect((value as { name: string }[]).map((a) => a.name)).toEqual(expected);
        else expect(value).toEqual(expected);
        expect(stated.sources?.[field]).toBe(steps[i]![1]);
      },
    );
  }
});

describe('dates', () => {
  it('keep the page’s local day: an offset is never converted to UTC', () => {
    const at = (t: string) => read(page(prop('article:published_time', t))).published?.parts;
    expect(at('2021-03-04T23:50:00-05:00')).toEqual([2021, 3, 4]);
    expect(at('2021-03-04T23:50:00Z')).toEqual([2021, 3, 4]);
    expect(at('2021-03-04T00:30:00+13:00')).toEqual([2021, 3, 4]);
  });

  it('read numeric dates in the page’s language', () => {
    const numeric = (lang?: string) => read(page(meta('date', '03/04/2021'), { lang })).published;
    expect(numeric('en-GB')).toMatchObject({ parts: [2021, 4, 3], ambiguous: false });
    expect(numeric('de')).toMatchObject({ parts: [2021, 4, 3], ambiguous: false });
    expect(numeric('en-US')).toMatchObject({ parts: [2021, 3, 4], ambiguous: false });
    expect(numeric()).toMatchObject({ parts: [2021, 3, 4], ambiguous: true });
    expect(read(page(meta('date', '13/04/2021'))).published).toMatchObject({
      parts: [2021, 4, 13],
      ambiguous: false,
    });
  });

  it('an ambiguous date is settled by a weaker source that agrees with one reading', () => {
    const stated = read(
      page(meta('date', '03/04/2021'), { body: '<time datetime="2021-04-03">3 April</time>' }),
    );
    expect(stated.published).toEqual({
      parts: [2021, 4, 3],
      ambiguous: false,
      from: 'time[datetime]',
    });
  });

  it('a date without a day takes the day of a weaker source in the same month, not another', () => {
    const refined = read(
      page(
        meta('citation_publication_date', '2020/11') +
          jsonLd({ '@type': 'Article', datePublished: '2020-11-23' }),
      ),
    );
    expect(refined.published).toMatchObject({
      parts: [2020, 11, 23],
      from: 'json-ld datePublished',
    });
    const other = read(
      page(
        meta('citation_publication_date', '2020/11') +
          jsonLd({ '@type': 'Article', datePublished: '2020-10-02' }),
      ),
    );
    expect(other.published).toMatchObject({ parts: [2020, 11], from: 'citation_publication_date' });
  });

  it('skip an impossible date for the next source', () => {
    expect(
      read(page(meta('citation_date', '2021-02-31') + prop('article:published_time', '2021-02-28')))
        .published,
    ).toMatchObject({ parts: [2021, 2, 28], from: 'article:published_time' });
  });
});

describe('clip dates are access dates, never publication dates', () => {
  it('Save Page WE', () => {
    const stated = read(
      page(
        meta('savepage-url', 'https://s.example/a') +
          meta('savepage-date', 'Thu Mar 04 2021 10:00:00 GMT+0100 (CET)'),
      ),
    );
    expect(stated.accessed).toEqual({
      parts: [2021, 3, 4],
      ambiguous: false,
      from: 'savepage-date',
    });
    expect(stated.published).toBeUndefined();
    expect(stated.url).toBe('https://s.example/a');
  });

  it('an Evernote-style created date', () => {
    const stated = read(page(meta('created', '2021-03-04 10:00:00 +0000')));
    expect(stated.accessed).toMatchObject({ parts: [2021, 3, 4], from: 'created' });
    expect(stated.published).toBeUndefined();
  });

  it('a SingleFile comment', () => {
    const stated = read(
      parse(
        '<!DOCTYPE html><html><!--\n Page saved with SingleFile \n url: https://s.example/b \n saved date: Fri Mar 05 2021 09:00:00 GMT+0000 (Coordinated Universal Time)\n--><head><title>T</title></head><body></body></html>',
      ),
    );
    expect(stated.accessed).toMatchObject({ parts: [2021, 3, 5], from: 'SingleFile comment' });
    expect(stated.published).toBeUndefined();
    expect(stated.url).toBe('https://s.example/b');
  });
});

describe('titles', () => {
  it('lose the site name the <title> adds, known from the page or from the address', () => {
    expect(
      read(page('<title>Story | Known Site</title>' + prop('og:site_name', 'Known Site'))).title,
    ).toBe('Story');
    expect(
      read(page('<title>Story - The Harbor Ledger</title>'), 'https://www.harborledger.example/x')
        .title,
    ).toBe('Story');
    expect(
      read(page('<title>Known Site: Story</title>' + prop('og:site_name', 'Known Site'))).title,
    ).toBe('Story');
  });

  it('lose an author named after the title', () => {
    expect(
      read(
        page(
          '<title>Story | Ann Lee | Known Site</title>' +
            meta('author', 'Ann Lee') +
            prop('og:site_name', 'Known Site'),
        ),
      ).title,
    ).toBe('Story');
  });

  it('keep " - " when no site is named', () => {
    expect(read(page('<title>Rivers - Why They Move</title>')).title).toBe(
      'Rivers - Why They Move',
    );
  });

  it('og:title loses the site suffix too', () => {
    expect(
      read(page(prop('og:title', 'Story | Known Site') + prop('og:site_name', 'Known Site'))).title,
    ).toBe('Story');
  });

  it('a JSON-LD name wins over a headline that no other title repeats', () => {
    const stated = read(
      page(
        '<title>Hermitian matrix - Encyclopedia</title>' +
          jsonLd({
            '@type': 'Article',
            name: 'Hermitian matrix',
            headline: 'matrix equal to its conjugate-transpose',
          }),
      ),
    );
    expect(stated.title).toBe('Hermitian matrix');
    expect(stated.sources?.title).toBe('json-ld name');
    expect(
      read(page(jsonLd({ '@type': 'Article', name: 'Site | Story', headline: 'Story' }))).title,
    ).toBe('Story');
  });

  it("a JSON-LD name wins when only it is the page's heading", () => {
    const stated = read(
      page(
        jsonLd({
          '@type': 'Article',
          name: 'New Zealand',
          headline: 'constitutional monarchy in Oceania',
        }),
        { body: '<h1>New Zealand</h1><p>New Zealand is an island country.</p>' },
      ),
    );
    expect(stated.title).toBe('New Zealand');
    expect(stated.sources?.title).toBe('json-ld name');
  });

  it('Dublin Core comes before OpenGraph', () => {
    const stated = read(
      page(prop('og:title', 'Social card title') + meta('DC.title', 'The title')),
    );
    expect(stated.title).toBe('The title');
    expect(stated.sources?.title).toBe('dc.title');
  });

  it('the heading the page shows is the title, whatever the rest of <title> names', () => {
    expect(
      read(
        page('<title>Get your Code Covered | Code | Nicolas Example</title>', {
          body: '<h2><a href="/code/covered/">Get your Code Covered</a></h2><p>Text.</p>',
        }),
      ).title,
    ).toBe('Get your Code Covered');
  });

  it("the site's banner is not the heading", () => {
    const title = '<title>Outside the Web | Rivers Weekly Digest</title>';
    const body = (banner: string) => `${banner}<h1>Outside the Web</h1><p>Text.</p>`;
    // A banner left among the headings matches the last part too: the title stays whole.
    expect(read(page(title, { body: body('<h1>Rivers Weekly Digest</h1>') })).title).toBe(
      'Outside the Web | Rivers Weekly Digest',
    );
    for (const banner of [
      '<h1><a href="/">Rivers Weekly Digest</a></h1>',
      '<h1><a href="https://rivers.example/">Rivers Weekly Digest</a></h1>',
      '<h1><a href="index.html"><span>Rivers Weekly Digest</span></a></h1>',
      '<h1 class="site-title">Rivers Weekly Digest</h1>',
      '<h1 class="topbar__logo__title">Rivers Weekly Digest</h1>',
      '<h2><a class="navbar-brand" href="/news">Rivers Weekly Digest</a></h2>',
    ]) {
      expect(read(page(title, { body: body(banner) })).title, banner).toBe('Outside the Web');
    }
  });

  it("a short heading is the title when it is the page's one <h1>", () => {
    const title = '<title>Mozilla - Wikipedia</title>';
    expect(read(page(title, { body: '<h1>Mozilla</h1><h2>History</h2>' })).title).toBe('Mozilla');
    expect(read(page(title, { body: '<h1>Mozilla</h1><h1>History</h1>' })).title).toBe(
      'Mozilla - Wikipedia',
    );
    // The banner is not counted.
    expect(read(page(title, { body: '<h1><a href="/">Wiki</a></h1><h1>Mozilla</h1>' })).title).toBe(
      'Mozilla',
    );
  });

  it("a source that states only the site's name gives way to one that names the article", () => {
    const site = 'Example News - Latest News & Headlines';
    const stated = read(
      page(
        '<title>Russia: Space ship breaks up over Siberia</title>' +
          meta('application-name', site) +
          prop('og:title', site) +
          meta('twitter:title', site),
        { body: '<h1>Russia: Space ship breaks up over Siberia</h1>' },
      ),
    );
    expect(stated.title).toBe('Russia: Space ship breaks up over Siberia');
    expect(stated.sources?.title).toBe('title element');
    // A site name set to the article's title (the heading says so) is still the title.
    expect(
      read(
        page(prop('og:title', 'Why Rivers Change') + prop('og:site_name', 'Why Rivers Change'), {
          body: '<h1>Why Rivers Change</h1>',
        }),
      ).title,
    ).toBe('Why Rivers Change');
    // A home page whose every title is the site's name.
    expect(read(page(prop('og:title', site) + meta('application-name', site))).title).toBe(site);
  });

  it('a title over the length cap, or holding a tag, gives way to the next source', () => {
    const long = `A ${'very '.repeat(70)}long title`;
    expect(long.length).toBeGreaterThan(300);
    expect(read(page(prop('og:title', long) + '<title>Short title</title>')).title).toBe(
      'Short title',
    );
    expect(
      read(page(jsonLd({ '@type': 'Article', headline: long }) + prop('og:title', 'Short title')))
        .title,
    ).toBe('Short title');
    // Escaped twice over by the page: the DOM's decoding leaves "&lt;b&gt;".
    expect(
      read(
        page(
          prop('og:title', 'A &amp;lt;b&amp;gt;bold&amp;lt;/b&amp;gt; claim') +
            '<title>A bold claim</title>',
        ),
      ).title,
    ).toBe('A bold claim');
    // A title of 300 characters is kept.
    const capped = 'x'.repeat(300);
    expect(read(page(prop('og:title', capped))).title).toBe(capped);
  });

  it('a truncated JSON-LD headline gives way to the full title that continues it', () => {
    const full =
      'A very long headline that goes on and on about rivers, floods, sediment and the people who study them for a living';
    const cut = full.slice(0, 110);
    expect(
      read(page(jsonLd({ '@type': 'Article', headline: cut }) + prop('og:title', full))).title,
    ).toBe(full);
    expect(
      read(
        page(
          jsonLd({ '@type': 'Article', headline: 'Short one…' }) +
            prop('og:title', 'Short one, finished'),
        ),
      ).title,
    ).toBe('Short one, finished');
    expect(
      read(
        page(
          jsonLd({ '@type': 'Article', headline: full }) +
            prop('og:title', `${full} | Unknown Site`),
        ),
      ).title,
    ).toBe(full);
  });
});

describe('authors', () => {
  const authors = (head: string) => read(page(head)).authors;

  it('a profile address is not a name, and leaves the field to the next source', () => {
    expect(
      authors(prop('article:author', 'https://x.example/author/jane') + meta('author', 'Jane Doe')),
    ).toEqual([{ name: 'Jane Doe', type: null }]);
    expect(authors(meta('author', 'https://x.example/author/jane'))).toBeUndefined();
    expect(authors(meta('author', 'jane@example.com'))).toBeUndefined();
    expect(authors(meta('author', '@janedoe'))).toBeUndefined();
  });

  it('an address or e-mail after a name is dropped, the name kept', () => {
    expect(authors(meta('author', 'Jane Doe (https://jane.example/)'))).toEqual([
      { name: 'Jane Doe', type: null },
    ]);
    expect(authors(meta('author', 'Jane Doe &lt;jane@example.com&gt;'))).toEqual([
      { name: 'Jane Doe', type: null },
    ]);
    expect(authors(meta('author', 'Jane Doe (Reuters)'))).toEqual([
      { name: 'Jane Doe (Reuters)', type: null },
    ]);
  });

  it('"By" prefixes are stripped', () => {
    expect(authors(meta('byl', 'By JANE DOE'))).toEqual([{ name: 'JANE DOE', type: null }]);
    expect(authors(meta('author', 'Written by: Jane Doe'))).toEqual([
      { name: 'Jane Doe', type: null },
    ]);
  });

  it('several names in one value split only when each piece is a person’s name', () => {
    expect(authors(meta('author', 'Ann Lee, Bo Chen and Cy Diaz'))?.map((a) => a.name)).toEqual([
      'Ann Lee',
      'Bo Chen',
      'Cy Diaz',
    ]);
    expect(authors(meta('author', 'Ann Lee &amp; Jan van der Berg'))?.map((a) => a.name)).toEqual([
      'Ann Lee',
      'Jan van der Berg',
    ]);
    expect(authors(meta('author', 'Doe, Jane'))?.map((a) => a.name)).toEqual(['Doe, Jane']);
    expect(authors(meta('author', 'Friends of the Earth'))?.map((a) => a.name)).toEqual([
      'Friends of the Earth',
    ]);
    expect(authors(meta('author', 'Jane Doe and AP'))?.map((a) => a.name)).toEqual([
      'Jane Doe and AP',
    ]);
    expect(
      authors(meta('author', 'Centre for Peace and Conflict Studies'))?.map((a) => a.name),
    ).toEqual(['Centre for Peace and Conflict Studies']);
  });

  it('are de-duplicated, keeping accents, particles and hyphens', () => {
    expect(
      authors(
        meta('author', 'Zoë Ó Súilleabháin-Ní Mháille') +
          meta('author', 'zoë ó súilleabháin-ní mháille') +
          meta('author', 'Ludwig van Beethoven'),
      ),
    ).toEqual([
      { name: 'Zoë Ó Súilleabháin-Ní Mháille', type: null },
      { name: 'Ludwig van Beethoven', type: null },
    ]);
  });

  it('Yoast’s "Written by" Twitter label counts as a plain author', () => {
    expect(
      authors(meta('twitter:label1', 'Written by') + meta('twitter:data1', 'Ann Lee')),
    ).toEqual([{ name: 'Ann Lee', type: null }]);
  });
});

describe('keywords', () => {
  it('split on commas and de-duplicated whatever their case', () => {
    expect(read(page(meta('keywords', 'Rivers, floods,rivers, FLOODS , maps'))).keywords).toEqual([
      'Rivers',
      'floods',
      'maps',
    ]);
    expect(read(page(prop('article:tag', 'a, b') + prop('article:tag', 'B'))).keywords).toEqual([
      'a',
      'b',
    ]);
  });
});

describe('plain text only', () => {
  it('markup in a meta value or a JSON-LD string comes back as text', () => {
    const stated = read(
      page(
        meta('description', '&lt;p&gt;A &lt;em&gt;short&lt;/em&gt;\n\n  summary.&lt;/p&gt;') +
          jsonLd({
            '@type': 'Article',
            headline: 'A <b>bold</b> title',
            author: 'By <a href="/x">Ann Lee</a>',
          }),
      ),
    );
    expect(stated.title).toBe('A bold title');
    expect(stated.description).toBe('A short summary.');
    expect(stated.authors).toEqual([{ name: 'Ann Lee', type: null }]);
  });
});

describe('addresses', () => {
  it('a canonical pointing at the site root is not the article’s address', () => {
    const stated = read(
      page(
        '<link rel="canonical" href="https://r.example/">' +
          prop('og:url', 'https://r.example/2021/story'),
      ),
    );
    expect(stated.url).toBe('https://r.example/2021/story');
  });

  it('a canonical on another site is the original of a republication, not this page', () => {
    const stated = read(
      page('<link rel="canonical" href="https://original.example/story">'),
      'https://www.republisher.example/2021/story',
    );
    expect(stated.url).toBe('https://www.republisher.example/2021/story');
    expect(stated.basedOn).toEqual({ name: null, url: 'https://original.example/story' });
    expect(stated.sources?.basedOn).toBe('link rel=canonical (another site)');
  });

  it('the same site on another subdomain is still this page', () => {
    expect(
      read(
        page('<link rel="canonical" href="https://www.s.example/story">'),
        'https://m.s.example/story',
      ).url,
    ).toBe('https://www.s.example/story');
  });

  it('JSON-LD isBasedOn states the original', () => {
    expect(
      read(
        page(
          jsonLd({
            '@type': 'NewsArticle',
            isBasedOn: { name: 'South Front', url: 'https://sf.example/a' },
          }),
        ),
      ).basedOn,
    ).toEqual({ name: 'South Front', url: 'https://sf.example/a' });
  });

  it('only http(s) addresses', () => {
    expect(
      read(
        page(
          '<link rel="canonical" href="javascript:alert(1)">' + prop('og:url', 'data:text/html,x'),
        ),
      ).url,
    ).toBeUndefined();
  });
});
