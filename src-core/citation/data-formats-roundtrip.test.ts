import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { CslItem, CslName } from '../article/model.ts';
import { toBibtex } from './bibtex.ts';
import { articleCitekey } from './citation-key.ts';
import { toCslJson, validDateParts } from './csl-json.ts';
import { toRisFile } from './ris.ts';
import { properNounsOf, TESTING_ARTICLES } from '../testing/data-format-articles.ts';
import type { CitableArticle, DataFormat } from './types.ts';

/** citation-js types every input option as required; these tests set only forceType. */
type CiteOptions = ConstructorParameters<typeof Cite>[1];

/**
 * Each data format is exported for the testing articles and read back by two parsers that share
 * no code with Quire: citation-js (plugin-bibtex, plugin-ris, CSL input) and pandoc (its BibTeX,
 * BibLaTeX and CSL-JSON readers; pandoc 2.x has no RIS reader, pandoc 3 has one and is then used
 * too). What must come back: the title, the authors, the date, the URL and the site.
 */

type Reader = 'citation-js' | 'pandoc';

const PANDOC_MISSING =
  'pandoc is not installed: these tests read the exports back with it. Install it with ' +
  '`apt-get install pandoc` (Debian package "pandoc").';

function pandocInputFormats(): string[] {
  try {
    return execFileSync('pandoc', ['--list-input-formats'], { encoding: 'utf8' }).split(/\s+/u);
  } catch (error) {
    throw new Error(`${PANDOC_MISSING} (${(error as Error).message})`, { cause: error });
  }
}

const PANDOC_FORMAT: Record<DataFormat, string> = {
  bibtex: 'bibtex',
  biblatex: 'biblatex',
  ris: 'ris',
  'csl-json': 'csljson',
};

function exportAll(format: DataFormat): string {
  switch (format) {
    case 'bibtex':
    case 'biblatex':
      return `${TESTING_ARTICLES.map((a) => toBibtex(a, format, properNounsOf(a))).join('\n\n')}\n`;
    case 'ris':
      return toRisFile(TESTING_ARTICLES);
    case 'csl-json':
      return toCslJson(TESTING_ARTICLES);
  }
}

function read(format: DataFormat, reader: Reader): Map<string, CslItem> {
  const text = exportAll(format);
  let items: CslItem[];
  if (reader === 'pandoc') {
    const output = execFileSync('pandoc', ['-f', PANDOC_FORMAT[format], '-t', 'csljson'], {
      input: text,
      encoding: 'utf8',
    });
    items = JSON.parse(output) as CslItem[];
  } else {
    const input: unknown = format === 'csl-json' ? JSON.parse(text) : text;
    const forceType = {
      bibtex: '@bibtex/text',
      biblatex: '@biblatex/text',
      ris: '@ris/file',
      'csl-json': '@csl/list+object',
    }[format];
    items = new Cite(input, { forceType } as CiteOptions).data as CslItem[];
  }
  return new Map(items.map((item) => [String(item.id), item]));
}

const clean = (text: string): string => text.normalize('NFC').replace(/\s+/gu, ' ').trim();

/** What the title was meant to be in this format: the hand-cased one for BibTeX, if any. */
function sentTitle(article: CitableArticle, format: DataFormat): string | undefined {
  const override = article.titleOverrides?.[format];
  return override?.trim() ? override : article.csl.title;
}

/** A name as one comparable string; an organisation and a family-only name read the same. */
function nameText(name: CslName): string {
  if (name.literal) return clean(name.literal);
  const family = [name['non-dropping-particle'] ?? name['dropping-particle'], name.family]
    .filter(Boolean)
    .join(' ');
  return clean([family, name.given, name.suffix].filter(Boolean).join(', '));
}

