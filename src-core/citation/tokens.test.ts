import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { SHAPES, WORST_CHARACTERS, type Shape } from '../testing/linear-time/inputs.ts';
import { endsSentence, tokenize } from './tokens.ts';

describe('endsSentence', () => {
  const ends: [string, string][] = [
    ['Afghanistan', '.'],
    ['Now', '?'],
    ['Stop', '!'],
    ['Video', ':'],
    ['Win', '.”'],
    ['Updated', ').'],
    ['1', '.'],
  ];
  const continues: [string, string][] = [
    ['vs', '.'],
    ['v', '.'],
    ['Dr', '.'],
    ['Inc', '.'],
    ['etc', '.'],
    ['F', '.'],
    ['U.S', '.'],
    ['e.g', '.'],
    ['Ph.D', '.'],
    ['p.m', '.'],
    ['U.S', '.)'],
    ['Wait', '...'],
    ['Wait', '…'],
    ['Kabul', ','],
    ['Kabul', ''],
  ];
  it.each(ends)('%s%s ends a sentence', (core, trail) => {
    expect(endsSentence(core, trail)).toBe(true);
  });
  it.each(continues)('%s%s does not', (core, trail) => {
    expect(endsSentence(core, trail)).toBe(false);
  });
});

describe('tokenize', () => {
  it('splits lead, core and trail, and marks sentence starts', () => {
    const { words, tail } = tokenize('“We Will Win.” Then (U.S.) troops… left — fast ');
    expect(words.map((w) => [w.lead, w.core, w.trail, w.startsSentence])).toEqual([
      ['“', 'We', '', true],
      ['', 'Will', '', false],
      ['', 'Win', '.”', false],
      ['', 'Then', '', true],
      ['(', 'U.S', '.)', false],
      ['', 'troops', '…', false],
      ['', 'left', '', false],
      ['', 'fast', '', true],
    ]);
    expect(tail).toBe(' ');
  });

  it('keeps letters from any script and digits in the core', () => {
    const { words } = tokenize('L’Oréal 𝐁old 5G!!!');
    expect(words.map((w) => [w.core, w.trail])).toEqual([
      ['L’Oréal', ''],
      ['𝐁old', ''],
      ['5G', '!!!'],
    ]);
  });
});

// Robust by construction (ADR on hostile input): every casing rule is fed long runs of the
// characters most likely to make a regular expression backtrack, and must return. Each call runs
// in a worker thread that is stopped at the deadline, so a hang fails its own test instead of
// stalling the run. 256 KiB is enough for a quadratic rule to take minutes, while the linear
// ones take well under a second; no test measures speed.

/** Characters per input: a quarter of the article front ends' mebibyte. */
const SIZE = 1 << 18;
const DEADLINE_MS = 15_000;
const TEST_TIMEOUT_MS = DEADLINE_MS + 10_000;

function input(char: string, shape: Shape): string {
  if (shape === 'one line') return char.repeat(SIZE);
  return `${char.repeat(39)}\n`.repeat(SIZE / 40);
}

/** Shapes aimed at the casing rules themselves: long words, runs of names, dotted abbreviations. */
const CASING_INPUTS: Record<string, string> = {
  'punctuation inside one word': `a${','.repeat(SIZE)}a`,
  'one run of capitalised words': 'Aa '.repeat(SIZE / 3),
  'names joined by connectors': 'the Aa Bb of Cc and Dd Ee. '.repeat(SIZE / 27),
  'dotted abbreviations': 'a.'.repeat(SIZE / 2),
  'one long compound': 'Aa-'.repeat(SIZE / 3),
  possessives: "Aa's ".repeat(SIZE / 5),
};

const TARGETS = [
  'tokenize',
  'learnProperNouns (one paragraph)',
  'learnProperNouns (line by line)',
  'articleProperNouns',
  'toSentenceCase',
  'toMlaTitleCase',
  'toApaTitleCase',
  'toChicagoTitleCase',
] as const;

const moduleUrl = (file: string): string => new URL(file, import.meta.url).href;

