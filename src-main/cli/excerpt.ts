import { basename } from 'node:path';
import { sha256 } from './sha256.ts';
import type { ParsedArticle } from '../../src-core/article/model.ts';
import { isDataFormat, type CitationEngine } from '../../src-core/citation/index.ts';
import { buildExcerpt } from '../../src-core/excerpt/build.ts';
import { renderExcerpts } from '../../src-core/excerpt/render.ts';
import type { ExcerptFormat, LocatorScheme } from '../../src-core/excerpt/types.ts';
import { UsageError, type CommandSpec } from './args.ts';

/** `quire excerpt`: what main.ts hands over, so this file needs nothing from it. */
export interface ExcerptDeps {
  load: (file: string) => Promise<ParsedArticle>;
  engineFor: (style: string) => Promise<{ engine: CitationEngine; styleId: string | undefined }>;
  /** The document's date; the clock by default. */
  now?: () => Date;
}

export const EXCERPT_HELP = `  quire excerpt FILE --quote TEXT --style STYLE [--note TEXT] [--format md|html|text]
        [--locator paragraph|section]
      Print an annotated excerpt: the quote exactly as the article has it, its in-text citation
      (or note) with the paragraph, e.g. (South Front, 2018, para. 5), your note, the reference,
      every rights notice verbatim, and SHA-256 hashes of the quote and the source. TEXT must be
      the article's words; curly or straight quotes, dashes and spacing may differ (the article's
      own characters are quoted). --locator section cites "Heading section, para. N", counted
      within the quote's section (APA 7 8.28), in author-date styles when the quote lies under
      one heading of at most 80 characters; otherwise paragraphs are numbered through the whole
      article. Default format: md. A quote not in the article exits 1, naming the closest match
      and its paragraph.
`;

const FORMATS = ['md', 'markdown', 'html', 'text'] as const;

/** The command line of `quire excerpt`, checked before any file is read. */
export function excerptCommand(checkStyle: (style: string) => void): CommandSpec {
  return {
    positional: ['FILE'],
    options: {
      quote: { kind: 'value', required: true },
      style: { kind: 'value', required: true },
      note: { kind: 'value' },
      format: { kind: 'value', choices: FORMATS },
      locator: { kind: 'value', choices: ['paragraph', 'section'] },
    },
    check(options) {
      const style = options.get('style') as string;
      if (isDataFormat(style))
        throw new UsageError(`excerpts are cited in a CSL style; ${style} is a data format`);
      checkStyle(style);
    },
  };
}

const formatOf = (format: string | true | undefined): ExcerptFormat =>
  format === 'html' ? 'html' : format === 'text' ? 'text' : 'markdown';

/** Options checked by parseCommandLine against excerptCommand(). */
export async function excerptOutput(
  file: string,
  options: ReadonlyMap<string, string | true>,
  deps: ExcerptDeps,
): Promise<string> {
  const { engine, styleId } = await deps.engineFor(options.get('style') as string);
  const article = await deps.load(file);
  const style = styleId!;
  const note = options.get('note');
  const excerpt = await buildExcerpt(
    article,
    engine,
    { quote: options.get('quote') as string },
    {
      style,
      ...(typeof note === 'string' ? { note } : {}),
      scheme: (options.get('locator') ?? 'paragraph') as LocatorScheme,
      sha256,
      sourceId: basename(file),
    },
  );
  const info = engine.styles().find((s) => s.id === style);
  const document = {
    style: { id: style, title: info?.label ?? style },
    excerpts: [excerpt],
    created: (deps.now?.() ?? new Date()).toISOString(),
  };
  return renderExcerpts(document, formatOf(options.get('format')));
}
