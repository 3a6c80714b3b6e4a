import type {
  CitableArticle,
  CitationEngine,
  DataFormat,
  OutputFormat,
} from '../citations/load-engine.ts';

/** What the export dialog can write: a data format, or a reference list in a CSL style. */
export type ExportFormat = DataFormat | 'list-text' | 'list-markdown' | 'list-html';

export const EXPORT_FORMATS: readonly {
  id: ExportFormat;
  label: string;
  extension: string;
  mime: string;
}[] = [
  { id: 'bibtex', label: 'BibTeX (.bib)', extension: 'bib', mime: 'application/x-bibtex' },
  { id: 'biblatex', label: 'BibLaTeX (.bib)', extension: 'bib', mime: 'application/x-bibtex' },
  { id: 'ris', label: 'RIS (.ris)', extension: 'ris', mime: 'application/x-research-info-systems' },
  {
    id: 'csl-json',
    label: 'CSL-JSON (.json)',
    extension: 'json',
    mime: 'application/vnd.citationstyles.csl+json',
  },
  {
    id: 'list-text',
    label: 'Reference list, plain text (.txt)',
    extension: 'txt',
    mime: 'text/plain',
  },
  {
    id: 'list-markdown',
    label: 'Reference list, Markdown (.md)',
    extension: 'md',
    mime: 'text/markdown',
  },
  { id: 'list-html', label: 'Reference list, HTML (.html)', extension: 'html', mime: 'text/html' },
];

const LIST_FORMATS: Record<string, OutputFormat> = {
  'list-text': 'text',
  'list-markdown': 'markdown',
  'list-html': 'html',
};

export function isReferenceList(format: ExportFormat): boolean {
  return format in LIST_FORMATS;
}

/** The whole export file: entries in a data format, or the style's reference list. */
export function exportText(
  engine: CitationEngine,
  articles: readonly CitableArticle[],
  format: ExportFormat,
  style: string,
): string {
  const list = LIST_FORMATS[format];
  if (!list) return engine.exportData(articles, format as DataFormat);
  const entries = engine.bibliography(articles, style, list);
  if (list !== 'html') return entries.length ? `${entries.join('\n\n')}\n` : '';
  const items = entries.map((e) => `  <p class="csl-entry">${e}</p>`).join('\n');
  return `<!doctype html>\n<meta charset="utf-8">\n<title>References</title>\n<main>\n${items}\n</main>\n`;
}
