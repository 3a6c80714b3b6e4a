/** Language names and ISO 639-2 codes that pages write where a BCP 47 tag belongs. */
const ALIASES: Record<string, string> = {
  english: 'en',
  eng: 'en',
  french: 'fr',
  français: 'fr',
  francais: 'fr',
  fre: 'fr',
  fra: 'fr',
  german: 'de',
  deutsch: 'de',
  ger: 'de',
  deu: 'de',
  spanish: 'es',
  español: 'es',
  espanol: 'es',
  spa: 'es',
  italian: 'it',
  italiano: 'it',
  ita: 'it',
  portuguese: 'pt',
  português: 'pt',
  por: 'pt',
  dutch: 'nl',
  nederlands: 'nl',
  dut: 'nl',
  nld: 'nl',
  russian: 'ru',
  rus: 'ru',
  chinese: 'zh',
  chi: 'zh',
  zho: 'zh',
  japanese: 'ja',
  jpn: 'ja',
  polish: 'pl',
  pol: 'pl',
  swedish: 'sv',
  swe: 'sv',
  arabic: 'ar',
  ara: 'ar',
};

/** Tags that name no language. */
const NO_LANGUAGE = new Set(['und', 'mul', 'zxx', 'mis', 'x-default']);

/**
 * A stated language as a BCP 47 tag with the usual casing (`en_gb` → `en-GB`, `English` → `en`,
 * `zh-hant-tw` → `zh-Hant-TW`), or null when the value is not a language tag. The first of a
 * comma-separated list (`Content-Language: en-US, fr`) is the one read.
 */
export function normalizeLanguage(value: string | null | undefined): string | null {
  const first = (value ?? '').split(',')[0]!.trim().replace(/_/g, '-').toLowerCase();
  if (!first || first.length > 35 || NO_LANGUAGE.has(first)) return null;
  const alias = ALIASES[first];
  if (alias) return alias;
  if (!/^[a-z]{2,3}(?:-[a-z0-9]{1,8}){0,4}$/.test(first)) return null;
  const [language, ...subtags] = first.split('-');
  const mapped = ALIASES[language!] && language!.length === 3 ? ALIASES[language!]! : language!;
  return [
    mapped,
    ...subtags.map((s) =>
      s.length === 2 ? s.toUpperCase() : s.length === 4 ? s[0]!.toUpperCase() + s.slice(1) : s,
    ),
  ].join('-');
}
