import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { evaluateBody } from './body.ts';
import { loadBodyPages, loadMetadataPages } from './corpora.ts';
import { evaluateMetadata, readJudgements } from './metadata.ts';
import { printPageView } from './page-view.ts';
import { figuresTable, resultsJson, resultsMarkdown } from './report.ts';
import { measureSpeed } from './speed.ts';

/** The whole evaluation: body, metadata and speed, then the two reports. Returns the exit code. */
export function runEval(corpora: string): number {
  const bodyPages = loadBodyPages(corpora);
  console.error(`Body: ${bodyPages.length} pages…`);
  const body = evaluateBody(bodyPages);
  const metadataPages = loadMetadataPages(corpora);
  console.error(`Metadata: ${metadataPages.length} pages…`);
  const judgements = readJudgements(
    fileURLToPath(new URL('title-judgements.json', import.meta.url)),
  );
  const metadata = evaluateMetadata(metadataPages, judgements);
  console.error('Speed: warm-up and 3 rounds…');
  const speed = measureSpeed(bodyPages);

  const results = { body, metadata, speed };
  const out = new URL('../results/', import.meta.url);
  mkdirSync(out, { recursive: true });
  writeFileSync(new URL('capture.json', out), `${JSON.stringify(resultsJson(results), null, 2)}\n`);
  writeFileSync(new URL('capture.md', out), resultsMarkdown(results, corpora));
  console.log(figuresTable(results));
  console.log('\nDetails: bench/results/capture.md and bench/results/capture.json.');
  return 0;
}

/** The debug view of the one article-extraction page whose id starts with `prefix`. */
export function runPageView(corpora: string, prefix: string): number {
  const matches = loadBodyPages(corpora).filter((p) => p.id.startsWith(prefix));
  if (matches.length !== 1) {
    const found = matches.map((p) => `  ${p.id} ${p.url}`).join('\n');
    console.error(`${matches.length} pages start with "${prefix}".${found ? `\n${found}` : ''}`);
    return 2;
  }
  printPageView(matches[0]!);
  return 0;
}
