import { describe, expect, it } from 'vitest';
import { casesFor } from '../../src-core/validation/cases.ts';
import { validateMetadataPatch } from './metadata-patch.ts';

const verdict = (patch: unknown): boolean => {
  try {
    validateMetadataPatch(patch);
    return true;
  } catch (error) {
    expect((error as Error).message).toMatch(/^Invalid metadata: /);
    return false;
  }
};

describe('the shared validation table, on the database write path', () => {
  it.each(casesFor('url'))('url — $reason: accepted $accept', ({ input, accept }) => {
    expect(verdict({ url: input })).toBe(accept);
    expect(verdict({ originalSource: { name: 'Source', url: input } })).toBe(accept);
  });

  it.each(casesFor('title'))('title — $reason: accepted $accept', ({ input, accept }) => {
    expect(verdict({ title: input })).toBe(accept);
  });

  // The patch takes CSL date-parts; texts with no such form (2018/08/15) are the editor's alone.
  it.each(casesFor('date').filter((c) => c.parts !== undefined))(
    'date $parts — $reason: accepted $accept',
    ({ parts, accept }) => {
      expect(verdict({ issued: { 'date-parts': [parts] } })).toBe(accept);
    },
  );

  it.each(casesFor('author'))('author — $reason: accepted $accept', ({ input, accept }) => {
    expect(verdict({ author: [input] })).toBe(accept);
  });
});
