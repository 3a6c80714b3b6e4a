/**
 * Search terms are folded so that case and diacritics never decide a match: "Élysée", "ELYSEE"
 * and "elysee" are one term. Letters that Unicode does not decompose (ß, æ, ø, ł, …) are
 * spelled out the way an English keyboard would type them.
 */
const SPELLED: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
};
const SPELLED_RE = /[ßæœøłđðþıħ]/g;
const MARKS_RE = /\p{M}/gu;

/** The longest term kept: a longer run of letters (a hash, a URL slug) is cut, not dropped. */
export const MAX_TERM_LENGTH = 48;

/** Lower-cases, strips combining marks and spells out special letters. Linear in the input. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(MARKS_RE, '')
    .toLowerCase()
    .replace(SPELLED_RE, (letter) => SPELLED[letter]!);
}

/**
 * Ideographic scripts have no spaces between words: each character is its own term, also right
 * after a Latin word ("iPhone手机" is iphone, 手, 机).
 */
const TOKEN_RE =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{N}](?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])[\p{L}\p{N}\p{M}])*/gu;

function isAscii(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) > 127) return false;
  return true;
}

/**
 * Calls `visit(term, start, end)` for each word of `text` in order, with its range in `text`
 * (so a snippet can mark the original characters). Words are runs of letters and digits:
 * punctuation, apostrophes and hyphens separate them. One pass, linear time.
 */
export function forEachToken(
  text: string,
  visit: (term: string, start: number, end: number) => void,
): void {
  // matchAll iterates over its own copy of the regex: a nested call cannot move this one.
  for (const match of text.matchAll(TOKEN_RE)) {
    const word = match[0];
    const kept = word.length > MAX_TERM_LENGTH ? word.slice(0, MAX_TERM_LENGTH) : word;
    const term = isAscii(kept) ? kept.toLowerCase() : foldText(kept);
    if (term) visit(term, match.index, match.index + word.length);
  }
}

/** The folded terms of `text`, in order. */
export function tokenize(text: string): string[] {
  const terms: string[] = [];
  forEachToken(text, (term) => terms.push(term));
  return terms;
}
