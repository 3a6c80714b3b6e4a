import fc from 'fast-check';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bytesAndRest, preview } from './fuzz-inputs.ts';

// Test-only: the shared fuzz harness. A fuzz target (defined in testing/fuzz-targets/) names a
// function, the inputs to feed it and what a sound outcome is: a valid result (whose properties
// `check` asserts) or the module's own typed error with a message a person can read. Anything
// else (another exception, a property broken, garbage accepted, a case over its time budget)
// fails with the counterexample, saved to a file. `*.fuzz.test.ts` files run targets through
// `fuzzTest` (fuzz-test.ts), which runs them in a worker thread so that a hang is stopped too.
//
// Environment: QUIRE_FUZZ_RUNS ("500": runs per target; "20x": 20 times each target's default),
// QUIRE_FUZZ_BUDGET_S (each target's overall budget), QUIRE_FUZZ_CASE_MS (a case's base
// budget), QUIRE_FUZZ_SEED and QUIRE_FUZZ_PATH (replay a reported failure), QUIRE_FUZZ_REPORT
// (a JSON-lines file each target's figures are appended to: npm run fuzz).

export * from './fuzz-inputs.ts';
export * from './fuzz-seeds.ts';

export interface FuzzTarget<I> {
  /** How reports name it: "importArticle text/plain". */
  name: string;
  /** Runs in `npm test` (QUIRE_FUZZ_RUNS overrides or multiplies it). */
  runs: number;
  input: fc.Arbitrary<I>;
  /** The input's size in bytes or characters: scales the case's time budget. */
  size(input: I): number;
  /** The function under test, on one input. */
  call(input: I): unknown;
  /** The module's own error: a refusal. Absent when the function promises never to throw. */
  refusal?: { name: string; is(error: unknown): boolean };
  /** 'refusal': every input is garbage and must be refused (an accepted one is a failure). */
  expect?: 'result-or-refusal' | 'refusal';
  /** The properties of a valid result: throws (node:assert) when one does not hold. */
  check?(result: never, input: I): void | Promise<void>;
  /** What the seeds are (fixtures, shared corpora present or absent), for the report. */
  seedNote?: string;
}

/** What one target's run did: the figures npm run fuzz writes to bench/results/fuzz.md. */
export interface FuzzReport {
  target: string;
  runsRequested: number;
  /** Cases run before the end, the first failure or the overall budget. */
  runs: number;
  results: number;
  refusals: number;
  durationMs: number;
  /** CPU time of the slowest case, and that case's size (bytes or characters). */
  slowestMs: number;
  slowestSize: number;
  /** The run stopped at its overall budget before `runsRequested`. */
  interrupted: boolean;
  seed: number;
  seedNote: string;
  failure: string | null;
}

export interface FuzzConfig {
  runs: number;
  budgetMs: number;
  caseBaseMs: number;
  seed: number;
  path?: string;
}

/** Reads the run's settings from the environment; `defaultRuns` is the target's own. */
/** The seed of every run in npm test (QUIRE_FUZZ_SEED or QUIRE_FUZZ_RANDOM=1 change it). */
export const FIXED_SEED = 20_261_201;

export function fuzzConfig(defaultRuns: number, env = process.env): FuzzConfig {
  const spec = env.QUIRE_FUZZ_RUNS?.trim();
  const times = spec?.endsWith('x') ? Number(spec.slice(0, -1)) : null;
  const runs = !spec
    ? defaultRuns
    : times !== null
      ? Math.round(defaultRuns * times)
      : Number.parseInt(spec, 10);
  if (!Number.isFinite(runs) || runs < 1) throw new Error(`QUIRE_FUZZ_RUNS="${spec}" is no count`);
  // npm test runs one fixed seed, so a check either passes or fails on the same inputs every
  // time and CI never turns red on a case nobody changed; npm run fuzz explores new seeds.
  const seed = env.QUIRE_FUZZ_SEED
    ? Number(env.QUIRE_FUZZ_SEED)
    : env.QUIRE_FUZZ_RANDOM
      ? Date.now() ^ (Math.random() * 0x7fffffff)
      : FIXED_SEED;
  return {
    runs,
    budgetMs: Number(env.QUIRE_FUZZ_BUDGET_S ?? 45) * 1000,
    caseBaseMs: Number(env.QUIRE_FUZZ_CASE_MS ?? 2000),
    seed: seed | 0,
    ...(env.QUIRE_FUZZ_PATH ? { path: env.QUIRE_FUZZ_PATH } : {}),
  };
}

/**
 * A case's time budget: 2 s, plus 10 ms per KB, so a 256 KB page may take 4.5 s. It is CPU time
 * (the test process's), not wall time: a loaded CI machine (or eight test runs sharing two
 * cores) slows the clock, not the work. What is tested is "no hang, no super-linear blow-up",
 * not speed: the slowest real page takes a tenth of it.
 */
export const caseBudgetMs = (size: number, baseMs = 2000): number =>
  Math.round(baseMs + (size / 1024) * 10);

const cpuMsSince = (before: NodeJS.CpuUsage): number => {
  const cpu = process.cpuUsage(before);
  return (cpu.user + cpu.system) / 1000;
};

/** Why an error message would not help a person, or null when it reads as a sentence. */
export function unreadableMessage(message: unknown): string | null {
  if (typeof message !== 'string') return 'the message is not a string';
  const text = message.trim();
  if (text.length < 12) return `the message is too short: ${JSON.stringify(text)}`;
  if (!/\p{L}{3}/u.test(text) || !/\s/.test(text)) return `not a sentence: ${JSON.stringify(text)}`;
  if (/\bundefined\b|\bNaN\b|\[object \w+\]|\n\s+at \S/.test(text))
    return `the message leaks internals: ${JSON.stringify(text)}`;
  return null;
}

