import { startQuire } from './lifecycle.ts';

// ESM main (package.json "type": "module"): the bundle's own directory locates preload and page.
startQuire(import.meta.dirname);
