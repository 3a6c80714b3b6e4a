import { learnProperNouns } from './proper-nouns.ts';
import { PROPER_NOUN_LEXICON } from './proper-noun-lexicon.ts';
import type { CitableArticle } from './types.ts';

/**
 * What the article's body teaches, plus the lexicon's names that the body never writes in
 * lower case ("turkey" in a recipe keeps the bird from becoming a country).
 */
export function articleProperNouns(paragraphs: readonly string[]): Set<string> {
  const nouns = learnProperNouns(paragraphs);
  const prose = paragraphs.join('\n');
  for (const name of PROPER_NOUN_LEXICON) {
    const lower = name.toLowerCase();
    if (!new RegExp(`(?<![\\p{L}\\p{N}])${lower}(?![\\p{L}\\p{N}])`, 'u').test(prose))
      nouns.add(name);
  }
  return nouns;
}

/** The people and publications the metadata names are proper nouns wherever the title uses them. */
export function withMetadataNames(nouns: Set<string>, article: CitableArticle): Set<string> {
  const names = [
    ...(article.csl.author ?? []).flatMap((n) => [n.literal, n.family, n.given]),
    article.csl['container-title'],
    article.originalSource?.name,
  ].filter((n): n is string => typeof n === 'string' && /^\p{Lu}/u.test(n.trim()));
  if (names.length === 0) return nouns;
  const merged = new Set(nouns);
  for (const name of names) merged.add(name.trim());
  return merged;
}
