import { plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import type { CslItem } from '../article/model.ts';
import { toBibtex } from './bibtex.ts';
import { toCslJson } from './csl-json.ts';
import { withLibraryCitekeys } from './library-keys.ts';
import { toRis, toRisFile } from './ris.ts';
import { ITEM_ID, itemForStyle, TITLE_FIELDS } from './csl-item.ts';
import {
  casingOfStyle,
  registerLocales,
  registerStyle,
  type RegisteredStyle,
} from './csl-styles.ts';
import { checkCslStyle, CslStyleError } from './custom-style.ts';
import { checkLocator } from './locator.ts';
import { fromCiteprocHtml, fromPlainText } from './output-format.ts';
import {
  articleProperNouns,
  paragraphsAbout,
  titleWords,
  withMetadataNames,
  withoutOwnTitle,
} from './article-nouns.ts';
import { BUILT_IN_STYLES, type StyleInfo } from './styles.ts';
import { NAME_PARTICLES } from './word-lists.ts';
import {
  isDataFormat,
  type CitableArticle,
  type CitationEngine,
  type CslResources,
  type DataFormat,
  type InTextOptions,
  type OutputFormat,
} from './types.ts';

interface CiteItem {
  id: string;
  locator?: string;
  label?: string;
}

/** citation-js types `format` per output plugin; this is the shape the CSL plugin accepts. */
const format = plugins.output.format as unknown as (
  name: 'bibliography' | 'citation',
  data: CslItem[],
  options: Record<string, unknown>,
) => unknown;

interface EngineStyle {
  info: StyleInfo;
  registered: RegisteredStyle;
}

/** The article a custom style is tried on before it is accepted. */
const TRIAL: CitableArticle = {
  csl: {
    id: 'trial',
    type: 'webpage',
    title: 'A trial title',
    author: [{ family: 'Doe', given: 'Jane' }],
    issued: { 'date-parts': [[2020, 1, 2]] },
    'container-title': 'Example Site',
    URL: 'https://example.org/a',
  },
  originalSource: null,
  body: [{ text: 'One paragraph.' }],
};

/**
 * A note is a sentence: one that starts with a name particle starts with a capital (CMOS 18
 * 8.5: "Van der Berg, …"), as pandoc's citeproc writes it. Other lower-case starts are names
 * spelled that way (eBay, bell hooks) and stay.
 */
function capitalizeNote(note: string): string {
  const m = /^(<[^>]+>|\*)*([\p{Ll}][\p{L}']*)/u.exec(note);
  const word = m?.[2];
  if (!word || !NAME_PARTICLES.has(word.toLowerCase())) return note;
  const at = (m[0] ?? '').length - word.length;
  return note.slice(0, at) + word.charAt(0).toUpperCase() + note.slice(at + 1);
}

/**
 * Creates the engine once per set of resources; each call then only renders with an
 * already-built citeproc engine (citation-js caches those per style and locale).
 */
export function createCitationEngine(resources: CslResources): CitationEngine {
  registerLocales(resources.locales);
  const localeXml = (tag: string): { lang: string; xml: string } => {
    const xml = resources.locales[tag];
    if (xml) return { lang: tag, xml };
    const fallback = resources.locales['en-US'] ?? Object.values(resources.locales)[0];
    if (!fallback) throw new Error('CslResources.locales is empty: at least en-US is needed');
    return {
      lang: resources.locales['en-US'] ? 'en-US' : Object.keys(resources.locales)[0]!,
      xml: fallback,
    };
  };
  const styles = new Map<string, EngineStyle>();
  for (const info of BUILT_IN_STYLES) {
    const xml = resources.styles[info.id];
    if (!xml) continue;
    const locale = localeXml(info.locale);
    const { file: _file, ...listed } = info;
    styles.set(info.id, {
      info: { ...listed, locale: locale.lang },
      registered: registerStyle(info.id, xml, locale.lang, locale.xml),
    });
  }

  // Learned once per body, title and metadata names: bodies are immutable values in Quire;
  // titles and names can be edited. The same set for every call lets the casing rules reuse
  // their index of it.
  const learned = new WeakMap<object, Map<string, Set<string>>>();
  const properNouns = (article: CitableArticle): Set<string> => {
    const { csl } = article;
    const title = typeof csl.title === 'string' ? csl.title : '';
    const key = JSON.stringify([
      csl.type,
      title,
      csl.author,
      csl['container-title'],
      article.originalSource?.name,
    ]);
    let byKey = learned.get(article.body);
    if (!byKey) learned.set(article.body, (byKey = new Map()));
    let nouns = byKey.get(key);
    if (!nouns) {
      const about = titleWords(TITLE_FIELDS.map((field) => csl[field]));
      const text = paragraphsAbout(
        withoutOwnTitle(
          article.body.map((p) => p.text),
          title,
          csl.type,
        ),
        about,
      );
      const own = articleProperNouns(text, about);
      nouns = withMetadataNames(own, article);
      byKey.set(key, nouns);
    }
    return nouns;
  };

  const styleOf = (id: string): EngineStyle => {
    const style = styles.get(id);
    if (!style) throw new Error(`Unknown citation style "${id}"`);
    return style;
  };

  const prepare = (article: CitableArticle, style: EngineStyle, id = ITEM_ID): CslItem => ({
    ...itemForStyle(
      article.csl,
      {
        styleId: style.info.id,
        casing: style.info.casing,
        override: article.titleOverrides?.[style.info.id],
      },
      properNouns(article),
    ),
    id,
  });

  const render = (style: EngineStyle, items: CslItem[], outputFormat: OutputFormat): string[] => {
    // Always HTML, text derived from it: citation-js marks each entry by adding an attribute
    // to its first tag, and in its text output that "tag" can be an author's or title's own
    // "<script>" or "<b>" (taken for markup, attribute and all). In HTML those are escaped.
    const entries = format('bibliography', items, {
      template: style.registered.template,
      lang: style.registered.lang,
      format: 'html',
      asEntryArray: true,
    }) as [string, string][];
    return entries.map(([, out]) => fromCiteprocHtml(out, outputFormat));
  };

  /** One in-text citation (the note, for note styles) of one prepared item. */
  const cite = (
    style: EngineStyle,
    item: CslItem,
    entry: CiteItem,
    outputFormat: OutputFormat,
  ): string => {
    const html = format('citation', [item], {
      template: style.registered.template,
      lang: style.registered.lang,
      format: 'html',
      entry,
    }) as string;
    return fromCiteprocHtml(html, outputFormat);
  };

  const exportOne = (article: CitableArticle, dataFormat: DataFormat): string => {
    switch (dataFormat) {
      case 'bibtex':
      case 'biblatex':
        return toBibtex(article, dataFormat, properNouns(article));
      case 'ris':
        return toRis(article);
      case 'csl-json':
        return toCslJson([article]);
    }
  };

  /** A custom style checked (CslStyleError) and tried on a sample article, not yet listed. */
  const candidateStyle = (id: string, xml: string): EngineStyle => {
    const checked = checkCslStyle(xml);
    const locale = localeXml(checked.defaultLocale ?? 'en-US');
    const info: StyleInfo = {
      id,
      label: checked.title,
      casing: casingOfStyle(xml),
      kind: checked.kind,
      locale: locale.lang,
      builtIn: false,
    };
    const candidate: EngineStyle = {
      info,
      registered: registerStyle(id, xml, locale.lang, locale.xml),
    };
    const outputs: string[] = [];
    try {
      if (checked.hasBibliography)
        outputs.push(...render(candidate, [prepare(TRIAL, candidate)], 'text'));
      if (checked.hasCitation) {
        outputs.push(cite(candidate, prepare(TRIAL, candidate), { id: ITEM_ID }, 'text'));
      }
    } catch (error) {
      const reason = error instanceof Error && error.message ? error.message : String(error);
      throw new CslStyleError(`This CSL style cannot be used: it fails when citing (${reason})`);
    }
    // citeproc reports some style errors as text instead of throwing.
    const reported = outputs.find((o) => o.includes('CSL STYLE ERROR') || !o.trim());
    if (reported !== undefined) {
      throw new CslStyleError(
        `This CSL style cannot be used: it prints nothing for a web page with an author, title and date (${reported.trim() || 'empty'})`,
      );
    }
    return candidate;
  };

  const engine: CitationEngine = {
    styles: () => [...styles.values()].map((s) => s.info),

    checkStyle: (xml) => candidateStyle('quire-trial', xml).info,

    addStyle({ id, xml }) {
      const candidate = candidateStyle(id, xml);
      styles.set(id, candidate);
      return candidate.info;
    },

    removeStyle(id) {
      if (styles.get(id)?.info.builtIn !== false) return false;
      return styles.delete(id);
    },

    reference(article, style, outputFormat = 'text') {
      if (isDataFormat(style)) return fromPlainText(exportOne(article, style), outputFormat);
      return render(styleOf(style), [prepare(article, styleOf(style))], outputFormat)[0] ?? '';
    },

    inText(article, style, options: InTextOptions = {}, outputFormat = 'text') {
      const s = styleOf(style);
      const entry: CiteItem = { id: ITEM_ID };
      const locator = checkLocator(options.locator ?? '', article.body.length);
      if (locator) Object.assign(entry, { locator: locator.value, label: locator.label });
      const text = cite(s, prepare(article, s), entry, outputFormat);
      return s.info.kind === 'note' ? capitalizeNote(text) : text;
    },

    bibliography(articles, style, outputFormat = 'text') {
      const s = styleOf(style);
      if (articles.length === 0) return [];
      return render(
        s,
        articles.map((a, i) => prepare(a, s, `item-${i}`)),
        outputFormat,
      );
    },

    exportData(articles, dataFormat) {
      const keyed = withLibraryCitekeys(articles);
      if (dataFormat === 'csl-json') return toCslJson(keyed);
      if (dataFormat === 'ris') return toRisFile(keyed);
      const entries = keyed.map((a) => exportOne(a, dataFormat));
      return entries.length ? `${entries.join('\n\n')}\n` : '';
    },

    prepared(article, style) {
      const s = styleOf(style);
      return {
        item: prepare(article, s),
        styleXml: s.registered.xml,
        locale: s.registered.lang,
        localeXml: localeXml(s.registered.lang).xml,
      };
    },
  };
  return engine;
}
