import type { CslName } from '../article/model.ts';

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
 * Escapes the ten TeX special characters in one pass, so the braces a replacement introduces
 * ("\textbackslash{}") are never escaped again. Other Unicode is kept: biber and BibTeX 0.99d
 * with inputenc read UTF-8, and transliterating would lose names.
 */
export function escapeTex(text: string): string {
  return text.replace(/[\\{}&%$#_~^]/gu, (c) => TEX_SPECIALS[c] ?? c);
}

/**
 * One name in BibTeX's "von Last, Jr, First" form. Organisations are wrapped in an extra pair
 * of braces: BibTeX would otherwise read "South Front" as given name "South", family "Front".
 */
export function texName(name: CslName): string {
  if (name.literal !== undefined || name.family === undefined) {
    const literal = name.literal ?? name.given ?? '';
    return `{${escapeTex(literal)}}`;
  }
  const particle = name['non-dropping-particle'] ?? name['dropping-particle'] ?? '';
  // A family name holding " and " or a comma would split the list; braces keep it one name.
  const family = /,|\band\b/u.test(name.family)
    ? `{${escapeTex(name.family)}}`
    : escapeTex(name.family);
  const last = particle ? `${escapeTex(particle)} ${family}` : family;
  const given = escapeTex(name.given ?? '');
  if (name.suffix) return `${last}, ${escapeTex(name.suffix)}, ${given}`.trimEnd();
  return given ? `${last}, ${given}` : last;
}

export function texNames(names: readonly CslName[] | undefined): string | null {
  const written = (names ?? []).map(texName).filter((n) => n.replace(/[{}]/g, '').trim());
  return written.length ? written.join(' and ') : null;
}
