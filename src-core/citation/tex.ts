import type { CslName } from '../article/model.ts';

/** Turns text into the body of a TeX field: escapeTex (UTF-8) or escapeTexAscii. */
export type TexEscape = (text: string) => string;

/** Text as TeX for a BibLaTeX file (UTF-8) or a classic BibTeX file (ASCII). */
export type TexEncoding = 'utf8' | 'ascii';

const TEX_SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/**
 * Spaces that would change the entry's meaning: a blank line inside a field is a paragraph break,
 * which biblatex rejects; tabs and line breaks are written as one space like any TeX reader would.
 */
function flattenSpace(text: string): string {
  return text.replace(/[\t\n\v\f\r\u2028\u2029 ]+/gu, ' ');
}

/**
 * Escapes the ten TeX special characters in one pass, so the braces a replacement introduces
 * ("\textbackslash{}") are never escaped again. Other Unicode is kept: this is the BibLaTeX
 * escape (biber and LaTeX read UTF-8); classic BibTeX uses escapeTexAscii.
 */
export function escapeTex(text: string): string {
  return balanceBraces(rawTexEscape(text, 'utf8'));
}

/**
 * The escape without balanceBraces, for text escaped piece by piece (a title around its
 * brace-protected words): run balanceBraces once on the whole result.
 */
