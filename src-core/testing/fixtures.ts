import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Sha256 } from '../article/model.ts';

// Test-only helpers (imported by *.test.ts files, never by src-core code).
export const FIXTURES = join(import.meta.dirname, '../test-fixtures');
export const REFERENCE_PATH = join(FIXTURES, '000_bfa7ac14e5553cb7.txt');

export const readFixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');
export const readFixtureBytes = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(join(FIXTURES, name)));
export const nodeSha256: Sha256 = async (data) => createHash('sha256').update(data).digest('hex');
export const sha256Hex = (text: string): string =>
  createHash('sha256').update(text, 'utf8').digest('hex');
