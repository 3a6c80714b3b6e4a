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

/** A locator the article cannot have: the message says what to type instead. */
export class LocatorError extends Error {
  override name = 'LocatorError';
}

const PARAGRAPH_PART = /^(\d+)(?:-(\d+))?$/u;

/**
 * Reads a typed pinpoint and checks it against the article: paragraph numbers must exist
 * (1 to `paragraphs`) and ranges run low to high. Returns null for an empty locator; throws
 * LocatorError for anything the styles cannot print as a locator ("abc") or that points
 * nowhere ("para. 99" in a 15-paragraph article). Pages and sections cannot be checked
 * against a web article's text and are taken as typed.
 */
export function checkLocator(input: string, paragraphs: number): Locator | null {
  const text = input.trim();
  if (!text) return null;
  const locator = parseLocator(text);
  if (!locator) {
    throw new LocatorError(
      `"${text}" is not a locator: type a paragraph number such as "para. 5", or a label and a number such as "p. 12" or "sec. 2"`,
    );
  }
  if (locator.label === 'paragraph') checkParagraphs(locator.value, paragraphs);
  else checkRanges(locator.value);
  return locator;
}

function checkParagraphs(value: string, paragraphs: number): void {
  for (const part of value.split(/\s*[,&]\s*/u)) {
    const m = PARAGRAPH_PART.exec(part);
    if (!m) throw new LocatorError(`"${part}" is not a paragraph number: use whole numbers`);
    const low = Number(m[1]);
    const high = m[2] === undefined ? low : Number(m[2]);
    for (const n of [low, high]) {
      if (n < 1 || n > paragraphs) {
        throw new LocatorError(
          paragraphs === 0
            ? 'This article has no numbered paragraphs'
            : `Paragraph ${n} does not exist: this article has paragraphs 1 to ${paragraphs}`,
        );
      }
    }
    if (high < low)
      throw new LocatorError(`The range ${part} runs backwards: write ${high}-${low}`);
  }
}

function checkRanges(value: string): void {
  for (const part of value.split(/\s*[,&]\s*/u)) {
    const m = /^(\d+)-(\d+)$/u.exec(part);
    if (m && Number(m[2]) < Number(m[1])) {
      throw new LocatorError(`The range ${part} runs backwards: write ${m[2]}-${m[1]}`);
    }
  }
}
