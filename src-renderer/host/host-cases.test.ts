import { describe, expect, it } from 'vitest';
import { casesFor } from '../../src-core/validation/cases.ts';
import { webAddress } from '../features/reader/InlineText.tsx';
import { assertExternalUrl } from './host.ts';

describe('the shared validation table, where the renderer lets a link leave', () => {
  it.each(casesFor('url'))('$reason: opened $accept', ({ input, accept }) => {
    if (accept) expect(() => assertExternalUrl(input)).not.toThrow();
    else expect(() => assertExternalUrl(input)).toThrow(/This link cannot be opened: /);
  });

  it.each(casesFor('url'))(
    'a link in article text — $reason: a link $accept',
    ({ input, accept }) => {
      expect(webAddress(input, undefined) !== null).toBe(accept);
    },
  );
});
