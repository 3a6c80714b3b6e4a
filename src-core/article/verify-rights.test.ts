import { describe, expect, it } from 'vitest';
import { verifyRights } from './verify-rights.ts';
import { importArticle } from '../import/import-article.ts';
import { nodeSha256, readFixture, readFixtureBytes } from '../testing/fixtures.ts';

describe('verifyRights', async () => {
  const article = await importArticle(
    readFixtureBytes('000_bfa7ac14e5553cb7.txt'),
    {},
    { sha256: nodeSha256 },
  );
  const source = readFixture('000_bfa7ac14e5553cb7.txt');

  it('proves untouched notices intact', async () => {
    const checks = await verifyRights(article.rights, source, nodeSha256);
    expect(checks.map((c) => c.status)).toEqual(['intact', 'intact', 'intact', 'intact']);
  });

  it('catches a notice whose text was altered, even by one trimmed space', async () => {
    const tampered = article.rights.map((n, i) =>
      i === 3 ? { ...n, text: n.text.replace('fair use', 'fair  use') } : n,
    );
    const checks = await verifyRights(tampered, source, nodeSha256);
    expect(checks[3]!.status).toBe('text-differs');
    expect(checks.slice(0, 3).every((c) => c.status === 'intact')).toBe(true);
  });

  it('catches a stored hash that does not match the text', async () => {
    const tampered = article.rights.map((n, i) => (i === 0 ? { ...n, sha256: '0'.repeat(64) } : n));
    expect((await verifyRights(tampered, source, nodeSha256))[0]!.status).toBe('hash-differs');
  });

  it('catches a source that changed under the notice', async () => {
    const edited = source.replace('Copyright ©', 'Copyright (c)');
    const checks = await verifyRights(article.rights, edited, nodeSha256);
    expect(checks.map((c) => c.status)).not.toEqual(['intact', 'intact', 'intact', 'intact']);
  });
});
