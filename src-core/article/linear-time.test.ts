import { afterAll, describe, expect, it } from 'vitest';
import {
  LOOPS_FOREVER,
  NEST_DEPTH,
  NESTING_TAGS,
  PROSE_RUN,
  PROSE_TARGETS,
  PROSE_WORDS,
  SHAPES,
  TARGETS,
  WORST_CHARACTERS,
  type Shape,
  type Target,
} from '../testing/linear-time/inputs.ts';
import { CaseRunner, DID_NOT_RETURN } from '../testing/linear-time/runner.ts';

// Robust by construction: every front end and every rule helper is fed 1 MB of each character
// most likely to make it backtrack or loop, as one line and as many short lines, and must
// return. Each call runs in a worker thread that is stopped when the test's time is up, so a
// hang fails its own test instead of stalling the run. No test measures speed: speed is the
// benchmarks' job (DESIGN §4); these only ask that each call finishes.

/** How long a call may run: the vitest timeout (vitest.config.ts), less a margin to report. */
const DEADLINE_MS = 18_000;
/** Each test's own timeout: the call's deadline plus time to start a fresh worker after a hang. */
const TEST_TIMEOUT_MS = DEADLINE_MS + 10_000;

/** Calls known not to return in time: each is a defect. None is known today. */
const HANGS = new Set<string>([]);

const runner = new CaseRunner();
afterAll(() => runner.stop());

const caseName = (target: Target, char: string, shape: Shape): string =>
  `${target} ${JSON.stringify(char)} ${shape}`;

for (const target of TARGETS) {
  describe(target, () => {
    for (const char of WORST_CHARACTERS) {
      for (const shape of SHAPES) {
        const name = caseName(target, char, shape);
        const test = HANGS.has(name) ? it.fails : it;
        test(
          `returns on 1 MB of ${JSON.stringify(char)} as ${shape}`,
          async () => {
            const outcome = await runner.run({ target, char, shape }, DEADLINE_MS);
            expect(outcome).toEqual({ returned: true });
          },
          TEST_TIMEOUT_MS,
        );
      }
    }
  });
}

/**
 * Each front end on one long paragraph of words with runs of each character: the fuzzed
 * Markdown clip (5,000 `]` among 77 KB of words) took seconds because GFM's footnote construct
 * walked back over the whole paragraph on every `]` (ADR 0017).
 */
for (const target of PROSE_TARGETS) {
  describe(`${target} among words`, () => {
    for (const char of WORST_CHARACTERS) {
      const name = caseName(target, char, 'among words');
      const test = HANGS.has(name) ? it.fails : it;
      test(
        `returns on 1 MB of ${PROSE_WORDS} words then ${PROSE_RUN} ${JSON.stringify(char)}, repeated`,
        async () => {
          const outcome = await runner.run({ target, char, shape: 'among words' }, DEADLINE_MS);
          expect(outcome).toEqual({ returned: true });
        },
        TEST_TIMEOUT_MS,
      );
    }
  });
}

/**
 * Readability scores nested block containers super-linearly (2,000 nested <div>s took 40 s);
 * the front end skips it for pages nested deeper than any real one. None is slow today.
 */
const SLOW_NESTING = new Set<string>([]);

describe('captureSource text/html on deeply nested elements', () => {
  for (const tag of NESTING_TAGS) {
    const test = SLOW_NESTING.has(tag) ? it.fails : it;
    test(
      `returns on a page of ${NEST_DEPTH} nested <${tag}> elements`,
      async () => {
        const request = { target: 'captureSource text/html', char: tag, shape: 'nested' } as const;
        expect(await runner.run(request, DEADLINE_MS)).toEqual({ returned: true });
      },
      TEST_TIMEOUT_MS,
    );
  }
});

it('the runner reports a call that never returns, and the next case still runs', async () => {
  // The runner's own check: a pass above means "returned", not "the runner is broken".
  const outcome = await runner.run({ target: LOOPS_FOREVER, char: 'a', shape: 'one line' }, 300);
  expect(outcome).toEqual({ returned: false, error: DID_NOT_RETURN });
  const next = await runner.run(
    { target: 'properCase', char: 'A', shape: 'one line' },
    DEADLINE_MS,
  );
  expect(next).toEqual({ returned: true });
});
