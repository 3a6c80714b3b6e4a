// Test-only: the entry of the worker thread that runs one fuzz target. It registers tsx so the
// TypeScript sources load as they are, then serves the request (fuzz-worker.ts).
import { register } from 'tsx/esm/api';

register();
await import('./fuzz-worker.ts');
