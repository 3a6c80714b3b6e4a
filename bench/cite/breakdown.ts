/**
 * Where the time of one citation goes: the steps of CitationEngine.reference (engine.ts) run
 * one by one on articles the engine never saw: proper-noun learning (articleProperNouns, on the
 * paragraphs and sentences about the titles' words), the metadata names (withMetadataNames),
 * title casing (itemForStyle), citeproc's HTML rendering (used for the rich formats only),
 * and the HTML-to-text conversion (fromCiteprocHtml); next to citeproc's plain-text rendering,
 * which is all citation-js does. The steps are internal functions, so they are loaded lazily:
 * if one is renamed, the breakdown says so and the rest of the benchmark still runs.
 */
import type { CslItem } from '../../src-core/article/model.ts';
import type { CitableArticle, CitationEngine } from '../../src-core/citation/types.ts';
import { cslFormat, median, registerBaselineStyle, timed } from './measure.ts';

export interface Step {
  step: string;
  /** Where the step lives in the source. */
  where: string;
  /** Mean over articles of the median over rounds. */
  meanMs: number;
  /** Part of Quire's own work on a first citation; false for the rendering both systems do. */
  quireOnly: boolean;
}

export interface StyleBreakdown {
  style: string;
  articles: number;
  rounds: number;
  steps: Step[];
  /** Quire's steps summed (learning excluded: that is the first citation of an article only). */
  warmOverheadMs: number;
  /** Quire's steps summed, learning included. */
  coldOverheadMs: number;
  /** Proper nouns per article: learned (lexicon included), and with the metadata names. */
  nounsPerArticle: number;
}

export type Breakdown = { styles: StyleBreakdown[]; error: null } | { styles: []; error: string };

export async function measureBreakdown(
  engine: CitationEngine,
  articles: readonly CitableArticle[],
  styles: readonly string[],
  rounds: number,
): Promise<Breakdown> {
  let steps;
  try {
    const [nouns, item, output] = await Promise.all([
      import('../../src-core/citation/article-nouns.ts'),
      import('../../src-core/citation/csl-item.ts'),
      import('../../src-core/citation/output-format.ts'),
    ]);
    steps = {
      // As the engine learns: only the paragraphs and sentences about the titles' words.
      articleProperNouns: (texts: string[], csl: CslItem) => {
        const about = nouns.titleWords(item.TITLE_FIELDS.map((field) => csl[field]));
        return nouns.articleProperNouns(nouns.paragraphsAbout(texts, about), about);
      },
      withMetadataNames: nouns.withMetadataNames,
      itemForStyle: item.itemForStyle,
      fromCiteprocHtml: output.fromCiteprocHtml,
    };
  } catch (error) {
    return { styles: [], error: `breakdown not measured: ${(error as Error).message}` };
  }
  const infos = new Map(engine.styles().map((s) => [s.id, s]));
  const out: StyleBreakdown[] = [];
  for (const style of styles) {
    const info = infos.get(style);
    if (!info) continue;
    const prepared = engine.prepared(articles[0]!, style);
    // One citeproc engine (the baseline's) renders both formats: citation-js switches its
    // output format per call, and a second engine would only add its memory to the run's peak.
    const template = registerBaselineStyle(style, 'text', prepared.styleXml);
    const render = (template: string, format: string, item: CslItem) =>
      cslFormat('bibliography', [item], {
        template,
        lang: prepared.locale,
        format,
        asEntryArray: format === 'html',
      });
    const names = ['learn', 'metadata', 'casing', 'html', 'convert', 'text'] as const;
    const samples = Object.fromEntries(
      names.map((n) => [n, articles.map(() => [] as number[])]),
    ) as Record<(typeof names)[number], number[][]>;
    let nounCount = 0;
    for (let round = 0; round < rounds; round++) {
      articles.forEach((article, i) => {
        const texts = article.body.map((p) => p.text);
        const [learned, learn] = timed(() => steps.articleProperNouns(texts, article.csl));
        const [merged, metadata] = timed(() => steps.withMetadataNames(learned, article));
        const [item, casing] = timed(() => ({
          ...steps.itemForStyle(
            article.csl,
            { styleId: style, casing: info.casing, override: article.titleOverrides?.[style] },
            merged,
          ),
          id: 'quire-item',
        }));
        const html = () => render(template, 'html', item) as [string, string][];
        const text = () => render(template, 'text', item);
        let entries: [string, string][];
        let htmlMs: number;
        let textMs: number;
        if ((i + round) % 2 === 0) {
          [entries, htmlMs] = timed(html);
          [, textMs] = timed(text);
        } else {
          [, textMs] = timed(text);
          [entries, htmlMs] = timed(html);
        }
        const [, convert] = timed(() => steps.fromCiteprocHtml(entries[0]?.[1] ?? '', 'text'));
        const row = { learn, metadata, casing, html: htmlMs, convert, text: textMs };
        for (const n of names) samples[n][i]!.push(row[n]);
        if (round === 0) nounCount += merged.size;
      });
    }
    const mean = (n: (typeof names)[number]) =>
      samples[n].reduce((sum, s) => sum + median(s), 0) / articles.length;
    const stepsOut: Step[] = [
      {
        step: 'proper-noun learning',
        where: 'article-nouns.ts articleProperNouns',
        meanMs: mean('learn'),
        quireOnly: true,
      },
      {
        step: 'metadata names',
        where: 'article-nouns.ts withMetadataNames',
        meanMs: mean('metadata'),
        quireOnly: true,
      },
      {
        step: `title casing (${info.casing})`,
        where: 'csl-item.ts itemForStyle',
        meanMs: mean('casing'),
        quireOnly: true,
      },
      {
        step: 'citeproc render, HTML (Quire, rich text and Markdown only)',
        where: 'engine.ts render → citation-js',
        meanMs: mean('html'),
        quireOnly: false,
      },
      {
        step: 'HTML → Markdown / inline HTML (rich formats only)',
        where: 'output-format.ts fromCiteprocHtml',
        meanMs: mean('convert'),
        quireOnly: true,
      },
      {
        step: 'citeproc render, text (citation-js baseline)',
        where: 'citation-js',
        meanMs: mean('text'),
        quireOnly: false,
      },
    ];
    // Plain-text references come from citeproc's text output, as citation-js's do; the HTML
    // render and its conversion are the rich-text and Markdown formats' cost, shown apart.
    const warmOverheadMs = mean('metadata') + mean('casing');
    out.push({
      style,
      articles: articles.length,
      rounds,
      steps: stepsOut,
      warmOverheadMs,
      coldOverheadMs: warmOverheadMs + mean('learn'),
      nounsPerArticle: nounCount / articles.length,
    });
  }
  return { styles: out, error: null };
}
