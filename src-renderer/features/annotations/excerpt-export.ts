import { anchorTarget } from '../../../src-core/excerpt/anchor.ts';
import { displayText, type DisplayText } from '../../../src-core/excerpt/display-text.ts';
import { buildExcerpt, buildExcerptSource } from '../../../src-core/excerpt/build.ts';
import type {
  Excerpt,
  ExcerptDocument,
  ExcerptFormat,
  LocatorScheme,
} from '../../../src-core/excerpt/types.ts';
import type { ArticleRecord, Library } from '../../db/index.ts';
import { sha256 } from '../../host/index.ts';
import type { CitationEngine } from '../citations/load-engine.ts';

export type ExcerptFileFormat = ExcerptFormat | 'docx';

export const EXCERPT_FORMATS: readonly {
  id: ExcerptFileFormat;
  label: string;
  extension: string;
  mime: string;
}[] = [
  { id: 'markdown', label: 'Markdown (.md)', extension: 'md', mime: 'text/markdown' },
  { id: 'html', label: 'Rich text for pasting (HTML)', extension: 'html', mime: 'text/html' },
  { id: 'text', label: 'Plain text (.txt)', extension: 'txt', mime: 'text/plain' },
  {
    id: 'docx',
    label: 'Word document (.docx)',
    extension: 'docx',
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
];

/** An annotation left out of the export, and why (its text is no longer in the article). */
export interface Skipped {
  id: string;
  quote: string;
  reason: string;
}

export interface ExcerptRequest {
  style: { id: string; title: string };
  scheme: LocatorScheme;
}

/**
 * The excerpts of the given annotations, in the order given, each checked against its article
 * as stored (buildExcerpt refuses a quote that is not verbatim in it). Orphans are skipped and
 * reported; a highlight whose words changed quotes the article as it now reads.
 */
export async function excerptDocument(
  library: Library,
  engine: CitationEngine,
  annotationIds: readonly string[],
  { style, scheme }: ExcerptRequest,
): Promise<{ doc: ExcerptDocument; skipped: Skipped[] }> {
  const records = (await library.db.annotations.bulkGet([...annotationIds])).filter(
    (record) => record !== undefined,
  );
  const articles = new Map<string, { record: ArticleRecord; display: DisplayText } | null>();
  const sources = new Map<string, ReturnType<typeof buildExcerptSource>>();
  const excerpts: Excerpt[] = [];
  const skipped: Skipped[] = [];
  for (const record of records) {
    if (!articles.has(record.articleId)) {
      const found = await library.articles.get(record.articleId);
      articles.set(
        record.articleId,
        found ? { record: found, display: displayText(found.body) } : null,
      );
    }
    const loaded = articles.get(record.articleId);
    const article = loaded?.record;
    const anchor = loaded ? anchorTarget(loaded.record.body, record.target, loaded.display) : null;
    if (!article || !anchor || anchor.status === 'orphaned') {
      skipped.push({
        id: record.id,
        quote: record.target.quote.exact,
        reason: anchor?.status === 'orphaned' ? anchor.reason : 'Its article is gone',
      });
      continue;
    }
    if (!sources.has(article.id)) {
      sources.set(article.id, buildExcerptSource(article, engine, style.id, article.id));
    }
    excerpts.push(
      await buildExcerpt(
        article,
        engine,
        { start: anchor.start, end: anchor.end },
        {
          style: style.id,
          note: record.note,
          tags: record.tags,
          scheme,
          sha256,
          sourceId: article.id,
          source: sources.get(article.id),
        },
      ),
    );
  }
  return { doc: { style, excerpts, created: new Date().toISOString() }, skipped };
}

/** A file name from the first article's citation key, e.g. "excerpts-southfront2018.md". */
export function excerptFileName(
  doc: ExcerptDocument,
  citekeys: ReadonlyMap<string, string>,
  extension: string,
): string {
  const ids = new Set(doc.excerpts.map((e) => e.source.id));
  const key = ids.size === 1 ? citekeys.get([...ids][0]!) : undefined;
  const stem = key ? key.replace(/[^\w.-]+/gu, '-') : 'quire';
  return `excerpts-${stem}.${extension}`;
}