/** tsx's ESM API (`tsx/esm/api` under the "import" condition), as a file URL. */
function tsxApiUrl(): string {
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  const { exports } = JSON.parse(readFileSync(manifest, 'utf8')) as {
    exports: Record<string, { import: { default: string } }>;
  };
  const entry = exports['./esm/api']?.import.default ?? './dist/esm/api/index.mjs';
  return new URL(entry, pathToFileURL(manifest)).href;
}

/** The worker: registers tsx so the sources load as they are, then runs every target on an input. */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
(async () => {
  const { register } = await import(${JSON.stringify(tsxApiUrl())});
  register();
  const tokens = await import(${JSON.stringify(moduleUrl('./tokens.ts'))});
  const learn = await import(${JSON.stringify(moduleUrl('./proper-nouns.ts'))});
  const article = await import(${JSON.stringify(moduleUrl('./article-nouns.ts'))});
  const sentence = await import(${JSON.stringify(moduleUrl('./sentence-case.ts'))});
  const title = await import(${JSON.stringify(moduleUrl('./title-case.ts'))});
  const nouns = article.articleProperNouns([
    'Officials of the Aa Bb met Donald Trump and the US envoy near Kabul.',
  ]);
  const calls = {
    tokenize: (s) => tokens.tokenize(s),
    'learnProperNouns (one paragraph)': (s) => learn.learnProperNouns([s]),
    'learnProperNouns (line by line)': (s) => learn.learnProperNouns(s.split('\\n')),
    articleProperNouns: (s) => article.articleProperNouns(s.split('\\n')),
    toSentenceCase: (s) => sentence.toSentenceCase(s, nouns),
    toMlaTitleCase: (s) => title.toMlaTitleCase(s, nouns),
    toApaTitleCase: (s) => title.toApaTitleCase(s, nouns),
    toChicagoTitleCase: (s) => title.toChicagoTitleCase(s, nouns),
  };
  parentPort.on('message', ({ target, text }) => {
    try {
      calls[target](text);
      parentPort.postMessage({ returned: true });
    } catch (error) {
      parentPort.postMessage({ returned: false, error: String(error) });
    }
  });
  parentPort.postMessage('ready');
})().catch((error) => parentPort.postMessage({ failed: String(error) }));
`;

type Outcome = { returned: true } | { returned: false; error: string };

class Runner {
  private worker: Promise<Worker> | null = null;

  async run(target: string, text: string): Promise<Outcome> {
    const worker = await (this.worker ??= startWorker());
    return new Promise((resolve) => {
      const done = (outcome: Outcome): void => {
        clearTimeout(timer);
        worker.off('message', done);
        resolve(outcome);
      };
      const timer = setTimeout(() => {
        this.stop();
        done({ returned: false, error: 'did not return before the deadline' });
      }, DEADLINE_MS);
      worker.on('message', done);
      worker.postMessage({ target, text });
    });
  }

  stop(): void {
    const worker = this.worker;
    this.worker = null;
    void worker?.then((w) => w.terminate());
  }
}

function startWorker(): Promise<Worker> {
  const worker = new Worker(WORKER_SOURCE, { eval: true });
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (message: unknown) => {
      worker.off('error', reject);
      if (message === 'ready') resolve(worker);
      else reject(new Error(`the worker did not start: ${JSON.stringify(message)}`));
    });
  });
}

describe('every casing rule returns on hostile input', () => {
  const runner = new Runner();
  afterAll(() => runner.stop());
  const inputs: [string, () => string][] = [
    ...WORST_CHARACTERS.flatMap((char) =>
      SHAPES.map((shape): [string, () => string] => [
        `${JSON.stringify(char)} as ${shape}`,
        () => input(char, shape),
      ]),
    ),
    ...Object.entries(CASING_INPUTS).map(([name, text]): [string, () => string] => [
      name,
      () => text,
    ]),
  ];
  for (const target of TARGETS) {
    describe(target, () => {
      it.each(inputs)(
        '%s',
        async (_name, text) => {
          expect(await runner.run(target, text())).toEqual({ returned: true });
        },
        TEST_TIMEOUT_MS,
      );
    });
  }
});
