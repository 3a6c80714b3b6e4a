import { describe, expect, it } from 'vitest';
import { applyMetadataPatch, METADATA_LIMITS, validateMetadataPatch } from './metadata-patch.ts';
import type { ArticleRecord } from './records.ts';
import { CITATION_DEFAULTS, referenceArticle } from './test-article.ts';

const record = (): ArticleRecord => ({
  ...referenceArticle(),
  id: 'a1',
  tags: [],
  collections: [],
  addedAt: 1000,
  updatedAt: 1000,
  ...CITATION_DEFAULTS('a1'),
  canonicalUrl: null,
});

describe('validateMetadataPatch', () => {
  it('trims text and drops empty name parts', () => {
    expect(
      validateMetadataPatch({
        title: '  A title ',
        author: [{ family: ' Doe ', given: '' }, { literal: 'South Front' }],
      }),
    ).toEqual({ title: 'A title', author: [{ family: 'Doe' }, { literal: 'South Front' }] });
  });

  it('accepts the title cap and rejects one character more', () => {
    const max = 'x'.repeat(METADATA_LIMITS.text);
    expect(validateMetadataPatch({ title: max }).title).toBe(max);
    expect(() => validateMetadataPatch({ title: `${max}x` })).toThrow(/longer than 1000/);
  });

  it.each([
    [null, /patch must be an object/],
    [{ tags: ['x'] }, /unknown field\(s\) tags/],
    [{ title: 'line\nbreak' }, /title: The title contains a line break/],
    [{ title: '   ' }, /title: Enter a title/],
    [{ containerTitle: 'line\nbreak' }, /containerTitle contains control characters/],
    [{ author: [null] }, /author\[0\]: An author is a person/],
    [{ author: [{ family: 7 }] }, /author\[0\]: The author’s family must be text/],
    [{ author: [{ nickname: 'JD' }] }, /author\[0\]: An author has no “nickname” part/],
    [{ author: [{ literal: 'X', given: 'Y' }] }, /either an organisation/],
    [{ url: 'not a url' }, /url: Enter a full web address/],
    [{ url: 'file:///etc/passwd' }, /url: Only http and https addresses/],
    [{ url: 'https://user:pw@example.org/' }, /url: This address contains a user name/],
    [{ issued: { 'date-parts': [[2018.5]] } }, /whole numbers/],
    [{ issued: { 'date-parts': [[2018, 2, 32]] } }, /That month has no day 32/],
    [{ issued: { 'date-parts': [[2023, 2, 31]] } }, /That month has no day 31/],
    [{ issued: { 'date-parts': [] } }, /one date or a two-date range/],
    [{ originalSource: { name: '', url: 'https://southfront.org/' } }, /needs a name/],
  ])('rejects %j', (patch, message) => {
    expect(() => validateMetadataPatch(patch)).toThrow(message);
  });

  it('treats empty values as removal', () => {
    expect(
      validateMetadataPatch({
        url: '',
        issued: { raw: '' },
        originalSource: { name: '', url: null },
      }),
    ).toEqual({ url: '', issued: null, originalSource: null });
  });
});

describe('applyMetadataPatch', () => {
  it('writes CSL fields, removes emptied ones and recomputes gaps', () => {
    const next = applyMetadataPatch(record(), { title: '', containerTitle: '', author: [] }, 5000);
    expect(next.csl).not.toHaveProperty('title');
    expect(next.csl).not.toHaveProperty('container-title');
    expect(next.csl).not.toHaveProperty('author');
    expect(next.gaps).toEqual(['title', 'author', 'container-title']);
    expect(next.updatedAt).toBe(5000);
  });

  it('sets the original source and keeps it when the patch does not mention it', () => {
    const source = { name: 'South Front', url: 'https://southfront.org/' };
    const next = applyMetadataPatch(record(), { originalSource: source }, 2000);
    expect(next.originalSource).toEqual(source);
    expect(applyMetadataPatch(next, { title: 'T' }, 3000).originalSource).toEqual(source);
  });

  it('keeps an ambiguous date flagged until the date itself is set', () => {
    const ambiguous = { ...record(), gaps: ['issued-ambiguous' as const] };
    expect(applyMetadataPatch(ambiguous, { title: 'T' }, 2000).gaps).toEqual(['issued-ambiguous']);
    const settled = applyMetadataPatch(
      ambiguous,
      { issued: { 'date-parts': [[2018, 8, 15]] } },
      2000,
    );
    expect(settled.gaps).toEqual([]);
  });

  it('moves updatedAt forward even if the clock did not', () => {
    expect(applyMetadataPatch(record(), { title: 'T' }, 1000).updatedAt).toBe(1001);
  });

  it('does not mutate its input', () => {
    const before = record();
    applyMetadataPatch(before, { title: '' }, 2000);
    expect(before).toEqual(record());
  });
});
