import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { createHash } from 'node:crypto';
import {
  assertImportableSize,
  importArticle,
  ImportError,
} from '../../src-core/import/import-article.ts';
import type { ParsedArticle } from '../../src-core/article/model.ts';
import {
  createCitationEngine,
  type ReferenceStyle,
  type OutputFormat,
} from '../../src-core/citation/index.ts';
import { loadCslResources } from './csl-resources.ts';
import { parseArgs, UsageError } from './args.ts';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const HELP = `quire — parse saved articles and cite them, with the same code as the Quire app

Usage:
  quire parse FILE
      Print the article as JSON: { csl, originalSource, rights, body, source, keywords, gaps }.
      csl is a CSL-JSON item; rights holds every notice verbatim with its kind, character range
      in the decoded source and SHA-256; body holds the numbered paragraphs (n = locator).
  quire cite FILE --style apa|mla|bibtex|biblatex [--locator "para. 5"] [--format text|markdown|html]
      Print the reference in that style. With --locator (or --in-text), print the in-text
      citation for that place instead, e.g. (South Front, 2018, para. 5). Default format: text.
  quire --help
      Show this help.

FILE is a plain-text or Markdown file (UTF-8, at most 10 MB).
Exit codes: 0 success, 1 the file could not be read or is not an article, 2 wrong usage.
`;

const STYLES = new Set<ReferenceStyle>(['apa', 'mla', 'bibtex', 'biblatex']);
const FORMATS = new Set<OutputFormat>(['text', 'markdown', 'html']);
const sha256 = async (data: Uint8Array): Promise<string> =>
  createHash('sha256').update(data).digest('hex');

function cannotRead(path: string, error: unknown): ImportError {
  const code = (error as NodeJS.ErrnoException).code;
  const why = code === 'ENOENT' ? 'no such file' : String(code ?? error);
  return new ImportError('unsupported-type', `Cannot read ${path}: ${why}.`);
}

async function load(path: string | undefined): Promise<ParsedArticle> {
  if (!path) throw new UsageError('FILE is missing');
  const info = await stat(path).catch((error: unknown) => {
    throw cannotRead(path, error);
  });
  if (info.isDirectory())
    throw new ImportError('unsupported-type', `Cannot read ${path}: it is a directory.`);
  // Refuse an oversized file by its size, before reading it into memory.
  assertImportableSize(info.size);
  const bytes = await readFile(path).catch((error: unknown) => {
    throw cannotRead(path, error);
  });
  return importArticle(new Uint8Array(bytes), { fileName: basename(path) }, { sha256 });
}

function parseOutput(article: ParsedArticle): string {
  const { csl, originalSource, rights, body, source, keywords, gaps } = article;
  return `${JSON.stringify({ csl, originalSource, rights, body, source, keywords, gaps }, null, 2)}\n`;
}

function citeOutput(article: ParsedArticle, options: Map<string, string | true>): string {
  const style = options.get('style');
  if (typeof style !== 'string' || !STYLES.has(style as ReferenceStyle)) {
    throw new UsageError('--style must be one of apa, mla, bibtex, biblatex');
  }
  const format = options.get('format') ?? 'text';
  if (typeof format !== 'string' || !FORMATS.has(format as OutputFormat)) {
    throw new UsageError('--format must be one of text, markdown, html');
  }
  const engine = createCitationEngine(loadCslResources());
  const locator = options.get('locator');
  if (locator !== undefined || options.get('in-text')) {
    if (style !== 'apa' && style !== 'mla')
      throw new UsageError('in-text citations exist for apa and mla only');
    const opts = typeof locator === 'string' ? { locator } : {};
    return `${engine.inText(article, style, opts, format as OutputFormat)}\n`;
  }
  return `${engine.reference(article, style as ReferenceStyle, format as OutputFormat).trimEnd()}\n`;
}

/** Runs one CLI command; returns the process exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const args = parseArgs(argv, new Set(['help', 'in-text']));
    if (args.options.get('help') || args.command === 'help') {
      io.stdout(HELP);
      return 0;
    }
    if (args.command === 'parse') {
      io.stdout(parseOutput(await load(args.positional[0])));
      return 0;
    }
    if (args.command === 'cite') {
      const article = await load(args.positional[0]);
      io.stdout(citeOutput(article, args.options));
      return 0;
    }
    throw new UsageError(args.command ? `unknown command "${args.command}"` : 'no command given');
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`quire: ${error.message}\nRun "quire --help" for usage.\n`);
      return 2;
    }
    if (error instanceof ImportError) {
      io.stderr(`quire: ${error.message}\n`);
      return 1;
    }
    io.stderr(
      `quire: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  }
}
