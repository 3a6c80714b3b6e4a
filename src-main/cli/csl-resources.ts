import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cslResourcesFrom, type CslResources } from '../../src-core/citation/index.ts';

const CSL_DIR = join(import.meta.dirname, '../../resources/csl');

/** The CSL styles and locales the app ships, read from resources/ (CC BY-SA 3.0, see its README). */
export function loadCslResources(): CslResources {
  return cslResourcesFrom((path) => readFileSync(join(CSL_DIR, path), 'utf8'));
}
