// Test-only: the entry of the worker thread that runs linear-time cases. It registers tsx so
// the TypeScript sources load as they are, then serves cases (cases.ts).
import { register } from 'tsx/esm/api';

register();
await import('./cases.ts');
