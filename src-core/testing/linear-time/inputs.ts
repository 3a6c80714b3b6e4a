// Test-only: the hostile inputs of the linear-time tests and the messages of their worker.

export type Shape = 'one line' | 'short lines' | 'among words' | 'nested';

/** What the linear-time tests call: each front end through captureSource, and the rule helpers. */
export const TARGETS = [
  'captureSource text/plain',
  'captureSource text/markdown',
  'captureSource text/html',
  'noticeKind (body)',
  'noticeKind (footer)',
  'isBoilerplate (body)',
  'isBoilerplate (outside the body)',
  'bylineText',
  'taxonomyValues',
  'isAuthorBio',
  'readDateline',
  'findDate',
  'parseByline',
  'isOrganisation',
  'properCase',
  'anchorTarget',
  'findQuote',
  'renderExcerpts markdown',
  'chooseLocator section',
] as const;

/** A call that never returns: the runner's own check that it stops a hang. */
export const LOOPS_FOREVER = 'loops forever';

export type Target = (typeof TARGETS)[number] | typeof LOOPS_FOREVER;

export interface CaseRequest {
  target: Target;
  char: string;
  shape: Shape;
}

export type CaseResult = { returned: true } | { returned: false; error: string };

/** The worker's first message, once its modules have loaded. */
export const READY = 'ready';

/** One mebibyte, in UTF-16 code units. */
export const MB = 1 << 20;

/** How deep the nesting cases go: 3,000 `<div>`s make a page of 32 KB. */
export const NEST_DEPTH = 3_000;

/** Elements nested NEST_DEPTH deep: a block container and an inline one. */
export const NESTING_TAGS = ['div', 'span'] as const;

/** The words and the run of `char` that repeat through an `among words` case. */
export const PROSE_WORDS = 400;
export const PROSE_RUN = 100;

/**
 * 1 MB of `char`: as one line, or as lines of 39 characters each; `among words`, one paragraph
 * of 400 words then 100 `char`, over and over (mostly prose, so no front end reads it as a
 * file of symbols, yet tens of thousands of `char` in one paragraph: the fuzzed Markdown clip
 * whose 5,000 `]` among words took seconds); or, for `nested`, a page whose body nests
 * NEST_DEPTH elements named `char` around a few words.
 */
export function hostileInput(char: string, shape: Shape): string {
  if (shape === 'nested')
    return `<!DOCTYPE html><html><body>${`<${char}>`.repeat(NEST_DEPTH)}Deep text here.${`</${char}>`.repeat(NEST_DEPTH)}<p>After the nest.</p></body></html>`;
  if (shape === 'one line') return char.repeat(MB);
  if (shape === 'among words') {
    const unit = 'word '.repeat(PROSE_WORDS) + char.repeat(PROSE_RUN);
    return unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);
  }
  return `${char.repeat(39)}\n`.repeat(MB / 40);
}

/** The characters most likely to make a rule backtrack or a front end loop. */
export const WORST_CHARACTERS = [
  '[',
  ']',
  '(',
  '*',
  '_',
  '-',
  ' ',
  '\t',
  '<',
  '&',
  'a',
  'A',
  '1',
  '.',
  ',',
  '/',
  '#',
  '>',
  '|',
  '©',
] as const;

/** The shapes of the 1 MB cases. */
export const SHAPES: readonly Shape[] = ['one line', 'short lines'];

/** The front ends, which also get each character among words (the rule helpers get lines). */
export const PROSE_TARGETS = [
  'captureSource text/plain',
  'captureSource text/markdown',
  'captureSource text/html',
] as const satisfies readonly Target[];
