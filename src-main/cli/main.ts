import { basename } from 'node:path';
import { createHash } from 'node:crypto';
import { importArticle, ImportError } from '../../src-core/import/import-article.ts';
import type { ParsedArticle } from '../../src-core/article/model.ts';
import {
  createCitationEngine,
  type ReferenceStyle,
  type OutputFormat,
} from '../../src-core/citation/index.ts';
import { loadCslResources } from './csl-resources.ts';
import { parseCommandLine, UsageError, type CommandSpec } from './args.ts';
import { readImportFile } from './read-file.ts';
import { parseHtml } from './parse-html.ts';

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
  quire cite FILE --style apa|mla|bibtex|biblatex [--locator "para. 5"] [--in-text]
             [--format text|markdown|html]
      Print the reference in that style. With --locator (or --in-text), print the in-text
      citation for that place instead, e.g. (South Front, 2018, para. 5); apa and mla only.
      Default format: text.
  quire --help, quire -h (anywhere on the line)
      Show this help.

FILE is a saved web page (.html, .htm), a Markdown clip (.md) or a plain-text copy (.txt), at
most 10 MB. Its content is sniffed: a page saved as .txt is read as HTML, a .html file without
tags as the text it holds. Encodings: UTF-8 or UTF-16, with or without byte-order mark, and for
an HTML page the charset its <meta> declares. FILE must be a regular file: directories, pipes
and devices are refused unread.
Exit codes: 0 success, 1 the file could not be read or is not an article, 2 wrong usage (the
command line is checked before any file is read).
`;

const STYLES: readonly ReferenceStyle[] = ['apa', 'mla', 'bibtex', 'biblatex'];
const FORMATS: readonly OutputFormat[] = ['text', 'markdown', 'html'];

/** Every command, its arguments and its options: the command line is checked against these. */
const COMMANDS: Record<'parse' | 'cite', CommandSpec> = {
  parse: { positional: ['FILE'], options: {} },
  cite: {
    positional: ['FILE'],
    options: {
      style: { kind: 'value', choices: STYLES, required: true },
      locator: { kind: 'value' },
      'in-text': { kind: 'flag' },
      format: { kind: 'value', choices: FORMATS },
    },
    check(options) {
      const style = options.get('style');
      if ((options.has('locator') || options.has('in-text')) && style !== 'apa' && style !== 'mla')
        throw new UsageError('in-text citations exist for apa and mla only');
    },
  },
};

const sha256 = async (data: Uint8Array): Promise<string> =>
  createHash('sha256').update(data).digest('hex');

async function load(path: string): Promise<ParsedArticle> {
  const bytes = await readImportFile(path);
  return importArticle(bytes, { fileName: basename(path) }, { sha256, parseHtml });
}

function parseOutput(article: ParsedArticle): string {
  const { parserVersion, csl, originalSource, rights, body, headings, source, keywords, gaps } =
    article;
  const record = {
    parserVersion,
    csl,
    originalSource,
    rights,
    body,
    headings,
    source,
    keywords,
    gaps,
  };
  return `${JSON.stringify(record, null, 2)}\n`;
}

/** Options checked by parseCommandLine against COMMANDS.cite. */
function citeOutput(article: ParsedArticle, options: ReadonlyMap<string, string | true>): string {
  const style = options.get('style') as ReferenceStyle;
  const format = (options.get('format') ?? 'text') as OutputFormat;
  const engine = createCitationEngine(loadCslResources());
  const locator = options.get('locator');
  if (locator !== undefined || options.has('in-text')) {
    if (style !== 'apa' && style !== 'mla') throw new Error(`no in-text citation in ${style}`);
    const opts = typeof locator === 'string' ? { locator } : {};
    return `${engine.inText(article, style, opts, format)}\n`;
  }
  return `${engine.reference(article, style, format).trimEnd()}\n`;
}

/** Runs one CLI command; returns the process exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    // Everything on the command line is checked before any file is opened.
    const invocation = parseCommandLine(argv, COMMANDS);
    if (invocation.kind === 'help') {
      io.stdout(HELP);
      return 0;
    }
    const article = await load(invocation.positional[0]!);
    io.stdout(
      invocation.command === 'cite'
        ? citeOutput(article, invocation.options)
        : parseOutput(article),
    );
    return 0;
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
