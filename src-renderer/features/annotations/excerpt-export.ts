import { anchorTarget } from '../../../src-core/excerpt/anchor.ts';
import { displayText, type DisplayText } from '../../../src-core/excerpt/display-text.ts';
import { buildExcerpt, buildExcerptSource } from '../../../src-core/excerpt/build.ts';
import type {
  Excerpt,
  ExcerptDocument,
  ExcerptFormat,
  LocatorScheme,
} from '../../../src-core/excerpt/types.ts';
import type { ArticleRecord, Library, SourceCheck } from '../../db/index.ts';
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

export interface ExcerptChoice {
  style: { id: string; title: string };
  scheme: LocatorScheme;
}

/** What the export made of the annotations asked for. */
export interface ExcerptOutcome {
  doc: ExcerptDocument;
  /** Left out, with the reason. */
  skipped: Skipped[];
  /** Exported, but their words changed since they were highlighted: they quote the article as
   * it now reads, not the text that was highlighted. */
  changed: Skipped[];
  /** The citation key of each article quoted, by id (for the file's name). */
  citekeys: Map<string, string>;
}

interface LoadedArticle {
  record: ArticleRecord;
  display: DisplayText;
  check: SourceCheck;
}

/** Why an article's stored text cannot vouch for a quote from these paragraphs, if it cannot. */
function untrusted(check: SourceCheck, first: number, last: number): string | null {
  if (check.status === 'bytes-differ') {
    return 'The article’s stored original no longer matches the SHA-256 recorded when it was saved';
  }
  if (check.status !== 'text-differs') return null;
  const altered = check.paragraphs.filter((n) => n >= first && n <= last);
  return altered.length
    ? `The stored text of paragraph ${altered.join(', ')} no longer matches the original`
    : null;
}

/**
 * The excerpts of the given annotations, in the order given. Each article is first proved
 * against its stored original (its bytes against their SHA-256, its text against its bytes):
 * a quote from text that no longer matches is left out, as are orphans; buildExcerpt then
 * checks each quote is the stored text at its place. A highlight whose words changed is
 * exported quoting the article as it now reads, and reported.
 */
export async function excerptDocument(
  library: Library,
  engine: CitationEngine,
  annotationIds: readonly string[],
  { style, scheme }: ExcerptChoice,
): Promise<ExcerptOutcome> {
  const records = (await library.db.annotations.bulkGet([...annotationIds])).filter(
    (record) => record !== undefined,
  );
  const articles = new Map<string, LoadedArticle | null>();
  const sources = new Map<string, ReturnType<typeof buildExcerptSource>>();
  const excerpts: Excerpt[] = [];
  const skipped: Skipped[] = [];
  const changed: Skipped[] = [];
  const citekeys = new Map<string, string>();
  for (const record of records) {
    if (!articles.has(record.articleId)) {
      const found = await library.articles.get(record.articleId);
      if (found) citekeys.set(found.id, found.citekey);
      const check = found
        ? (await library.articles.verifyArticle(found.id, sha256, found)).source
        : null;
      articles.set(
        record.articleId,
        found && check ? { record: found, display: displayText(found.body), check } : null,
      );
    }
    // A note on the whole article quotes nothing: an excerpt is a quote, so it is left out.
    if (!record.target) continue;
    const target = record.target;
    const loaded = articles.get(record.articleId);
    const quote = target.quote.exact;
    const skip = (reason: string) => skipped.push({ id: record.id, quote, reason });
    if (!loaded) {
      skip('Its article is no longer in the library');
      continue;
    }
    const { record: article, display, check } = loaded;
    const anchor = anchorTarget(article.body, target, display);
    if (anchor.status !== 'anchored') {
      skip(anchor.status === 'orphaned' ? anchor.reason : 'It is a note on the whole article');
      continue;
    }
    const distrust = untrusted(check, anchor.paragraphs.firstN, anchor.paragraphs.lastN);
    if (distrust) {
      skip(distrust);
      continue;
    }
    try {
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
    } catch (error) {
      skip((error as Error).message);
      continue;
    }
    if (anchor.how === 'fuzzy') {
      changed.push({ id: record.id, quote, reason: 'Its words changed since you highlighted it' });
    }
  }
  const doc = { style, excerpts, created: new Date().toISOString() };
  return { doc, skipped, changed, citekeys };
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