export function rawTexEscape(text: string, encoding: TexEncoding): string {
  if (encoding === 'ascii') return asciiEscape(text);
  return flattenSpace(text).replace(/[\\{}&%$#_~^]/gu, (c) => TEX_SPECIALS[c] ?? c);
}

/**
 * BibTeX and biber count every brace, escaped or not: a lone "\{" from the text would leave the
 * field open and swallow the rest of the file. Escaped braces that pair up stay \{ … \} (what
 * every reader understands); an unpaired one becomes \textbraceleft{} or \textbraceright{}.
 * The unescaped braces Quire writes itself (protection, accents) are always paired.
 */
export function balanceBraces(tex: string): string {
  const tokens = tex.split(/(\\[{}])/u);
  const open: number[] = [];
  const lone = new Set<number>();
  tokens.forEach((token, i) => {
    if (token === '\\{') open.push(i);
    else if (token === '\\}') {
      if (open.length) open.pop();
      else lone.add(i);
    }
  });
  for (const i of open) lone.add(i);
  return tokens
    .map((token, i) =>
      lone.has(i) ? (token === '\\{' ? '\\textbraceleft{}' : '\\textbraceright{}') : token,
    )
    .join('');
}

/**
 * Letters LaTeX writes as a command of their own, not as a base letter with an accent. The
 * second group (ð þ đ ŋ) exists only in the T1 font encoding, exactly as their UTF-8 forms do:
 * a document that prints them needs \usepackage[T1]{fontenc} whichever form the .bib uses.
 */
const TEX_LETTERS: Record<string, string> = {
  ß: '{\\ss}',
  ẞ: '{\\SS}',
  æ: '{\\ae}',
  Æ: '{\\AE}',
  œ: '{\\oe}',
  Œ: '{\\OE}',
  ø: '{\\o}',
  Ø: '{\\O}',
  å: '{\\aa}',
  Å: '{\\AA}',
  ł: '{\\l}',
  Ł: '{\\L}',
  ı: '{\\i}',
  ȷ: '{\\j}',
  ð: '{\\dh}',
  Ð: '{\\DH}',
  þ: '{\\th}',
  Þ: '{\\TH}',
  đ: '{\\dj}',
  Đ: '{\\DJ}',
  ŋ: '{\\ng}',
  Ŋ: '{\\NG}',
};

/** Combining marks and the LaTeX accent that writes them over (or under) a letter. */
const TEX_ACCENTS: Record<string, string> = {
  '\u0300': '`',
  '\u0301': "'",
  '\u0302': '^',
  '\u0303': '~',
  '\u0304': '=',
  '\u0306': 'u',
  '\u0307': '.',
  '\u0308': '"',
  '\u030A': 'r',
  '\u030B': 'H',
  '\u030C': 'v',
  '\u0323': 'd',
  '\u0326': 'textcommabelow',
  '\u0327': 'c',
  // Ogonek (Polish ą, ę; Lithuanian į): T1 only, like ð above.
  '\u0328': 'k',
  '\u0331': 'b',
};

/** Punctuation and symbols with an ASCII TeX spelling that works in the default OT1 encoding. */
const TEX_SYMBOLS: Record<string, string> = {
  '\u00A0': '~',
  '\u00AD': '\\-',
  '\u2002': ' ',
  '\u2003': ' ',
  '\u2009': '\\,',
  '\u202F': '\\,',
  '\u200B': '',
  '\u2060': '',
  '\uFEFF': '',
  '‘': '`',
  '’': "'",
  '‚': ',',
  '“': '``',
  '”': "''",
  '„': ',,',
  '–': '--',
  '—': '---',
  '‐': '-',
  '‑': '-',
  '−': '{\\textminus}',
  '…': '{\\ldots}',
  '•': '{\\textbullet}',
  '·': '{\\textperiodcentered}',
  '†': '{\\dag}',
  '‡': '{\\ddag}',
  '§': '{\\S}',
  '¶': '{\\P}',
  '©': '{\\copyright}',
  '®': '{\\textregistered}',
  '™': '{\\texttrademark}',
  '°': '{\\textdegree}',
  '£': '{\\pounds}',
  '€': '{\\texteuro}',
  '¥': '{\\textyen}',
  '¢': '{\\textcent}',
  '×': '{\\texttimes}',
  '÷': '{\\textdiv}',
  '±': '{\\textpm}',
  µ: '{\\textmu}',
  '½': '{\\textonehalf}',
  '¼': '{\\textonequarter}',
  '¾': '{\\textthreequarters}',
  '¡': '{\\textexclamdown}',
  '¿': '{\\textquestiondown}',
  '‰': '{\\textperthousand}',
  '№': '{\\textnumero}',
  // Guillemets exist only in T1 (see TEX_LETTERS).
  '«': '{\\guillemotleft}',
  '»': '{\\guillemotright}',
  '‹': '{\\guilsinglleft}',
  '›': '{\\guilsinglright}',
  // ASCII that OT1 fonts print as other glyphs (¡ ¿ —).
  '<': '{\\textless}',
  '>': '{\\textgreater}',
  '|': '{\\textbar}',
};

const LETTER_ACCENT = /^[A-Za-z]+$/u;

/** A letter (or letter command) under its combining marks as LaTeX accents: ệ -> {\^{\d{e}}}. */
function accented(base: string, marks: string): string | null {
  // í is {\'i}, not {\'\i}: current LaTeX places the accent on a dotless i itself, and pandoc
  // reads {\'\i} as dotless ı with a combining accent, which is not the letter í.
  let inner = base;
  for (const mark of marks) {
    const command = TEX_ACCENTS[mark];
    if (!command) return null;
    const single = /^[A-Za-z]$/u.test(inner);
    inner =
      LETTER_ACCENT.test(command) || !single ? `\\${command}{${inner}}` : `\\${command}${inner}`;
  }
  return `{${inner}}`;
}

/**
 * The escape for classic BibTeX, whose .bib files are ASCII: TeX specials as in escapeTex, and
 * every non-ASCII letter as a LaTeX accent or letter command (é -> {\'e}, ü -> {\"u},
 * ø -> {\o}, ß -> {\ss}, ł -> {\l}), which BibTeX sorts, abbreviates and case-changes as one
 * letter. Typographic punctuation becomes its TeX ligature or command (“…” -> ``…'', – -> --).
 *
 * Kept as UTF-8, because ASCII LaTeX has no spelling for them: scripts other than Latin (王小明,
 * Ελλάδα, Москва) and letters whose marks LaTeX has no accent for (ơ, ư with the Vietnamese
 * horn). BibTeX copies those bytes through untouched; the document needs a UTF-8 setup for the
 * script (CJKutf8, babel with the font encoding, or XeLaTeX/LuaLaTeX).
 */
export function escapeTexAscii(text: string): string {
  return balanceBraces(asciiEscape(text));
}

function asciiEscape(text: string): string {
  let out = '';
  for (const cluster of flattenSpace(text)
    .normalize('NFC')
    .match(/\P{M}\p{M}*|\p{M}+/gu) ?? []) {
    out += asciiCluster(cluster);
  }
  return out;
}

function asciiCluster(cluster: string): string {
  if (/^[\x20-\x7E]$/u.test(cluster)) {
    return TEX_SPECIALS[cluster] ?? TEX_SYMBOLS[cluster] ?? cluster;
  }
  const known = TEX_LETTERS[cluster] ?? TEX_SYMBOLS[cluster];
  if (known !== undefined) return known;
  const decomposed = cluster.normalize('NFD');
  const base = decomposed[0] ?? '';
  const marks = decomposed.slice(1);
  if (marks && /^[A-Za-z]$/u.test(base)) return accented(base, marks) ?? cluster;
  const letter = TEX_LETTERS[base];
  if (marks && letter) {
    const withAccents = accented(letter.slice(1, -1), marks);
    if (withAccents) return withAccents;
  }
  return cluster;
}

/** Whether the text is printable ASCII (what classic BibTeX output must be, script allowing). */
export function isAscii(text: string): boolean {
  return /^[\x20-\x7E\n]*$/u.test(text);
}

/**
 * One name in BibTeX's "von Last, Jr, First" form. Organisations are wrapped in an extra pair
 * of braces: BibTeX would otherwise read "South Front" as given name "South", family "Front".
 */
export function texName(name: CslName, escape: TexEscape = escapeTex): string {
  if (name.literal !== undefined || name.family === undefined) {
    const literal = name.literal ?? name.given ?? '';
    return `{${escape(literal.trim())}}`;
  }
  const particle = name['non-dropping-particle'] ?? name['dropping-particle'] ?? '';
  // A family name holding " and " or a comma would split the list; braces keep it one name.
  const family = /,|\band\b/iu.test(name.family)
    ? `{${escape(name.family.trim())}}`
    : escape(name.family.trim());
  const last = particle.trim() ? `${escape(particle.trim())} ${family}` : family;
  const given = braceSeparators(escape(name.given?.trim() ?? ''));
  const suffix = braceSeparators(escape(name.suffix?.trim() ?? ''));
  if (suffix) return `${last}, ${suffix}, ${given}`.trimEnd();
  return given ? `${last}, ${given}` : last;
}

/** A comma or a lone "and" in a given name or suffix would start a new part or a new name. */
function braceSeparators(text: string): string {
  return /,|\band\b/iu.test(text) ? `{${text}}` : text;
}

/** Every name, joined with " and " (BibTeX has no limit on the number of names). */
export function texNames(
  names: readonly CslName[] | undefined,
  escape: TexEscape = escapeTex,
): string | null {
  const written = (names ?? [])
    .map((n) => texName(n, escape))
    .filter((n) => n.replace(/[{}]/g, '').trim());
  return written.length ? written.join(' and ') : null;
}
