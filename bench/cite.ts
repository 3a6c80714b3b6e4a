/**
 * `npm run bench:cite`: formats and exports 10,000 synthetic articles with Quire's citation
 * engine, times each citation against citation-js rendering the same prepared CSL-JSON, and
 * writes bench/results/cite.{json,md} (issue "Citation engine", item 10). See bench/README.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createCitationEngine } from '../src-core/citation/engine.ts';
import { CSL_RESOURCES } from '../src-core/testing/fixtures.ts';
import { measureBreakdown } from './cite/breakdown.ts';
import { measureBibliography, measureExports } from './cite/bulk.ts';
import { syntheticArticles } from './cite/corpus.ts';
import { compareCold, compareWarm, MemoryTracker, warmUp } from './cite/measure.ts';
import { resultsJson, resultsMarkdown, summary, type CiteResults } from './cite/report.ts';

const USAGE = 'usage: npm run bench:cite [-- --entries N] [--all-styles] [--full-bibliography]';
const SEED = 20_261_130;
/** The headline style: every entry is cited in it once, as its first citation. */
const HEADLINE = 'apa';
const MAIN_STYLES = ['apa', 'mla', 'chicago-notes'];
/** Articles cited again in each style, `ROUNDS` times, once their nouns are learned. */
const WARM_ENTRIES = 200;
const ROUNDS = 3;
const WARM_UP_ENTRIES = 80;
const BREAKDOWN_ENTRIES = 60;

const log = (text: string) => console.error(text);

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        entries: { type: 'string', default: '10000' },
        'all-styles': { type: 'boolean', default: false },
        'full-bibliography': { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const entries = Number(values.entries);
  if (!Number.isInteger(entries) || entries < 10) {
    console.error(`--entries must be a whole number of at least 10\n${USAGE}`);
    return 2;
  }
  const started = performance.now();
  const loadAvgStart = os.loadavg();
  const memory = new MemoryTracker();
  if (!memory.summary().gcExposed) log('(run with node --expose-gc for per-phase memory figures)');

  log(`Generating ${entries} articles…`);
  const articles = syntheticArticles(entries, SEED);
  // Separate sets, so the measured articles are still unseen when they are measured.
  const warmUpSet = syntheticArticles(WARM_UP_ENTRIES, SEED + 1);
  const breakdownSet = syntheticArticles(BREAKDOWN_ENTRIES, SEED + 2);
  memory.endPhase('generate articles');

  const engine = createCitationEngine(CSL_RESOURCES);
  const infos = engine.styles();
  const labels = Object.fromEntries(infos.map((s) => [s.id, s.label]));
  const styles = values['all-styles']
    ? infos.map((s) => s.id)
    : MAIN_STYLES.filter((id) => id in labels);
  if (!(HEADLINE in labels)) throw new Error(`The engine has no "${HEADLINE}" style`);

  log(`Warm-up: ${WARM_UP_ENTRIES} other articles in ${styles.join(', ')}…`);
  const engines = warmUp(engine, warmUpSet, styles);
  memory.endPhase('warm-up');

  log(`${labels[HEADLINE]}: first citation of each of ${entries} articles, both systems…`);
  const cold = compareCold(
    engine,
    () => createCitationEngine(CSL_RESOURCES),
    articles,
    HEADLINE,
    memory,
    (done) => log(`  ${done} / ${entries}`),
  );
  memory.endPhase(`${HEADLINE}, first citations`);
  const [warmedUp, citedOnce] = memory.phases.slice(-2).map((p) => p.heapAfterGcMb);
  // The heap the cold pass leaves behind is the engine's cache of learned proper nouns.
  const nounCacheMb =
    warmedUp != null && citedOnce != null ? Math.max(0, citedOnce - warmedUp) : null;

  const warmArticles = articles.slice(0, Math.min(WARM_ENTRIES, entries));
  const warm = styles.map((style) => {
    log(`${labels[style]}: ${warmArticles.length} articles again × ${ROUNDS} rounds…`);
    const result = compareWarm(engine, warmArticles, style, ROUNDS, memory);
    memory.endPhase(`${style}, nouns learned`);
    return result;
  });

  log(`Bibliography (${labels[HEADLINE]})…`);
  const bibliography = measureBibliography(
    engine,
    articles,
    HEADLINE,
    values['full-bibliography'],
    memory,
  );
  memory.endPhase('bibliography');

  log(`Exports of ${entries} articles…`);
  const exports = measureExports(engine, articles, memory);
  memory.endPhase('exports');

  log(`Breakdown: ${BREAKDOWN_ENTRIES} unseen articles, step by step…`);
  const breakdown = await measureBreakdown(
    createCitationEngine(CSL_RESOURCES),
    breakdownSet,
    styles.filter((s) => MAIN_STYLES.includes(s)),
    ROUNDS,
  );
  memory.endPhase('breakdown');

  // `articles` and the engine's learned nouns are still alive here: this is what they keep.
  const retainedHeapMb = memory.retainedHeapMb();
  const results: CiteResults = {
    entries,
    seed: SEED,
    options: { allStyles: values['all-styles'], fullBibliography: values['full-bibliography'] },
    cold,
    warm,
    bibliography,
    exports,
    breakdown,
    memory: {
      ...memory.summary(),
      retainedHeapMb,
      nounCacheMb,
      engines,
      phases: memory.phases,
    },
    machine: { loadAvgStart, loadAvgEnd: os.loadavg() },
    durationS: (performance.now() - started) / 1000,
    labels,
  };
  const out = new URL('results/', import.meta.url);
  mkdirSync(out, { recursive: true });
  writeFileSync(new URL('cite.json', out), `${JSON.stringify(resultsJson(results), null, 2)}\n`);
  writeFileSync(new URL('cite.md', out), resultsMarkdown(results));
  console.log(summary(results));
  console.log('\nDetails: bench/results/cite.md and bench/results/cite.json.');
  // Keep `engine` and `articles` reachable until after the retained-heap reading above.
  return engine && articles.length ? 0 : 1;
}

process.exitCode = await main();
