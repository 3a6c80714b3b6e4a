import fc from 'fast-check';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  applyMutation,
  FIXED_SEED,
  fuzzConfig,
  FuzzFailure,
  judgeCase,
  runFuzzTarget,
  unreadableMessage,
  type FuzzTarget,
} from './fuzz.ts';
import { runInWorker } from './fuzz-test.ts';

// The fuzz harness's own tests: a fuzz test that passes means "no fault found", not "the
// harness missed it". Each way a case can go wrong is shown to fail, with its counterexample.

class ModuleError extends Error {}
const refusal = { name: 'ModuleError', is: (e: unknown) => e instanceof ModuleError };

const target = (over: Partial<FuzzTarget<string>>): FuzzTarget<string> => ({
  name: 'test target',
  runs: 50,
  input: fc.string(),
  size: (s) => s.length,
  call: (s) => s,
  refusal,
  ...over,
});

const failure = async (t: FuzzTarget<string>, input: string): Promise<string> => {
  const error = await judgeCase(t, input).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(FuzzFailure);
  return (error as FuzzFailure).message;
};

describe('judgeCase', () => {
  it('passes a result and a refusal with a readable message', async () => {
    expect((await judgeCase(target({}), 'a')).outcome).toBe('result');
    const refuses = target({
      call: () => {
        throw new ModuleError('This file is empty: there is nothing to save.');
      },
    });
    expect((await judgeCase(refuses, 'a')).outcome).toBe('refusal');
  });

  it('fails an exception that is not the module error, with its stack', async () => {
    const crashes = target({
      call: () => {
        throw new TypeError("Cannot read properties of null (reading 'trim')");
      },
    });
    const message = await failure(crashes, 'a');
    expect(message).toMatch(/not a refusal: TypeError/);
  });

  it('fails a refusal whose message is blank, too short or leaks internals', async () => {
    for (const text of [
      '',
      'Bad input',
      'Cannot read undefined of the file',
      '[object Object] in file',
    ]) {
      const refuses = target({
        call: () => {
          throw new ModuleError(text);
        },
      });
      expect(await failure(refuses, 'a')).toMatch(/refused \(ModuleError\), but/);
    }
  });

  it('fails garbage accepted where a refusal is expected', async () => {
    expect(await failure(target({ expect: 'refusal' }), '\u0000')).toMatch(/accepted garbage/);
  });

  it('fails a result whose property does not hold', async () => {
    const checked = target({
      check: () => {
        throw new Error('paragraph 2 has no text');
      },
    });
    expect(await failure(checked, 'a')).toMatch(/property fails: .*paragraph 2 has no text/);
  });

  it('fails a case that uses more CPU time than its budget', async () => {
    const slow = target({
      call: () => {
        // Busy until 80 ms of CPU time are spent, however loaded the machine is.
        const before = process.cpuUsage();
        for (let spent = 0; spent < 80;) {
          const cpu = process.cpuUsage(before);
          spent = (cpu.user + cpu.system) / 1000;
        }
      },
    });
    const error = await judgeCase(slow, 'a', 20).catch((e: unknown) => e);
    expect(String(error)).toMatch(/ms of CPU .* over its budget of 20 ms/);
  });
});

describe('unreadableMessage', () => {
  it("accepts the importer's sentences and names what is wrong with the others", () => {
    expect(unreadableMessage('This file is empty: there is nothing to save.')).toBeNull();
    expect(unreadableMessage('Le fichier est vide : rien à enregistrer.')).toBeNull();
    expect(unreadableMessage(undefined)).toMatch(/not a string/);
    expect(unreadableMessage('   ')).toMatch(/too short/);
    expect(unreadableMessage('ERR_INVALID_ARG_TYPE')).toMatch(/not a sentence/);
    expect(unreadableMessage('Failed at\n    at parse (decode.ts:3:1)')).toMatch(/leaks internals/);
  });
});

