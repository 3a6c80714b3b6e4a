import { describe, expect, it } from 'vitest';
import { capture as parseTextArticle } from '../testing/capture.ts';
import { readFixture } from '../testing/fixtures.ts';

const REFERENCE = readFixture('000_bfa7ac14e5553cb7.txt');

describe('the reference article (Global Research republication of South Front)', () => {
  const article = parseTextArticle(REFERENCE, 'text/plain');

  it('reads title, organisation author, date, site and original source', () => {
    expect(article.csl.title).toBe(
      'Video: Taliban Pushes Back Against ISIS Expansion in Afghanistan. Increased US Troops Deployed',
    );
    expect(article.csl.author).toEqual([{ literal: 'South Front' }]);
    expect(article.csl.issued).toEqual({ 'date-parts': [[2018, 8, 15]] });
    expect(article.csl['container-title']).toBe('Global Research');
    expect(article.csl.URL).toBeUndefined();
    expect(article.originalSource).toEqual({ name: 'South Front', url: null });
  });

  it('keeps the taxonomy lines as keywords', () => {
    expect(article.keywords).toEqual([
      'Asia',
      'Military and WMD',
      'US NATO',
      'War Agenda',
      'AFGHANISTAN',
    ]);
  });

  it('numbers the 15 body paragraphs, the SIGAR paragraph being 5', () => {
    expect(article.body.map((p) => p.n)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    expect(article.body[0]!.text).toMatch(/^ISIS has increased its efforts/);
    expect(article.body[4]!.text).toContain(
      'the central government controls only about 56-57% of Afghanistan',
    );
    expect(article.body[14]!.text).toMatch(/^Russia, China and as well as/);
    for (const p of article.body) expect(REFERENCE.slice(p.start, p.end)).toBe(p.text);
  });

  it('drops header and footer boilerplate from the body', () => {
    const body = article.body.map((p) => p.text).join('\n');
    for (const junk of [
      'Note to readers: please click the share buttons above',
      'Region:',
      'Theme:',
      'In-depth Report:',
      'please support the project',
      'Comment on Global Research Articles',
      'Become a Member of Global Research',
      'For media inquiries',
      'Copyright ©',
    ]) {
      expect(body).not.toContain(junk);
    }
  });

  it('keeps every notice verbatim, as its own record with its exact source range', () => {
    expect(article.rights.map((n) => n.kind)).toEqual([
      'republication',
      'copyright',
      'disclaimer',
      'fair-use',
    ]);
    for (const n of article.rights) expect(REFERENCE.slice(n.start, n.end)).toBe(n.text);
    expect(article.rights[0]!.text).toBe('The original source of this article is [South Front](#)');
    expect(article.rights[1]!.text).toBe('Copyright © [South Front](#), [South Front](#), 2018');
    expect(article.rights[2]!.text).toMatch(
      /^Disclaimer: The contents of this article are of sole responsibility/,
    );
    expect(article.rights[2]!.text).toMatch(/contact: publications@globalresearch\.ca$/);
    expect(article.rights[3]!.text).toMatch(
      /^www\.globalresearch\.ca contains copyrighted material/,
    );
    expect(article.rights[3]!.text).toMatch(
      /you must request permission from the copyright owner\.$/,
    );
  });
});

describe('a Markdown clip with front matter', () => {
  const text = readFixture('articles/conversation-clip.md');
  const article = parseTextArticle(text, 'text/markdown');

  it('reads metadata from the front matter', () => {
    expect(article.csl.title).toBe('Why rivers are drying up: a hydrologist explains');
    expect(article.csl.author).toEqual([
      { family: 'Fernández', given: 'Maria José' },
      { family: 'Berg', given: 'Tom', 'non-dropping-particle': 'van der' },
    ]);
    expect(article.csl.issued).toEqual({ 'date-parts': [[2023, 7, 4]] });
    expect(article.csl.URL).toBe('https://theconversation.com/why-rivers-are-drying-up-123456');
  });

  it('names the original publisher from a link in the republication notice', () => {
    expect(article.originalSource).toEqual({
      name: 'The Conversation',
      url: 'https://theconversation.com',
    });
    expect(article.rights).toHaveLength(1);
    expect(article.rights[0]!.kind).toBe('republication');
    expect(article.rights[0]!.text).toBe(
      text.slice(text.indexOf('This article is republished')).trimEnd(),
    );
  });

  it('counts a quote and a whole list as one paragraph each, and skips headings, images, captions, bios', () => {
    expect(article.body.map((p) => p.kind)).toEqual([
      'prose',
      'prose',
      'blockquote',
      'prose',
      'list',
      'prose',
    ]);
    expect(article.body[2]!.text).toBe(
      '"We have never seen the Ebro like this," said one farmer near Zaragoza. "The irrigation\nchannels are dry by noon."',
    );
    expect(article.body[4]!.text).toContain('and more water drawn for irrigation.');
    const all = article.body.map((p) => p.text).join('\n');
    for (const junk of [
      'What the gauges show',
      'Read more',
      'Image:',
      'riverbed.jpg',
      'is a hydrologist',
      'Share on',
    ]) {
      expect(all).not.toContain(junk);
    }
  });

  it('treats prose that mentions copyright as prose', () => {
    expect(article.body[5]!.text).toMatch(/^Copyright law rarely comes up/);
  });
});

describe('a plain-text blog post with a person byline', () => {
  const article = parseTextArticle(readFixture('articles/blog-person-byline.txt'), 'text/plain');

  it('reads people, drops honorifics and roles, keeps suffixes', () => {
    expect(article.csl.author).toEqual([
      { family: "O'Brien", given: 'Helen' },
      { family: 'Whitfield', given: 'James', suffix: 'Jr.' },
    ]);
  });

  it('takes the publication date, not the update date', () => {
    expect(article.csl.issued).toEqual({ 'date-parts': [[2021, 3, 3]] });
  });

  it('takes the site from the copyright line when no dateline names it', () => {
    expect(article.csl['container-title']).toBe('The Northern Review');
    expect(article.rights.map((n) => [n.kind, n.text])).toEqual([
      ['copyright', '© 2021 The Northern Review. All rights reserved.'],
    ]);
  });

  it('reads tags and drops the advertisement line', () => {
    expect(article.keywords).toEqual(['libraries', 'public services', 'Britain']);
    expect(article.body).toHaveLength(3);
    expect(article.body.map((p) => p.text).join(' ')).not.toContain('Advertisement');
  });
});
