import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { CslItem, Sha256 } from '../article/model.ts';
import type { CslResources } from '../citation/types.ts';
import { cslResourcesFrom } from '../citation/styles.ts';

// Test-only helpers (imported by *.test.ts files, never by src-core code).
export const FIXTURES = join(import.meta.dirname, '../test-fixtures');
export const REFERENCE_PATH = join(FIXTURES, '000_bfa7ac14e5553cb7.txt');

export const readFixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');
export const readFixtureBytes = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(join(FIXTURES, name)));
export const nodeSha256: Sha256 = async (data) => createHash('sha256').update(data).digest('hex');
export const sha256Hex = (text: string): string =>
  createHash('sha256').update(text, 'utf8').digest('hex');

const RESOURCES = join(import.meta.dirname, '../../resources/csl');
const readResource = (path: string): string => readFileSync(join(RESOURCES, path), 'utf8');

/** The CSL styles and locale the app ships, as the CLI and the renderer hand them to core. */
export const CSL_RESOURCES: CslResources = cslResourcesFrom(readResource);

/** The reference article's metadata as the parser reads it. */
export const REFERENCE_CSL: CslItem = {
  id: 'a1',
  type: 'webpage',
  title:
    'Video: Taliban Pushes Back Against ISIS Expansion in Afghanistan. Increased US Troops Deployed',
  author: [{ literal: 'South Front' }],
  issued: { 'date-parts': [[2018, 8, 15]] },
  'container-title': 'Global Research',
};

interface XssPayload {
  id: string;
  payload?: string;
  data?: string;
}

/** The DOMPurify and H5SC attack payloads (see test-fixtures/xss), as `{ id, html }`. */
export function xssPayloads(): { id: string; html: string }[] {
  return [
    ...(JSON.parse(readFixture('xss/dompurify-payloads.json')) as XssPayload[]),
    ...(JSON.parse(readFixture('xss/h5sc-vectors.json')) as XssPayload[]),
  ]
    .map((p) => ({ id: p.id, html: p.payload ?? p.data ?? '' }))
    .filter((p) => p.html.trim());
}