describe('runFuzzTarget', () => {
  it('reports a failure with the shrunk counterexample, a saved copy and how to replay it', async () => {
    const crashesOnX = target({
      call: (s) => {
        if (s.includes('x')) throw new RangeError('x is out of range');
        return s;
      },
    });
    const report = await runFuzzTarget(crashesOnX, {
      runs: 500,
      budgetMs: 30_000,
      caseBaseMs: 2000,
      seed: 42,
    });
    expect(report.failure).toMatch(/RangeError: x is out of range/);
    expect(report.failure).toContain('input: 1 chars: "x"');
    expect(report.failure).toMatch(/replay: QUIRE_FUZZ_SEED=42 QUIRE_FUZZ_PATH=\S+/);
    const saved = /saved to (\S+)/.exec(report.failure!)![1]!;
    expect(readFileSync(saved, 'utf8')).toBe('x');
  });

  it('counts results and refusals of a sound target', async () => {
    const sound = target({
      call: (s) => {
        if (s.length % 2) throw new ModuleError('An odd length is refused, as a test.');
        return s;
      },
    });
    const report = await runFuzzTarget(sound, {
      runs: 200,
      budgetMs: 30_000,
      caseBaseMs: 2000,
      seed: 7,
    });
    expect(report).toMatchObject({ failure: null, runs: 200, interrupted: false });
    expect(report.results + report.refusals).toBe(200);
    expect(report.results).toBeGreaterThan(0);
    expect(report.refusals).toBeGreaterThan(0);
  });
});

describe('fuzzConfig', () => {
  it('reads QUIRE_FUZZ_RUNS as runs per target or as a multiple of the default', () => {
    expect(fuzzConfig(100, {}).runs).toBe(100);
    expect(fuzzConfig(100, { QUIRE_FUZZ_RUNS: '500' }).runs).toBe(500);
    expect(fuzzConfig(100, { QUIRE_FUZZ_RUNS: '20x' }).runs).toBe(2000);
    expect(fuzzConfig(100, { QUIRE_FUZZ_SEED: '9', QUIRE_FUZZ_PATH: '3:1' })).toMatchObject({
      seed: 9,
      path: '3:1',
    });
    expect(() => fuzzConfig(100, { QUIRE_FUZZ_RUNS: 'many' })).toThrow(/no count/);
  });

  it('uses the fixed seed unless QUIRE_FUZZ_SEED or QUIRE_FUZZ_RANDOM asks otherwise', () => {
    expect(fuzzConfig(100, {}).seed).toBe(FIXED_SEED);
    expect(fuzzConfig(100, { QUIRE_FUZZ_SEED: '9' }).seed).toBe(9);
    const random = [1, 2, 3].map(() => fuzzConfig(100, { QUIRE_FUZZ_RANDOM: '1' }).seed);
    expect(random.some((seed) => seed !== FIXED_SEED)).toBe(true);
  });
});

describe('the mutators', () => {
  it('flip, cut, splice and insert hostile runs, invalid UTF-8 and byte-order marks', () => {
    const seed = new TextEncoder().encode('abcdef');
    const other = new TextEncoder().encode('XYZ');
    const text = (b: Uint8Array) => new TextDecoder().decode(b);
    expect(text(applyMutation(seed, { op: 'truncate', at: 2, keepEnd: false }, [], 100))).toBe(
      'ab',
    );
    expect(
      text(applyMutation(seed, { op: 'splice', at: 3, other: 0, from: 1 }, [other], 100)),
    ).toBe('abcYZ');
    expect(
      text(applyMutation(seed, { op: 'hostile', at: 1, run: '<!--', times: 2 }, [], 100)),
    ).toBe('a<!--<!--bcdef');
    expect(
      [...applyMutation(seed, { op: 'invalid-utf8', at: 0, sequence: 2 }, [], 100)].slice(0, 2),
    ).toEqual([0xc0, 0x80]);
    expect([...applyMutation(seed, { op: 'bom', bom: 1 }, [], 100)].slice(0, 2)).toEqual([
      0xff, 0xfe,
    ]);
    expect(applyMutation(seed, { op: 'flip', at: 0, mask: 0x80 }, [], 100)[0]).toBe(0x61 ^ 0x80);
    expect(applyMutation(seed, { op: 'long-line', at: 0, length: 5000 }, [], 100).length).toBe(106);
  });
});

describe('fuzzTest in its worker', () => {
  it('reports a case that never returns as a hang, with the input saved', async () => {
    const report = await runInWorker(
      {
        module: new URL('./fuzz-targets/faulty.ts', import.meta.url).href,
        exportName: 'loopsForever',
      },
      () => 1500,
    );
    expect(report.failure).toMatch(/loops forever: a case did not return within 2 s/);
    expect(report.failure).toContain('"the input that hangs"');
    const saved = /saved to (\S+)/.exec(report.failure!)![1]!;
    expect(existsSync(saved) && readFileSync(saved, 'utf8')).toBe('the input that hangs');
  }, 90_000);
});
