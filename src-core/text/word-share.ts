/**
 * A large input that is nearly all syntax or symbols (a megabyte of `<` or `\`) holds no
 * article, and the parsers and extractors spend seconds on it: capture reads such input the
 * cheap way. One linear pass.
 */
const LARGE = 100_000;
const MIN_WORD_SHARE = 0.2;

export function mostlySymbols(text: string): boolean {
  const n = text.length;
  if (n <= LARGE) return false;
  let words = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127) words++;
  }
  return words < n * MIN_WORD_SHARE;
}
