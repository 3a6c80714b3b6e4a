/** A pinpoint in a cited work, in CSL terms: label "paragraph", value "5". */
export interface Locator {
  label: CslLocatorLabel;
  value: string;
}

export type CslLocatorLabel =
  | 'appendix'
  | 'book'
  | 'canon'
  | 'chapter'
  | 'column'
  | 'equation'
  | 'figure'
  | 'folio'
  | 'issue'
  | 'line'
  | 'note'
  | 'opus'
  | 'page'
  | 'paragraph'
  | 'part'
  | 'section'
  | 'sub-verbo'
  | 'table'
  | 'timestamp'
  | 'verse'
  | 'volume';

/**
 * Spellings users type for each label, without the trailing full stop: the abbreviations of
 * APA, MLA and Chicago, the CSL locale terms, singular and plural, and the symbols.
 */
const LABELS: Record<CslLocatorLabel, readonly string[]> = {
  appendix: ['app', 'appx', 'appendix', 'appendices'],
  book: ['bk', 'bks', 'book', 'books'],
  canon: ['c', 'canon', 'canons'],
  chapter: ['ch', 'chs', 'chap', 'chaps', 'chapter', 'chapters'],
  column: ['col', 'cols', 'column', 'columns'],
  equation: ['eq', 'eqs', 'equation', 'equations'],
  figure: ['fig', 'figs', 'figure', 'figures'],
  folio: ['f', 'ff', 'fol', 'fols', 'folio', 'folios'],
  issue: ['no', 'nos', 'issue', 'issues', 'number', 'numbers'],
  line: ['l', 'll', 'line', 'lines'],
  note: ['n', 'nn', 'note', 'notes'],
  opus: ['op', 'opp', 'opus', 'opera'],
  page: ['p', 'pp', 'pg', 'pgs', 'page', 'pages'],
  paragraph: ['para', 'paras', 'par', 'pars', 'paragraph', 'paragraphs', '¶', '¶¶'],
  part: ['pt', 'pts', 'part', 'parts'],
  section: ['sec', 'secs', 'sect', 'sects', 'section', 'sections', '§', '§§'],
  'sub-verbo': ['s.v', 's.vv', 'sub verbo', 'sub verbis'],
  table: ['tab', 'tbl', 'tbls', 'table', 'tables'],
  timestamp: ['time', 'timestamp'],
  verse: ['v', 'vv', 'vs', 'verse', 'verses'],
  volume: ['vol', 'vols', 'volume', 'volumes'],
};

const BY_SPELLING = new Map<string, CslLocatorLabel>(
  Object.entries(LABELS).flatMap(([label, spellings]) =>
    spellings.map((s) => [s, label as CslLocatorLabel] as const),
  ),
);

const SPELLINGS = [...BY_SPELLING.keys()]
  .sort((a, b) => b.length - a.length)
  .map((s) => s.replace(/[.]/g, '\\.'))
  .join('|');

/** Label, optional full stop, optional space, then a value that starts with a digit or numeral. */
const LABELLED = new RegExp(`^(${SPELLINGS})\\.?\\s*(\\S.*)$`, 'iu');

const TIMESTAMP = /^\d{1,2}:\d{2}(?::\d{2})?(?:\s*[-–]\s*\d{1,2}:\d{2}(?::\d{2})?)?$/u;

/** Numbers, ranges and lists of them: "5", "3-4", "12, 15", "iv", "12a", "A3". */
const NUMBERS =
  /^(?:[\p{N}ivxlcdm]+[a-z]?|[a-z]?\p{N}+)(?:\s*[-–—,&]\s*(?:[\p{N}ivxlcdm]+[a-z]?|[a-z]?\p{N}+))*$/iu;

/**
 * Reads a typed pinpoint: "para. 5", "par. 5", "paragraph 5", "¶ 5", "p. 12", "pp. 3-4",
 * "ch. 2", "1:02:03" (timestamp). A bare number or range is a page, as in CSL. Returns null
 * when the text is not a locator the styles can label.
 */
export function parseLocator(input: string): Locator | null {
  const text = input.trim().replace(/\s+/gu, ' ');
  if (!text) return null;
  if (TIMESTAMP.test(text)) return { label: 'timestamp', value: text };
  if (/^\p{N}/u.test(text) && NUMBERS.test(text)) return { label: 'page', value: normalise(text) };
  const m = LABELLED.exec(text);
  if (!m) return null;
  const label = BY_SPELLING.get((m[1] ?? '').toLowerCase());
  const value = (m[2] ?? '').trim();
  if (!label) return null;
  if (label === 'timestamp') return TIMESTAMP.test(value) ? { label, value } : null;
  if (label === 'sub-verbo') return { label, value };
  // Single letters ("l", "n", "v") are only labels when a number follows.
  return NUMBERS.test(value) ? { label, value: normalise(value) } : null;
}

/** CSL detects ranges and plurals from the value; it expects hyphens, not dashes. */
function normalise(value: string): string {
  return value.replace(/\s*[–—]\s*/gu, '-').replace(/\s*-\s*/gu, '-');
}
