import { describe } from 'vitest';
import { fuzzTest } from '../testing/fuzz-test.ts';

// Fuzzing of the whole import path (testing/fuzz-targets/import.ts; harness: testing/fuzz.ts).
// Each test fails with the counterexample, saved to a file, when a case throws anything but an
// ImportError with a readable message, accepts garbage, breaks a property of the article or
// overruns its time budget. QUIRE_FUZZ_RUNS sets the number of runs (npm run fuzz: many more).

const targets = new URL('../testing/fuzz-targets/import.ts', import.meta.url);

describe('importArticle under fuzzing', () => {
  fuzzTest(
    'text files: an article whose notices are verbatim, or an ImportError',
    targets,
    'textImport',
  );
  fuzzTest(
    'Markdown files: an article whose notices are verbatim, or an ImportError',
    targets,
    'markdownImport',
  );
  fuzzTest(
    'HTML pages with metadata: an article whose notices are verbatim, or an ImportError',
    targets,
    'htmlImport',
  );
  fuzzTest(
    'random bytes, binary, empty and blank files: always an ImportError',
    targets,
    'garbageImport',
  );
});
