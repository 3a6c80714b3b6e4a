import type {
  CitableArticle,
  CitationEngine,
  DataFormat,
  OutputFormat,
} from '../citations/load-engine.ts';

/** The formats that carry the library's tags and the user's notes (as Zotero imports them). */
export function carriesTagsAndNotes(format: ExportFormat): boolean {
  return format === 'ris' || format === 'csl-json';
}

/** An annotation as far as an export's notes need it. */
interface NoteSource {
  articleId: string;
  note: string;
  target: { quote: { exact: string }; paragraphs: { firstN: number; lastN: number } } | null;
  createdAt: number;
}

const QUOTE_IN_NOTE = 300;

/**
 * Each article's notes as plain text, for the RIS and CSL-JSON exports: notes on the whole
 * article first, then highlights that have a note, in reading order, each after its quote and
 * paragraph ("“…” (¶5): note"), so the note still makes sense without the article beside it.
 */
export function notesByArticle(annotations: readonly NoteSource[]): Map<string, string[]> {
  const grouped = new Map<string, NoteSource[]>();
  for (const a of annotations) {
    if (!a.note.trim()) continue;
    const list = grouped.get(a.articleId) ?? [];
    list.push(a);
    grouped.set(a.articleId, list);
  }
  const result = new Map<string, string[]>();
  for (const [id, list] of grouped) {
    const order = (a: NoteSource) => (a.target ? a.target.paragraphs.firstN : -1);
    list.sort((a, b) => order(a) - order(b) || a.createdAt - b.createdAt);
    result.set(
      id,
      list.map((a) => {
        if (!a.target) return a.note.trim();
        const { exact } = a.target.quote;
        const quote = exact.length > QUOTE_IN_NOTE ? `${exact.slice(0, QUOTE_IN_NOTE)}…` : exact;
        const { firstN, lastN } = a.target.paragraphs;
        const where = firstN === lastN ? `¶${firstN}` : `¶${firstN}–${lastN}`;
        return `“${quote}” (${where}): ${a.note.trim()}`;
      }),
    );
  }
  return result;
}

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
