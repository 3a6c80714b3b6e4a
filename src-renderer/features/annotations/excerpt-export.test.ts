import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeSelection } from '../../../src-core/excerpt/anchor.ts';
import { displayText } from '../../../src-core/excerpt/display-text.ts';
import { sha256 } from '../../host/sha256.ts';
import { loadCitationEngine } from '../citations/load-engine.ts';
import type { AnnotationRecord, ArticleRecord, Library } from '../../db/index.ts';
import { disposeLibrary, openTestLibrary, variantArticle } from '../../db/test-article.ts';
import { excerptDocument } from './excerpt-export.ts';

// The engine as the app loads it: the CSL files bundled through Vite.
const engine = await loadCitationEngine();
const APA = { style: { id: 'apa', title: 'APA 7' }, scheme: 'paragraph' as const };
const QUOTE = 'most of the terrorists are in the province of Nangarhar';

let library: Library;
let article: ArticleRecord;
beforeEach(async () => {
  library = openTestLibrary();
  const { parsed, bytes } = await variantArticle('a');
  article = (await library.articles.add(parsed, bytes)).article;
});
afterEach(() => disposeLibrary(library));

async function highlight(quote: string, note = ''): Promise<AnnotationRecord> {
  const start = displayText(article.body).text.indexOf(quote);
  const target = describeSelection(article.body, start, start + quote.length);
  return library.annotations.add(article.id, target, { note });
}

/** Rewrites a stored annotation's quote, as if it had been made on other words. */
async function madeOn(record: AnnotationRecord, exact: string) {
  const target = record.target!;
  await library.db.annotations.put({
    ...record,
    target: { ...target, quote: { ...target.quote, exact } },
  });
}

describe('excerptDocument', () => {
  it('quotes the stored text with its paragraph, citation, note and SHA-256s', async () => {
    const a = await highlight(QUOTE, 'Where they are');
    const { doc, skipped, changed } = await excerptDocument(library, engine, [a.id], APA);
    expect(skipped).toEqual([]);
    expect(changed).toEqual([]);
    expect(doc.excerpts).toHaveLength(1);
    const [excerpt] = doc.excerpts;
    expect(excerpt).toMatchObject({ quote: QUOTE, note: 'Where they are', locator: 'para. 2' });
    expect(excerpt!.inText.text).toBe('(South Front, 2018, para. 2)');
    expect(excerpt!.quoteSha256).toBe(await sha256(new TextEncoder().encode(QUOTE)));
    expect(excerpt!.source.sourceSha256).toBe(article.source.sha256);
    expect(excerpt!.source.notices.map((n) => n.text)).toEqual(article.rights.map((n) => n.text));
  });

  it('exports a highlight whose words changed with the article’s words, and says so', async () => {
    const a = await highlight(QUOTE);
    await madeOn(a, QUOTE.replace('province', 'provinces'));
    const { doc, changed } = await excerptDocument(library, engine, [a.id], APA);
    expect(doc.excerpts.map((e) => e.quote)).toEqual([QUOTE]);
    expect(changed.map((c) => c.id)).toEqual([a.id]);
  });

  it('leaves out an orphan and keeps the rest, with the reason', async () => {
    const a = await highlight(QUOTE);
    const b = await highlight('hit-and-run operations');
    await madeOn(a, 'words this article never held, not even approximately so');
    const { doc, skipped } = await excerptDocument(library, engine, [a.id, b.id], APA);
    expect(doc.excerpts.map((e) => e.quote)).toEqual(['hit-and-run operations']);
    expect(skipped).toEqual([
      expect.objectContaining({ id: a.id, reason: expect.stringMatching(/no longer/u) }),
    ]);
  });

  it('leaves out quotes from paragraphs whose stored text no longer matches the original', async () => {
    const a = await highlight(QUOTE);
    const b = await highlight('hit-and-run operations');
    const chunk = (await library.db.bodies.get([article.id, 0]))!;
    const paragraphs = chunk.paragraphs.map((p) =>
      p.n === 2 ? { ...p, text: p.text.replace('According', 'Reportedly, according') } : p,
    );
    await library.db.bodies.put({ ...chunk, paragraphs });
    const { doc, skipped } = await excerptDocument(library, engine, [a.id, b.id], APA);
    expect(doc.excerpts.map((e) => e.quote)).toEqual(['hit-and-run operations']);
    expect(skipped).toEqual([
      expect.objectContaining({
        id: a.id,
        reason: 'The stored text of paragraph 2 no longer matches the original',
      }),
    ]);
  });
});
