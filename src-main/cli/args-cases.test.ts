import { describe, expect, it } from 'vitest';
import { casesFor } from '../../src-core/validation/cases.ts';
import { parseCommandLine, UsageError } from './args.ts';
import { COMMANDS } from './main.ts';

describe('the shared validation table, on the command line (quire parse --url)', () => {
  it.each(casesFor('url'))('$reason: accepted $accept', ({ input, accept }) => {
    const parse = () => parseCommandLine(['parse', '--url', input], COMMANDS);
    if (accept) {
      expect(parse()).toMatchObject({ kind: 'run', options: new Map([['url', input]]) });
    } else {
      expect(parse).toThrow(UsageError);
    }
  });
});
