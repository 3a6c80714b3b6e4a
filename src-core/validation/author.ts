import type { CslName } from '../article/model.ts';
import { accept, hasControlCharacter, refuse, type Verdict } from './verdict.ts';

/** Per name part; a long Spanish or Thai name fits many times over. */
export const MAX_NAME_PART_LENGTH = 300;
/** Per article: large consortium papers list hundreds, never thousands. */
export const MAX_AUTHORS = 500;

export const NAME_PARTS = [
  'family',
  'given',
  'non-dropping-particle',
  'dropping-particle',
  'suffix',
  'literal',
] as const;

export type AuthorRefusal =
  'shape' | 'unknown-part' | 'too-long' | 'control' | 'no-family' | 'mixed' | 'empty';

/**
 * The one rule for an author: a person (family name required; given name, particles and suffix
 * optional) or an organisation (`literal`, alone). Each part is one line of at most 300
 * characters. Parts are trimmed and empty ones dropped; the cleaned name comes back.
 */
export function checkAuthor(value: unknown): Verdict<CslName, AuthorRefusal> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return refuse('shape', 'An author is a person (family and given name) or an organisation.');
  }
  const parts: Record<string, string> = {};
  for (const [key, part] of Object.entries(value)) {
    if (!(NAME_PARTS as readonly string[]).includes(key)) {
      return refuse('unknown-part', `An author has no “${key}” part.`);
    }
    if (part === undefined) continue;
    if (typeof part !== 'string') return refuse('shape', `The author’s ${key} must be text.`);
    const trimmed = part.trim();
    if (trimmed.length > MAX_NAME_PART_LENGTH) {
      return refuse(
        'too-long',
        `The author’s ${key} is longer than ${MAX_NAME_PART_LENGTH} characters.`,
      );
    }
    if (hasControlCharacter(trimmed)) {
      return refuse(
        'control',
        `The author’s ${key} contains a line break, tab or other control character.`,
      );
    }
    if (trimmed) parts[key] = trimmed;
  }
  if (parts.literal !== undefined) {
    return Object.keys(parts).length === 1
      ? accept({ literal: parts.literal })
      : refuse('mixed', 'An author is either an organisation or a person, not both.');
  }
  if (Object.keys(parts).length === 0) {
    return refuse('empty', 'Enter a family name, or remove this author.');
  }
  if (parts.family === undefined) {
    return refuse(
      'no-family',
      'Enter a family name too (or make it an organisation for a single name).',
    );
  }
  return accept(parts as CslName);
}
