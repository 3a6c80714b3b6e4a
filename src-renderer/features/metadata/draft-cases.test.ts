import { describe, expect, it } from 'vitest';
import { casesFor } from '../../../src-core/validation/cases.ts';
import { emptyAuthor, validateDraft, type AuthorDraft, type MetadataDraft } from './draft.ts';

const blank: MetadataDraft = {
  title: '',
  authors: [],
  date: '',
  site: '',
  sourceName: '',
  sourceUrl: '',
  url: '',
};

/** The form's row for a CSL name: an organisation when it has a literal, else a person. */
function authorRow(name: (typeof AUTHOR_CASES)[number]['input']): AuthorDraft {
  const { literal, family = '', given = '', ...rest } = name;
  return literal !== undefined
    ? { ...emptyAuthor('organisation'), literal }
    : { ...emptyAuthor('person'), family, given, rest };
}

const AUTHOR_CASES = casesFor('author');

describe('the shared validation table, in the metadata editor', () => {
  it.each(casesFor('url'))('url — $reason: accepted $accept', ({ input, accept }) => {
    for (const field of ['url', 'sourceUrl'] as const) {
      const draft = { ...blank, [field]: input, sourceName: 'Source' };
      const { errors, patch } = validateDraft(draft, blank);
      expect(errors[field] === undefined, field).toBe(accept);
      expect(patch !== null).toBe(accept);
    }
  });

  it.each(casesFor('title'))('title — $reason: accepted $accept', ({ input, accept }) => {
    // Edited from a loaded title, so clearing it counts as a change.
    const loaded = { ...blank, title: 'Loaded title' };
    const { errors, patch } = validateDraft({ ...loaded, title: input }, loaded);
    expect(errors.title === undefined).toBe(accept);
    expect(patch?.title).toBe(accept ? input.trim() : undefined);
  });

  it.each(casesFor('date'))('date — $reason: accepted $accept', ({ input, accept }) => {
    const { errors, patch } = validateDraft({ ...blank, date: input }, blank);
    expect(errors.date === undefined).toBe(accept);
    expect(patch?.issued !== undefined).toBe(accept);
  });

  // The form has a person/organisation switch, so a name that is both cannot be typed in it.
  it.each(AUTHOR_CASES.filter((c) => !(c.input.literal !== undefined && c.input.family)))(
    'author — $reason: accepted $accept',
    ({ input, accept }) => {
      const row = authorRow(input);
      const { errors, patch } = validateDraft({ ...blank, authors: [row] }, blank);
      expect(errors[`author-${row.key}`] === undefined).toBe(accept);
      expect(patch?.author?.length ?? 0).toBe(accept ? 1 : 0);
    },
  );
});
