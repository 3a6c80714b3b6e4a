import fc from 'fast-check';
import type { FuzzTarget } from '../fuzz.ts';

// Test-only: targets with a known fault, for the harness's own tests (testing/fuzz.test.ts).

/** A call that never returns, whatever the input. */
export const loopsForever: FuzzTarget<string> = {
  name: 'loops forever',
  runs: 10,
  input: fc.constantFrom('the input that hangs'),
  size: (s) => s.length,
  call: () => {
    for (;;);
  },
};
