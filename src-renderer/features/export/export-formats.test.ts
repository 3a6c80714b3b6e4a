import { describe, expect, it } from 'vitest';
import { loadCitationEngine, type CitableArticle } from '../citations/load-engine.ts';
import { EXPORT_FORMATS, exportText, isReferenceList } from './export-formats.ts';

// The engine as the app loads it: the CSL files bundled through Vite.
const engine = await loadCitationEngine();
const article = (id: string, family: string): CitableArticle => ({
  csl: {
    id,
    type: 'webpage',
    title:
      'Video: Taliban Pushes Back Against ISIS Expansion in Afghanistan. Increased US Troops Deployed',
    author: [{ family, given: 'Ann' }],
    issued: { 'date-parts': [[2018, 8, 15]] },
    'container-title': 'Global Research',
  },
  originalSource: null,
  body: [{ text: 'The Taliban and ISIS in Afghanistan.' }],
});
const articles = [article('b', 'Zeller'), article('a', 'Abbott')];

describe('exportText', () => {
  it('writes a reference list in the style’s order, one entry per paragraph', () => {
    const text = exportText(engine, articles, 'list-text', 'apa');
    expect(text.split('\n\n').map((e) => e.slice(0, 10))).toEqual(['Abbott, A.', 'Zeller, A.']);
    expect(text.endsWith('.\n')).toBe(true);
  });

  it('writes an HTML list as a standalone UTF-8 page with italics kept', () => {
    const html = exportText(engine, articles, 'list-html', 'apa');
    expect(html).toMatch(/^<!doctype html>\n<meta charset="utf-8">/u);
    expect(html.match(/<p class="csl-entry">/gu)).toHaveLength(2);
    expect(html).toContain('<i>Video: Taliban pushes back against ISIS');
  });

  it('writes data formats with keys unique across the export', () => {
    const bib = exportText(engine, [articles[0]!, articles[0]!], 'bibtex', 'apa');
    expect(bib.match(/^@misc\{[^,]+,/gmu)).toEqual([
      '@misc{zeller2018video,',
      '@misc{zeller2018videoa,',
    ]);
    expect(exportText(engine, [], 'ris', 'apa')).toBe('');
  });

  it('names a file extension and media type for every format', () => {
    for (const format of EXPORT_FORMATS) {
      expect(format.extension).toMatch(/^[a-z]+$/u);
      expect(format.mime).toMatch(/^[a-z]+\/[\w.+-]+$/u);
    }
    expect(EXPORT_FORMATS.filter((f) => isReferenceList(f.id)).map((f) => f.id)).toEqual([
      'list-text',
      'list-markdown',
      'list-html',
    ]);
  });
});
