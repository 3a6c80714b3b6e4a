import { fuzzTest } from '../testing/fuzz-test.ts';

// Fuzzing of the search language (testing/fuzz-targets/query.ts; harness: testing/fuzz.ts):
// any string parses and runs without an exception, with readable hints and consistent hits.

fuzzTest(
  'any query parses and searches without an exception, with readable hints and ranked hits',
  new URL('../testing/fuzz-targets/query.ts', import.meta.url),
  'searchQuery',
);
