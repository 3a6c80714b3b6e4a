// Test-only: the hostile inputs of the linear-time tests and the messages of their worker.

export type Shape = 'one line' | 'short lines';

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

/** 1 MB of `char`: as one line, or as lines of 39 characters each. */
export function hostileInput(char: string, shape: Shape): string {
  if (shape === 'one line') return char.repeat(MB);
  return `${char.repeat(39)}\n`.repeat(MB / 40);
}

/** The characters most likely to make a rule backtrack or a front end loop. */
export const WORST_CHARACTERS = [
  '[',
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

export const SHAPES: readonly Shape[] = ['one line', 'short lines'];
