import { describe, expect, it } from 'vitest';
import { casesFor } from '../../src-core/validation/cases.ts';
import { IpcArgumentError, validateExternalUrl } from './validate.ts';

describe('the shared validation table, at IPC (openExternal)', () => {
  it.each(casesFor('url'))('$reason: accepted $accept', ({ input, accept }) => {
    if (accept) {
      expect(validateExternalUrl(input)).toBe(new URL(input.trim()).href);
    } else {
      expect(() => validateExternalUrl(input)).toThrow(IpcArgumentError);
    }
  });
});
