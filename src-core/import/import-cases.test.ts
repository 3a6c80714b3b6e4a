import { describe, expect, it } from 'vitest';
import { casesFor } from '../validation/cases.ts';
import { nodeSha256 } from '../testing/fixtures.ts';
import { importArticle } from './import-article.ts';

const MARKDOWN = new TextEncoder().encode(
  '# A Plain Article\n\nBy Ada Example\n\nIt has one paragraph of prose, long enough to be read as an article body.\n',
);

describe('the shared validation table, in the importer (the page address)', () => {
  it.each(casesFor('url'))('$reason: kept $accept', async ({ input, accept }) => {
    const article = await importArticle(
      MARKDOWN,
      { fileName: 'article.md', url: input },
      { sha256: nodeSha256 },
    );
    expect(article.csl.URL).toBe(accept ? input.trim() : undefined);
    // A refused address never stops the import: the article comes in with a gap to fill.
    expect(article.csl.title).toBe('A Plain Article');
  });
});
