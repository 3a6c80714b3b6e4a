import { changeTags } from '../library/tags.ts';
import { foldText } from '../search/fold.ts';

/** Highlight colours, in the order the reader offers them. */
export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

export const isHighlightColor = (value: unknown): value is HighlightColor =>
  (HIGHLIGHT_COLORS as readonly unknown[]).includes(value);

/** About 8,000 words: a note, not a second article. */
export const MAX_NOTE_LENGTH = 50_000;

/** What a user may change on an annotation. */
export interface AnnotationChange {
  color?: HighlightColor;
  note?: string;
  tags?: readonly string[];
}

/** An edit the library refuses: the message is for the user. */
export class AnnotationError extends Error {
  override name = 'AnnotationError';
}

/**
 * Checks a change before anything is written. A note is plain text kept as typed (HTML in it
 * is text, shown as text everywhere); only trailing whitespace goes. Tags follow the library's
 * one tag rule (trimmed, unique ignoring case and accents).
 */
export function checkAnnotationChange(change: AnnotationChange): AnnotationChange {
  const clean: AnnotationChange = {};
  if (change.color !== undefined) {
    if (!isHighlightColor(change.color)) {
      throw new AnnotationError(`Unknown highlight colour: ${String(change.color).slice(0, 20)}`);
    }
    clean.color = change.color;
  }
  if (change.note !== undefined) {
    if (typeof change.note !== 'string') throw new AnnotationError('A note must be text');
    const note = change.note.trimEnd();
    if (note.length > MAX_NOTE_LENGTH) {
      throw new AnnotationError(
        `A note can hold at most ${MAX_NOTE_LENGTH.toLocaleString('en')} characters; this one has ${note.length.toLocaleString('en')}`,
      );
    }
    clean.note = note;
  }
  if (change.tags !== undefined) clean.tags = changeTags([], { add: change.tags });
  return clean;
}

/** The words of a filter, folded as search folds them (case and accents ignored). */
export const filterWords = (text: string): string[] => foldText(text).split(/\s+/u).filter(Boolean);

/** Whether every word is in the annotation's quote, note or tags. */
export function annotationMatches(
  annotation: {
    target: { quote: { exact: string } } | null;
    note: string;
    tags: readonly string[];
  },
  words: readonly string[],
): boolean {
  if (words.length === 0) return true;
  const quote = annotation.target?.quote.exact ?? '';
  const haystack = foldText(`${quote}\n${annotation.note}\n${annotation.tags.join('\n')}`);
  return words.every((word) => haystack.includes(word));
}
