import { accept, hasControlCharacter, refuse, type Verdict } from './verdict.ts';

/** Generous: it stops a pasted page, not a real title. */
export const MAX_TITLE_LENGTH = 1000;

export type TitleRefusal = 'empty' | 'too-long' | 'control';

/** The one rule for a title: not empty once trimmed, at most 1000 characters, one line. */
export function checkTitle(text: string): Verdict<string, TitleRefusal> {
  const value = text.trim();
  if (value === '') return refuse('empty', 'Enter a title.');
  if (value.length > MAX_TITLE_LENGTH) {
    return refuse('too-long', `The title is longer than ${MAX_TITLE_LENGTH} characters.`);
  }
  if (hasControlCharacter(value)) {
    return refuse('control', 'The title contains a line break, tab or other control character.');
  }
  return accept(value);
}
