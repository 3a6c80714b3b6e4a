import { fuzzTest } from '../testing/fuzz-test.ts';

// Fuzzing of CSL-JSON validation (testing/fuzz-targets/csl-json.ts; harness: testing/fuzz.ts):
// whatever an item holds, the exported item is schema-valid CSL-JSON with a key.

fuzzTest(
  'any item, however malformed, exports as schema-valid CSL-JSON that survives a JSON round trip',
  new URL('../testing/fuzz-targets/csl-json.ts', import.meta.url),
  'cslJson',
);
