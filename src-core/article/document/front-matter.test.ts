import { describe, expect, it } from 'vitest';
import { readFrontMatter, statedDate, unwrapName } from './front-matter.ts';

describe('readFrontMatter', () => {
  it('reads an Obsidian Web Clipper header', () => {
    const stated = readFrontMatter(
      [
        'title: "Why rivers are drying up: a hydrologist explains"',
        'source: "https://theconversation.com/why-rivers-are-drying-up-123456"',
        'author:',
        '  - "[[Maria José Fernández]]"',
        '  - "[[Tom van der Berg]]"',
        'published: 2023-07-04',
        'created: 2024-01-10',
        'description: "Rivers across southern Europe ran lower this summer."',
        'tags:',
        '  - "clippings"',
        '  - "#hydrology"',
      ].join('\n'),
    );
    expect(stated).toEqual({
      title: 'Why rivers are drying up: a hydrologist explains',
      url: 'https://theconversation.com/why-rivers-are-drying-up-123456',
      authors: [
        { name: 'Maria José Fernández', type: null },
        { name: 'Tom van der Berg', type: null },
      ],
      published: { parts: [2023, 7, 4], ambiguous: false, from: 'front matter: published' },
      accessed: { parts: [2024, 1, 10], ambiguous: false, from: 'front matter: created' },
      description: 'Rivers across southern Europe ran lower this summer.',
      keywords: ['clippings', 'hydrology'],
      sources: {
        title: 'front matter: title',
        url: 'front matter: source',
        authors: 'front matter: author',
        published: 'front matter: published',
        accessed: 'front matter: created',
        description: 'front matter: description',
        keywords: 'front matter: tags',
      },
    });
  });

  it('reads a MarkDownload header: a clip date is an access date, never the publication date', () => {
    const stated = readFrontMatter(
      [
        'created: 2023-03-14T09:21:33 (UTC +01:00)',
        'tags: []',
        'source: https://www.example.org/2023/03/urban-heat',
        'author: Priya Raman',
      ].join('\n'),
    );
    expect(stated.published).toBeUndefined();
    expect(stated.accessed).toEqual({
      parts: [2023, 3, 14],
      ambiguous: false,
      from: 'front matter: created',
    });
    expect(stated.authors).toEqual([{ name: 'Priya Raman', type: null }]);
    expect(stated.keywords).toBeUndefined();
    expect(stated.url).toBe('https://www.example.org/2023/03/urban-heat');
  });

  it('reads a Jekyll/Hugo header with other key spellings', () => {
    const stated = readFrontMatter(
      [
        'Title: Notes on Fieldwork',
        'by: "[Jane Doe](https://example.org/jane)"',
        'pubDate: 2021-11-30T23:30:00-05:00',
        'date_modified: 2022-01-02',
        'canonical: <https://blog.example.org/fieldwork>',
        'site_name: Field Notes',
        'publisher: Example Press',
        'keywords: "ethnography, #fieldwork , Ethnography"',
        'lang: en-GB',
        'licence: CC BY-SA 4.0',
      ].join('\n'),
    );
    expect(stated.title).toBe('Notes on Fieldwork');
    expect(stated.authors).toEqual([{ name: 'Jane Doe', type: null }]);
    // The calendar day written, not shifted to UTC (which would be 1 December).
    expect(stated.published?.parts).toEqual([2021, 11, 30]);
    expect(stated.modified?.parts).toEqual([2022, 1, 2]);
    expect(stated.url).toBe('https://blog.example.org/fieldwork');
    expect(stated.siteName).toBe('Field Notes');
    expect(stated.publisher).toEqual({ name: 'Example Press', type: null });
    expect(stated.keywords).toEqual(['ethnography', 'fieldwork']);
    expect(stated.language).toBe('en-GB');
    expect(stated.license).toBe('CC BY-SA 4.0');
    expect(stated.sources?.published).toBe('front matter: pubDate');
    expect(stated.sources?.title).toBe('front matter: Title');
  });

  it('prefers keys in order and skips empty values', () => {
    const stated = readFrontMatter(
      'author: ""\nauthors: [Ann Lee, "Bo Chen"]\ndate: 2020\npublished:',
    );
    expect(stated.authors?.map((a) => a.name)).toEqual(['Ann Lee', 'Bo Chen']);
    expect(stated.published).toEqual({
      parts: [2020],
      ambiguous: false,
      from: 'front matter: date',
    });
  });

  it('takes only http(s) URLs', () => {
    expect(readFrontMatter('url: javascript:alert(1)').url).toBeUndefined();
    expect(readFrontMatter('source: file:///etc/passwd\nlink: https://ok.example/').url).toBe(
      'https://ok.example/',
    );
  });

  it('reads names from objects and numbers as text', () => {
    const stated = readFrontMatter('author:\n  name: Ada Byron\ntitle: 1984');
    expect(stated.authors).toEqual([{ name: 'Ada Byron', type: null }]);
    expect(stated.title).toBe('1984');
  });

  it('states nothing for broken, hostile or non-mapping YAML, and never throws', () => {
    expect(readFrontMatter('title: "unterminated\nauthor: x')).toEqual({});
    expect(readFrontMatter('- just\n- a list')).toEqual({});
    expect(readFrontMatter('')).toEqual({});
    expect(readFrontMatter('title: [a, b')).toEqual({});
    const laughs = [
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'title: *d',
    ].join('\n');
    expect(readFrontMatter(laughs)).toEqual({});
    expect(readFrontMatter('title: !!js/function "function(){}"').title).toBe('function(){}');
    // Duplicate keys are allowed: the last one wins.
    expect(readFrontMatter('title: One\ntitle: Two').title).toBe('Two');
  });
});

describe('statedDate', () => {
  it('reads ISO dates and timestamps as the calendar day written', () => {
    expect(statedDate('2018-08-15', 'date')?.parts).toEqual([2018, 8, 15]);
    expect(statedDate('2018-08', 'date')?.parts).toEqual([2018, 8]);
    expect(statedDate('2018-08-15T00:30:00+09:00', 'date')?.parts).toEqual([2018, 8, 15]);
    expect(statedDate('2018-08-15T23:59:59.123Z', 'date')?.parts).toEqual([2018, 8, 15]);
    expect(statedDate('2018/8/5', 'date')?.parts).toEqual([2018, 8, 5]);
    expect(statedDate('2018-02-30', 'date')).toBeNull();
    expect(statedDate('sometime', 'date')).toBeNull();
  });

  it('reads prose dates and marks day/month numbers that could be either as ambiguous', () => {
    expect(statedDate('August 15, 2018', 'date')).toEqual({
      parts: [2018, 8, 15],
      ambiguous: false,
      from: 'front matter: date',
    });
    expect(statedDate('03/04/2021', 'date')?.ambiguous).toBe(true);
    expect(statedDate('15/08/2018', 'date')).toMatchObject({
      parts: [2018, 8, 15],
      ambiguous: false,
    });
  });
});

describe('unwrapName', () => {
  it('unwraps Obsidian links, Markdown links and quotes', () => {
    expect(unwrapName('[[Jane Doe]]')).toBe('Jane Doe');
    expect(unwrapName('[[Jane Doe|Jane]]')).toBe('Jane Doe');
    expect(unwrapName('[Jane Doe](https://example.org/jane)')).toBe('Jane Doe');
    expect(unwrapName('"Jane Doe"')).toBe('Jane Doe');
    expect(unwrapName('Jane [Doe]')).toBe('Jane [Doe]');
  });
});
