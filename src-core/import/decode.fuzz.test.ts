import { fuzzTest } from '../testing/fuzz-test.ts';

// Fuzzing of the byte decoder (testing/fuzz-targets/decode.ts; harness: testing/fuzz.ts): any
// bytes, name and server declaration decode losslessly and repeatably, or give an ImportError.

fuzzTest(
  'any bytes decode to text that encodes back to them, the same every time, or an ImportError',
  new URL('../testing/fuzz-targets/decode.ts', import.meta.url),
  'decoder',
);
