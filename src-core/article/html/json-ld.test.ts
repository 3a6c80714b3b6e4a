import { describe, expect, it } from 'vitest';
import { DOMParser } from 'linkedom';
import { readJsonLd, readKeywords } from './json-ld.ts';
import { MAX_SCRIPT_LENGTH, parseJsonLdText } from './json-ld-graph.ts';

const page = (...scripts: string[]): Document =>
  new DOMParser().parseFromString(
    `<!DOCTYPE html><html><head>${scripts
      .map((s) => `<script type="application/ld+json">${s}</script>`)
      .join('')}</head><body></body></html>`,
    'text/html',
  ) as unknown as Document;

const ld = (value: unknown): string => JSON.stringify(value);

describe('parseJsonLdText', () => {
  it('parses plain JSON', () => {
    expect(parseJsonLdText('{"@type":"Article"}')).toEqual({ '@type': 'Article' });
  });

  it('tolerates HTML comment and CDATA wrappers', () => {
    expect(parseJsonLdText('<!-- {"a":1} -->')).toEqual({ a: 1 });
    expect(parseJsonLdText('//<![CDATA[\n{"a":1}\n//]]>')).toEqual({ a: 1 });
    expect(parseJsonLdText('/*<![CDATA[*/{"a":1}/*]]>*/')).toEqual({ a: 1 });
  });

  it('repairs raw line breaks inside strings and trailing commas', () => {
    expect(parseJsonLdText('{"headline":"Two\nlines","keywords":["a","b",],}')).toEqual({
      headline: 'Two lines',
      keywords: ['a', 'b'],
    });
  });

  it('skips what is not JSON without throwing', () => {
    for (const bad of ['', '{', '{"a":', 'var x = {}', '{"a":1}{"b":2}', 'undefined', '<!--']) {
      expect(() => parseJsonLdText(bad)).not.toThrow();
    }
    expect(parseJsonLdText('{"a":')).toBeUndefined();
  });

  it('skips a script larger than the cap, whole', () => {
    const big = `{"headline":"${'x'.repeat(MAX_SCRIPT_LENGTH)}"}`;
    expect(parseJsonLdText(big)).toBeUndefined();
  });
});

describe('readJsonLd: finding the article node', () => {
  it('follows @graph and resolves @id references across scripts', () => {
    const facts = readJsonLd(
      page(
        ld({
          '@context': 'https://schema.org',
          '@graph': [
            {
              '@type': 'Article',
              '@id': 'https://x.example/a#article',
              headline: 'Graph headline',
              author: { '@id': 'https://x.example/#/person/1' },
              publisher: { '@id': 'https://x.example/#org' },
            },
            { '@type': 'WebSite', '@id': 'https://x.example/#website', name: 'X Site' },
          ],
        }),
        ld({ '@type': 'Person', '@id': 'https://x.example/#/person/1', name: 'Ada Byron' }),
        ld({ '@type': 'NewsMediaOrganization', '@id': 'https://x.example/#org', name: 'X Media' }),
      ),
    );
    expect(facts.headline).toEqual({ value: 'Graph headline', from: 'json-ld headline' });
    expect(facts.authors).toEqual([{ name: 'Ada Byron', type: 'person' }]);
    expect(facts.publisher?.value).toEqual({ name: 'X Media', type: 'organisation' });
    expect(facts.siteName?.value).toBe('X Site');
  });

  it('reads a top-level array', () => {
    const facts = readJsonLd(
      page(ld([{ '@type': 'BreadcrumbList' }, { '@type': 'BlogPosting', headline: 'In array' }])),
    );
    expect(facts.type).toBe('BlogPosting');
    expect(facts.headline?.value).toBe('In array');
  });

  it('prefers the most specific article type', () => {
    const facts = readJsonLd(
      page(
        ld({ '@type': 'WebPage', name: 'Page name' }),
        ld({ '@type': 'Article', headline: 'Generic' }),
        ld({ '@type': ['NewsArticle', 'OpinionNewsArticle'], headline: 'Opinion' }),
      ),
    );
    expect(facts.type).toBe('OpinionNewsArticle');
    expect(facts.headline?.value).toBe('Opinion');
  });

  it('falls back to a WebPage and reads its name', () => {
    const facts = readJsonLd(page(ld({ '@type': 'WebPage', name: 'Only a page' })));
    expect(facts.name).toEqual({ value: 'Only a page', from: 'json-ld name' });
  });

  it('never takes a nested article (isBasedOn, a list of related stories) as the article', () => {
    const facts = readJsonLd(
      page(
        ld({
          '@type': 'ItemList',
          itemListElement: [
            { '@type': 'ListItem', item: { '@type': 'NewsArticle', headline: 'Related' } },
          ],
        }),
        ld({
          '@type': 'Article',
          headline: 'The republication',
          isBasedOn: {
            '@type': 'NewsArticle',
            name: 'The original',
            url: 'https://orig.example/a',
          },
        }),
      ),
    );
    expect(facts.headline?.value).toBe('The republication');
    expect(facts.basedOn?.value).toEqual({ name: 'The original', url: 'https://orig.example/a' });
  });

  it('takes the mainEntity of a WebPage', () => {
    const facts = readJsonLd(
      page(
        ld({
          '@type': 'WebPage',
          mainEntity: {
            '@type': 'NewsArticle',
            headline: 'Main entity',
            datePublished: '2021-03-04',
          },
        }),
      ),
    );
    expect(facts.headline?.value).toBe('Main entity');
    expect(facts.published?.value).toBe('2021-03-04');
  });

  it('among equals, prefers the node whose address is the page', () => {
    const facts = readJsonLd(
      page(
        ld({ '@type': 'NewsArticle', headline: 'Other', url: 'https://x.example/other' }),
        ld({ '@type': 'NewsArticle', headline: 'This one', url: 'https://x.example/this?utm=1' }),
      ),
      'https://x.example/this',
    );
    expect(facts.headline?.value).toBe('This one');
  });

  it('reads types written as prefixed or full IRIs', () => {
    const facts = readJsonLd(
      page(ld({ '@type': 'http://schema.org/NewsArticle', 'schema:headline': 'IRI' })),
    );
    expect(facts.type).toBe('NewsArticle');
    expect(facts.headline?.value).toBe('IRI');
  });

  it('skips malformed scripts and reads the good ones', () => {
    const facts = readJsonLd(
      page('{"@type": "Article", "headline": ', ld({ '@type': 'Article', headline: 'Good' })),
    );
    expect(facts.headline?.value).toBe('Good');
  });

  it('falls back to the WebPage for dates the article node lacks', () => {
    const facts = readJsonLd(
      page(
        ld({
          '@graph': [
            { '@type': 'WebPage', datePublished: '2020-01-02', inLanguage: 'en-GB' },
            { '@type': 'Article', headline: 'No dates' },
          ],
        }),
      ),
    );
    expect(facts.published).toEqual({ value: '2020-01-02', from: 'json-ld WebPage datePublished' });
    expect(facts.language?.value).toBe('en-GB');
  });
});

