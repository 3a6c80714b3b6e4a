import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CslResources } from '../../src-core/citation/index.ts';

const CSL_DIR = join(import.meta.dirname, '../../resources/csl');

/** The CSL styles and locale the app ships, read from resources/ (CC BY-SA 3.0, see its README). */
export function loadCslResources(): CslResources {
  const read = (path: string): string => readFileSync(join(CSL_DIR, path), 'utf8');
  return {
    styles: { apa: read('styles/apa.csl'), mla: read('styles/modern-language-association.csl') },
    locales: { 'en-US': read('locales/locales-en-US.xml') },
  };
}
