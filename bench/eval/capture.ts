/**
 * `npm run eval`: scores Quire's article capture against the shared corpora (issue 7, item 8)
 * and writes bench/results/capture.{json,md}. `npm run eval -- --page <id-prefix>` prints one
 * article-extraction page's prediction, truth and shingle diff instead. See bench/README.md.
 */
import { parseArgs } from 'node:util';
import { corporaDir, missingCorpus } from './corpora.ts';

const USAGE = 'usage: npm run eval [-- --page <id-prefix>]';

async function main(): Promise<number> {
  let page: string | undefined;
  try {
    ({ page } = parseArgs({ options: { page: { type: 'string' } } }).values);
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }

  const corpora = corporaDir();
  const missing = missingCorpus(corpora);
  if (missing !== null) {
    const where =
      missing === corpora ? `No capture corpora at ${corpora}` : `Capture corpora lack ${missing}`;
    console.error(
      `${where} (set QUIRE_CORPORA to use another folder), so nothing was evaluated and no ` +
        'results were written.',
    );
    return 1;
  }

  // Loaded only now, so that a clone without corpora gets the sentence above even while the
  // capture code (which the run imports) is broken or half-written.
  const { runEval, runPageView } = await import('./run.ts');
  return page === undefined ? runEval(corpora) : runPageView(corpora, page);
}

process.exitCode = await main();