describe('readJsonLd: fields', () => {
  const article = (fields: Record<string, unknown>) =>
    readJsonLd(page(ld({ '@type': 'NewsArticle', ...fields })));

  it('reads authors as objects, arrays, strings and @id references, typed', () => {
    const facts = article({
      author: [
        { '@type': 'Person', name: 'Ann Lee' },
        'Bo Chen',
        { '@type': 'NewsMediaOrganization', name: 'Wire Service' },
        { '@type': 'GovernmentOrganization', name: 'Ministry of Water' },
        { '@type': 'EducationalOrganization', name: 'River College' },
        { '@type': 'Corporation', name: 'Acme Corp' },
        { '@type': 'Person', givenName: 'Cy', familyName: 'Diaz' },
        'https://x.example/author/someone',
        { '@type': 'Person', url: 'https://x.example/author/nameless' },
      ],
    });
    expect(facts.authors).toEqual([
      { name: 'Ann Lee', type: 'person' },
      { name: 'Bo Chen', type: null },
      { name: 'Wire Service', type: 'organisation' },
      { name: 'Ministry of Water', type: 'organisation' },
      { name: 'River College', type: 'organisation' },
      { name: 'Acme Corp', type: 'organisation' },
      { name: 'Cy Diaz', type: 'person' },
    ]);
  });

  it('reads a single author object', () => {
    expect(article({ author: { '@type': 'Person', name: 'Ann Lee' } }).authors).toEqual([
      { name: 'Ann Lee', type: 'person' },
    ]);
  });

  it('returns text only from a headline holding HTML and character references', () => {
    expect(article({ headline: 'A <b>bold</b> &amp; <i>daring</i> title' }).headline?.value).toBe(
      'A bold & daring title',
    );
    expect(article({ headline: '&lt;script&gt;alert(1)&lt;/script&gt;Safe' }).headline?.value).toBe(
      'alert(1)Safe',
    );
  });

  it('reads keywords as a comma-separated string or an array', () => {
    expect(article({ keywords: 'rivers, floods,  maps' }).keywords?.value).toEqual([
      'rivers',
      'floods',
      'maps',
    ]);
    expect(article({ keywords: ['rivers', 'floods, maps'] }).keywords?.value).toEqual([
      'rivers',
      'floods',
      'maps',
    ]);
    expect(readKeywords([{ '@type': 'DefinedTerm', name: 'Hydrology' }])).toEqual(['Hydrology']);
  });

  it('reads isBasedOn as a URL string, a name, an object, and isBasedOnUrl', () => {
    expect(article({ isBasedOn: 'https://orig.example/story' }).basedOn?.value).toEqual({
      name: null,
      url: 'https://orig.example/story',
    });
    expect(article({ isBasedOn: 'South Front' }).basedOn?.value).toEqual({
      name: 'South Front',
      url: null,
    });
    expect(
      article({
        isBasedOn: { '@type': 'CreativeWork', name: 'Original', url: 'https://o.example/' },
      }).basedOn,
    ).toEqual({
      value: { name: 'Original', url: 'https://o.example/' },
      from: 'json-ld isBasedOn',
    });
    expect(article({ isBasedOnUrl: 'https://o.example/x' }).basedOn).toEqual({
      value: { name: null, url: 'https://o.example/x' },
      from: 'json-ld isBasedOnUrl',
    });
  });

  it('reads inLanguage as a string or a Language object', () => {
    expect(article({ inLanguage: 'fr-FR' }).language?.value).toBe('fr-FR');
    expect(
      article({ inLanguage: { '@type': 'Language', name: 'English', alternateName: 'en' } })
        .language?.value,
    ).toBe('en');
  });

  it('reads url, mainEntityOfPage, license and description', () => {
    const facts = article({
      mainEntityOfPage: { '@type': 'WebPage', '@id': 'https://x.example/story' },
      license: { '@type': 'CreativeWork', url: 'https://creativecommons.org/licenses/by/4.0/' },
      description: ' A  <em>short</em> summary. ',
    });
    expect(facts.url).toEqual({
      value: 'https://x.example/story',
      from: 'json-ld mainEntityOfPage',
    });
    expect(facts.license?.value).toBe('https://creativecommons.org/licenses/by/4.0/');
    expect(facts.description?.value).toBe('A short summary.');
    expect(article({ url: 'javascript:alert(1)' }).url).toBeUndefined();
  });
});
