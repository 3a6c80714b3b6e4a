import type { Paragraph } from './model.ts';

/** Synthesised display characters: the spaces and line breaks put between inline pieces. */
const SYNTHESISED = /^\s*$/u;

/**
 * The numbers of the paragraphs whose stored display text no longer matches the original
 * source. Every stretch the parser copied verbatim (a span of equal lengths) must still be
 * exactly those source characters, and any character outside the spans must be whitespace
 * the parser put between pieces. Stretches the parser rewrote (entities decoded, whitespace
 * collapsed) map as a whole and are not compared character by character. Linear in the text.
 */
export function alteredParagraphs(
  body: readonly Pick<Paragraph, 'n' | 'text' | 'spans'>[],
  sourceText: string,
): number[] {
  return body.filter((p) => !matchesSource(p, sourceText)).map((p) => p.n);
}

function matchesSource(
  { text, spans }: Pick<Paragraph, 'text' | 'spans'>,
  sourceText: string,
): boolean {
  // Records older than spans (parser version 1) cannot be checked against the source.
  if (!spans?.length) return true;
  let covered = 0;
  for (const span of [...spans].sort((a, b) => a.text - b.text)) {
    if (span.text > covered && !SYNTHESISED.test(text.slice(covered, span.text))) return false;
    const end = span.source + span.sourceLength;
    if (span.source < 0 || end > sourceText.length) return false;
    if (span.textLength === span.sourceLength) {
      const stored = text.slice(span.text, span.text + span.textLength);
      if (stored !== sourceText.slice(span.source, end)) return false;
    }
    covered = Math.max(covered, span.text + span.textLength);
  }
  return SYNTHESISED.test(text.slice(covered));
}
