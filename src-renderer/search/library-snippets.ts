import { makeSnippet, type SnippetPart } from '../../src-core/search/index.ts';
import { withBody } from '../db/body-store.ts';
import type { QuireDatabase } from '../db/database.ts';

/** Where a search hit is in an article: the paragraph (its number, as the reader shows it). */
export interface HitSnippet {
  id: string;
  /** The paragraph number (Paragraph.n); null when the words are only in the title or notices. */
  paragraph: number | null;
  parts: SnippetPart[];
  before: boolean;
  after: boolean;
}

/** Snippets for the hits in view: reads their bodies (a screenful, never the whole list). */
export async function hitSnippets(
  db: QuireDatabase,
  ids: readonly string[],
  highlight: readonly string[],
): Promise<HitSnippet[]> {
  const snippets: HitSnippet[] = [];
  for (const id of ids) {
    const record = await db.transaction('r', db.articles, db.bodies, async () =>
      withBody(db, await db.articles.get(id)),
    );
    if (!record) continue;
    const snippet = makeSnippet(
      record.body.map((p) => p.text),
      highlight,
    );
    if (snippet) {
      const { index, ...rest } = snippet;
      snippets.push({ id, paragraph: record.body[index]!.n, ...rest });
    }
  }
  return snippets;
}
