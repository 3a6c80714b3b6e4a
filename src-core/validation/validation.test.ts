import { describe, expect, it } from 'vitest';
import { casesFor, VALIDATION_CASES } from './cases.ts';
import {
  checkAuthor,
  checkDateParts,
  checkDateText,
  checkTitle,
  checkWebUrl,
  daysInMonth,
  type Verdict,
} from './index.ts';

const verdictOf = (c: (typeof VALIDATION_CASES)[number]): Verdict<unknown> => {
  switch (c.field) {
    case 'url':
      return checkWebUrl(c.input);
    case 'title':
      return checkTitle(c.input);
    case 'date':
      return checkDateText(c.input);
    case 'author':
      return checkAuthor(c.input);
  }
};

describe('the shared validation table, in the core checks', () => {
  it('covers every field with accepted and refused cases', () => {
    for (const field of ['url', 'title', 'date', 'author'] as const) {
      const cases = casesFor(field);
      expect(cases.some((c) => c.accept)).toBe(true);
      expect(cases.some((c) => !c.accept)).toBe(true);
    }
  });

  it.each(VALIDATION_CASES.map((c) => [c.field, c.reason, c] as const))(
    '%s: %s',
    (_field, _reason, c) => {
      const verdict = verdictOf(c);
      expect(verdict.ok).toBe(c.accept);
      // A refusal always says why, in a sentence.
      if (!verdict.ok) expect(verdict.message).toMatch(/^\S.*\.$/);
    },
  );

  it.each(casesFor('date').filter((c) => c.parts !== undefined))(
    'date-parts $parts agree with the typed $input',
    (c) => {
      expect(checkDateParts(c.parts).ok).toBe(c.accept);
    },
  );
});

describe('checkWebUrl', () => {
  it('returns the parsed URL, so callers use exactly what was checked', () => {
    const verdict = checkWebUrl('  HTTPS://Example.ORG/a b ');
    expect(verdict.ok && verdict.value.href).toBe('https://example.org/a%20b');
  });

  it('says which rule refused an address', () => {
    const codes = ['', 'ftp://x.org', 'https://u@x.org', 'nope', 'https://x.org/\ta'].map(
      (text) => {
        const verdict = checkWebUrl(text);
        return verdict.ok ? 'ok' : verdict.code;
      },
    );
    expect(codes).toEqual(['empty', 'scheme', 'credentials', 'malformed', 'control']);
  });
});

describe('dates', () => {
  it('knows the length of every month, leap years included', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2023, m))).toEqual([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
    expect([2024, 2000, 1900, 2100].map((y) => daysInMonth(y, 2))).toEqual([29, 29, 28, 28]);
  });

  it('refuses date-parts that are not whole numbers or too many', () => {
    for (const parts of [[], [2018.5], ['2018'], [2018, 1, 1, 1], null, '2018']) {
      expect(checkDateParts(parts).ok).toBe(false);
    }
  });
});

describe('checkAuthor', () => {
  it('returns the name trimmed, without empty parts', () => {
    expect(checkAuthor({ family: ' Darwin ', given: ' ' })).toEqual({
      ok: true,
      value: { family: 'Darwin' },
    });
    expect(checkAuthor({ literal: ' WHO ', given: '' })).toEqual({
      ok: true,
      value: { literal: 'WHO' },
    });
  });

  it('refuses unknown parts and non-text parts', () => {
    expect(checkAuthor({ family: 'A', email: 'a@b.c' }).ok).toBe(false);
    expect(checkAuthor({ family: 7 }).ok).toBe(false);
    expect(checkAuthor('Darwin').ok).toBe(false);
  });
});