/** A case that went wrong: the message says how; the harness adds the input. */
export class FuzzFailure extends Error {
  override readonly name = 'FuzzFailure';
}

const describeError = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error);

/**
 * Runs the target on one input and judges the outcome: resolves 'result' or 'refusal', throws a
 * FuzzFailure for anything else (including a case over its time budget).
 */
export async function judgeCase<I>(
  target: FuzzTarget<I>,
  input: I,
  caseBaseMs = 2000,
): Promise<{ outcome: 'result' | 'refusal'; elapsedMs: number }> {
  const budget = caseBudgetMs(target.size(input), caseBaseMs);
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  let outcome: 'result' | 'refusal';
  let result: unknown;
  try {
    result = await target.call(input);
    outcome = 'result';
  } catch (error) {
    if (!target.refusal?.is(error)) {
      throw new FuzzFailure(`threw an error that is not a refusal: ${describeError(error)}`);
    }
    const unreadable = unreadableMessage((error as Error).message);
    if (unreadable) throw new FuzzFailure(`refused (${target.refusal.name}), but ${unreadable}`);
    outcome = 'refusal';
  }
  const wallMs = performance.now() - started;
  let elapsedMs = cpuMsSince(cpuBefore);
  if (elapsedMs > budget) {
    // The process's CPU time also counts garbage collection and vitest's own thread: a case
    // over budget runs once more and fails only if it is over again (a blow-up always is).
    const again = process.cpuUsage();
    await Promise.resolve(target.call(input)).catch(() => undefined);
    elapsedMs = Math.min(elapsedMs, cpuMsSince(again));
  }
  if (elapsedMs > budget) {
    throw new FuzzFailure(
      `used ${Math.round(elapsedMs)} ms of CPU (${Math.round(wallMs)} ms of wall time), over its budget of ${budget} ms`,
    );
  }
  if (outcome === 'result') {
    if (target.expect === 'refusal') {
      throw new FuzzFailure(`accepted garbage: returned ${preview(result, 200)}`);
    }
    try {
      await target.check?.(result as never, input);
    } catch (error) {
      throw new FuzzFailure(`returned a result whose property fails: ${describeError(error)}`);
    }
  }
  return { outcome, elapsedMs };
}

/** Writes a failing input where a developer can replay it; returns the path. */
export function saveCounterexample(targetName: string, seed: number, input: unknown): string {
  const dir = join(tmpdir(), 'quire-fuzz');
  mkdirSync(dir, { recursive: true });
  const base = join(dir, `${targetName.replace(/[^A-Za-z0-9]+/g, '-')}-${seed >>> 0}`);
  const split = bytesAndRest(input);
  if (split) {
    writeFileSync(`${base}.bin`, split.bytes);
    writeFileSync(`${base}.options.json`, JSON.stringify(split.rest, null, 2));
    return `${base}.bin (options: ${base}.options.json)`;
  }
  if (input instanceof Uint8Array) {
    writeFileSync(`${base}.bin`, input);
    return `${base}.bin`;
  }
  if (typeof input === 'string') {
    writeFileSync(`${base}.txt`, input);
    return `${base}.txt`;
  }
  writeFileSync(`${base}.json`, JSON.stringify(input, null, 2) ?? String(input));
  return `${base}.json`;
}

export interface FuzzHooks {
  /** Called before each case (the worker's heartbeat). */
  onCase?(input: unknown, size: number): void;
}

/** Runs a target for `config.runs` cases (or until its budget), in this thread. */
export async function runFuzzTarget<I>(
  target: FuzzTarget<I>,
  config: FuzzConfig,
  hooks: FuzzHooks = {},
): Promise<FuzzReport> {
  let results = 0;
  let refusals = 0;
  let slowestMs = 0;
  let slowestSize = 0;
  let failed = false;
  const property = fc.asyncProperty(target.input, async (input) => {
    hooks.onCase?.(input, target.size(input));
    try {
      const { outcome, elapsedMs } = await judgeCase(target, input, config.caseBaseMs);
      if (!failed) {
        if (outcome === 'result') results++;
        else refusals++;
        if (elapsedMs > slowestMs) [slowestMs, slowestSize] = [elapsedMs, target.size(input)];
      }
    } catch (error) {
      failed = true;
      throw error;
    }
  });
  const started = performance.now();
  const details = await fc.check(property, {
    numRuns: config.runs,
    seed: config.seed,
    ...(config.path ? { path: config.path } : {}),
    interruptAfterTimeLimit: config.budgetMs,
    markInterruptAsFailure: false,
  });
  const durationMs = performance.now() - started;
  let failure: string | null = null;
  if (details.failed) {
    const input = details.counterexample?.[0];
    const saved = saveCounterexample(target.name, config.seed, input);
    const error = details.errorInstance;
    failure = [
      `${target.name} failed after ${details.numRuns} runs (${details.numShrinks} shrinks):`,
      error instanceof Error ? error.message : String(error),
      `input: ${preview(input)}`,
      `saved to ${saved}`,
      `replay: QUIRE_FUZZ_SEED=${details.seed} QUIRE_FUZZ_PATH=${details.counterexamplePath ?? ''}`,
    ].join('\n');
  }
  return {
    target: target.name,
    runsRequested: config.runs,
    runs: details.failed ? details.numRuns : results + refusals,
    results,
    refusals,
    durationMs,
    slowestMs,
    slowestSize,
    interrupted: details.interrupted && !details.failed,
    seed: config.seed,
    seedNote: target.seedNote ?? '',
    failure,
  };
}