/** URLs are compared after decoding percent-encoded unreserved characters (RFC 3986, 6.2.2.2). */
const normalUrl = (url: string): string =>
  url.replace(/%(2D|2E|5F|7E)/giu, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/**
 * Words whose capitals a style must keep: the proper nouns and acronyms each title has (what
 * the article body and metadata teach). pandoc lowercases every other word of a BibTeX title.
 */
const KEEP_CAPITALS: Record<string, readonly string[]> = {
  a1: ['Taliban', 'ISIS', 'Afghanistan', 'US'],
  a5: ['Łódź'],
  a7: ['Colombia'],
  a8: ['Brussels'],
  a10: ['China'],
};

const FORMATS: DataFormat[] = ['bibtex', 'biblatex', 'ris', 'csl-json'];

describe('pandoc', () => {
  it('is installed (apt-get install pandoc) and reads BibTeX, BibLaTeX and CSL-JSON', () => {
    const formats = pandocInputFormats();
    expect(formats).toEqual(expect.arrayContaining(['bibtex', 'biblatex', 'csljson']));
  });
});

for (const format of FORMATS) {
  const readers: Reader[] = format === 'ris' ? ['citation-js'] : ['citation-js', 'pandoc'];

  describe(`${format} read back`, () => {
    for (const reader of readers) {
      describe(`by ${reader}`, () => {
        let cache: Map<string, CslItem> | undefined;
        const items = (): Map<string, CslItem> => (cache ??= read(format, reader));

        it('has every entry, under its citation key', () => {
          expect([...items().keys()].sort()).toEqual(TESTING_ARTICLES.map(articleCitekey).sort());
        });

        for (const article of TESTING_ARTICLES) {
          const key = articleCitekey(article);
          it(`${key}: title, authors, date, URL and site`, () => {
            const item = items().get(key);
            expect(item, key).toBeDefined();
            if (!item) return;
            checkItem(article, item, format, reader);
          });
        }
      });
    }

    if (format === 'ris') {
      it('by pandoc, when this pandoc has a RIS reader (pandoc 3)', () => {
        // Asked when the test runs, so that a missing pandoc fails it rather than the import.
        if (!pandocInputFormats().includes('ris')) return;
        const items = read(format, 'pandoc');
        for (const article of TESTING_ARTICLES) {
          const item = items.get(articleCitekey(article));
          expect(item).toBeDefined();
          if (item) checkItem(article, item, format, 'pandoc');
        }
      });
    }
  });
}

function checkItem(
  article: CitableArticle,
  item: CslItem,
  format: DataFormat,
  reader: Reader,
): void {
  const { csl } = article;
  const bib = format === 'bibtex' || format === 'biblatex';

  // Title. pandoc writes BibTeX titles in sentence case, keeping only what the braces protect,
  // so for BibTeX the comparison ignores case, and the protected words must keep theirs.
  const title = sentTitle(article, format);
  if (title === undefined) {
    expect(item.title).toBeUndefined();
  } else {
    const got = clean(String(item.title ?? ''));
    if (bib) {
      expect(got.toLowerCase()).toBe(clean(title).toLowerCase());
      if (!article.titleOverrides?.[format]) {
        for (const word of KEEP_CAPITALS[article.csl.id] ?? []) expect(got).toContain(word);
      }
    } else {
      expect(got).toBe(clean(title));
    }
  }

  // Authors: the same names in the same order, organisations never inverted or split.
  const expectedNames = (csl.author ?? []).map(nameText);
  const gotNames = (item.author ?? []).map(nameText);
  expect(gotNames).toEqual(expectedNames);

  // Date: classic BibTeX has year and month only.
  const parts = validDateParts(csl.issued)?.[0];
  const expectedDate = parts && format === 'bibtex' ? parts.slice(0, 2) : parts;
  const gotDate = item.issued?.['date-parts']?.[0]?.map(Number);
  expect(gotDate ?? null).toEqual(expectedDate ?? null);

  // URL. In classic BibTeX a web page's URL is howpublished = {\url{…}}: citation-js reads that
  // as the URL, pandoc reads howpublished as the publisher (the \url command removed).
  const url = typeof csl.URL === 'string' ? csl.URL : null;
  const classicMisc = format === 'bibtex' && /^@misc/u.test(toBibtex(article, 'bibtex', new Set()));
  const gotUrl =
    item.URL ?? (classicMisc && reader === 'pandoc' && url ? item.publisher : undefined);
  expect(gotUrl ? normalUrl(String(gotUrl)) : null).toBe(url);

  // Site: where each format keeps it (container-title, BibLaTeX organization and classic
  // howpublished read as publisher, RIS T2 of ELEC as collection-title, or the head of classic
  // BibTeX's note when the URL has howpublished).
  const site = csl['container-title'];
  if (typeof site === 'string') {
    const places = [
      item['container-title'],
      item['collection-title'],
      item.publisher,
      typeof item.note === 'string' ? item.note.split('. ')[0] : undefined,
    ].map((v) => (typeof v === 'string' ? clean(v) : v));
    expect(places).toContain(clean(site));
  }
}
