import { basename } from 'node:path';
import { sha256 } from './sha256.ts';
import {
  fetchedPageOptions,
  importArticle,
  ImportError,
} from '../../src-core/import/import-article.ts';
import { checkWebUrl } from '../../src-core/validation/url.ts';
import type { ParsedArticle } from '../../src-core/article/model.ts';
import {
  BUILT_IN_STYLE_IDS,
  createCitationEngine,
  CslStyleError,
  DATA_FORMATS,
  isBuiltInStyle,
  isDataFormat,
  LocatorError,
  withLibraryCitekeys,
  type CitationEngine,
  type OutputFormat,
} from '../../src-core/citation/index.ts';
import { loadCslResources } from './csl-resources.ts';
import { parseCommandLine, quoteArg, UsageError, type CommandSpec } from './args.ts';

import { FetchError, fetchResource } from '../capture/fetch-resource.ts';
import { readImportFile } from './read-file.ts';
import { parseHtml } from './parse-html.ts';
import { ExcerptError } from '../../src-core/excerpt/build.ts';
import { EXCERPT_HELP, excerptCommand, excerptOutput } from './excerpt.ts';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const HELP = `quire — parse saved articles and cite them, with the same code as the Quire app

Usage:
  quire parse FILE
  quire parse --url URL [--allow-private]
      Print the article as JSON: { csl, originalSource, rights, body, source, keywords, gaps }.
      csl is a CSL-JSON item; rights holds every notice verbatim with its kind, character range
      in the decoded source and SHA-256; body holds the numbered paragraphs (n = locator).
      With --url, fetch the page (http or https, redirects followed) and read it as a saved
      file: the server's Content-Type counts like an extension and its charset outranks the
      page's <meta>; csl.URL is the final address. Addresses on this computer or a private
      network (localhost, 10.x, 192.168.x…) are refused unless --allow-private is given.
  quire cite FILE --style STYLE [--locator "para. 5"] [--in-text] [--format text|md|html]
      Print the reference in STYLE. With --locator (or --in-text), print the in-text citation
      for that place instead, e.g. (South Front, 2018, para. 5), or the note for note styles.
      A paragraph locator must exist in the article. Default format: text.
  quire export FILE... --format bibtex|biblatex|ris|csl-json|text|md|html [--style STYLE]
      Print one file with an entry for every FILE, citation keys made unique across them.
      text, md and html print the reference list in --style (required for them); with
      csl-json, --style gives the titles the casing that style wants.
${EXCERPT_HELP}  quire --help, quire -h (anywhere on the line)
      Show this help.

STYLE is one of ${BUILT_IN_STYLE_IDS.join(', ')} (CSL styles);
bibtex, biblatex, ris or csl-json (data formats, for cite); or the path of a .csl file.

FILE is a saved web page (.html, .htm), a Markdown clip (.md) or a plain-text copy (.txt), at
most 10 MB. Its content is sniffed: a page saved as .txt is read as HTML, a .html file without
tags as the text it holds. Encodings: UTF-8 or UTF-16, with or without byte-order mark, and for
an HTML page the charset its <meta> declares. FILE must be a regular file: directories, pipes
and devices are refused unread.
A URL must be http or https without a user name or password (checked with the command line),
and give a page (HTML, XHTML, Markdown or plain text) of at most 10 MB within 30 seconds, in at
most 5 redirects.
Exit codes: 0 success, 1 a file or URL could not be read, is not an article or not a usable
style, the locator does not fit the article or the quote is not in it, 2 wrong usage (the
command line is checked before any file is read or any URL fetched).
`;

const TEXT_FORMATS = ['text', 'md', 'markdown', 'html'] as const;

/** A style given on the command line: a shipped style, a data format, or a .csl file. */
function checkStyle(style: string, dataFormats: boolean): void {
  if (/\.csl$/iu.test(style)) return;
  if (isBuiltInStyle(style) || (dataFormats && isDataFormat(style))) return;
  const known = [...BUILT_IN_STYLE_IDS, ...(dataFormats ? DATA_FORMATS : [])].join(', ');
  throw new UsageError(`--style must be one of ${known}, or a .csl file, not ${quoteArg(style)}`);
}

/** --url takes what the app takes: the shared web-address rule (src-core/validation/url.ts). */
function refuseWebUrl(value: string): string | null {
  const verdict = checkWebUrl(value);
  return verdict.ok ? null : verdict.message;
}

/** Every command, its arguments and its options: the command line is checked against these. */
export const COMMANDS: Record<'parse' | 'cite' | 'export' | 'excerpt', CommandSpec> = {
  parse: {
    positional: ['FILE'],
    minPositional: 0,
    options: { url: { kind: 'value', refuse: refuseWebUrl }, 'allow-private': { kind: 'flag' } },
    check(options, positional) {
      const url = options.has('url');
      if (url && positional.length > 0) throw new UsageError('give FILE or --url URL, not both');
      if (!url && positional.length === 0)
        throw new UsageError('FILE is missing (or give --url URL)');
      if (options.has('allow-private') && !url)
        throw new UsageError('--allow-private applies to --url only');
    },
  },
  cite: {
    positional: ['FILE'],
    options: {
      style: { kind: 'value', required: true },
      locator: { kind: 'value' },
      'in-text': { kind: 'flag' },
      format: { kind: 'value', choices: TEXT_FORMATS },
    },
    check(options) {
      const style = options.get('style') as string;
      checkStyle(style, true);
      if ((options.has('locator') || options.has('in-text')) && isDataFormat(style))
        throw new UsageError(`in-text citations exist for CSL styles only, not ${style}`);
    },
  },
  export: {
    positional: ['FILE'],
    variadic: true,
    options: {
      format: { kind: 'value', choices: [...DATA_FORMATS, ...TEXT_FORMATS], required: true },
      style: { kind: 'value' },
    },
    check(options) {
      const format = options.get('format') as string;
      const style = options.get('style');
      if (typeof style === 'string') checkStyle(style, false);
      if (!isDataFormat(format) && style === undefined)
        throw new UsageError(`--format ${format} prints a reference list: give its --style`);
      if (isDataFormat(format) && format !== 'csl-json' && style !== undefined)
        throw new UsageError(`--style applies to csl-json and text formats, not ${format}`);
    },
  },
  excerpt: excerptCommand((style) => checkStyle(style, false)),
};

async function load(path: string): Promise<ParsedArticle> {
  const bytes = await readImportFile(path);
  return importArticle(bytes, { fileName: basename(path) }, { sha256, parseHtml });
}

/** Fetches a page and reads it as the file path does; the HTTP header adds what a file lacks. */
async function loadUrl(url: string, allowPrivate: boolean): Promise<ParsedArticle> {
  const page = await fetchResource(url, { purpose: 'page', allowPrivate });
  return importArticle(page.bytes, fetchedPageOptions(page), { sha256, parseHtml });
}

function parseOutput(article: ParsedArticle): string {
  const { parserVersion, csl, originalSource, rights, body, headings, images, source } = article;
  const { keywords, gaps } = article;
  const record = {
    parserVersion,
    csl,
    originalSource,
    rights,
    body,
    headings,
    images,
    source,
    keywords,
    gaps,
  };
  return `${JSON.stringify(record, null, 2)}\n`;
}

const outputFormat = (format: string | true | undefined): OutputFormat =>
  format === 'md' || format === 'markdown' ? 'markdown' : format === 'html' ? 'html' : 'text';

/** The engine, with a .csl file given as --style registered under the id "custom". */
async function engineFor(style: string | undefined): Promise<{
  engine: CitationEngine;
  styleId: string | undefined;
}> {
  const engine = createCitationEngine(loadCslResources());
  if (!style || !/\.csl$/iu.test(style)) return { engine, styleId: style };
  const xml = new TextDecoder('utf-8').decode(await readImportFile(style));
  engine.addStyle({ id: 'custom', xml });
  return { engine, styleId: 'custom' };
}

/** Options checked by parseCommandLine against COMMANDS.cite. */
async function citeOutput(
  file: string,
  options: ReadonlyMap<string, string | true>,
): Promise<string> {
  const { engine, styleId } = await engineFor(options.get('style') as string);
  const article = await load(file);
  const format = outputFormat(options.get('format'));
  const locator = options.get('locator');
  if (locator !== undefined || options.has('in-text')) {
    const opts = typeof locator === 'string' ? { locator } : {};
    return `${engine.inText(article, styleId!, opts, format)}\n`;
  }
  return `${engine.reference(article, styleId!, format).trimEnd()}\n`;
}

/** Options checked by parseCommandLine against COMMANDS.export. */
async function exportOutput(
  files: readonly string[],
  options: ReadonlyMap<string, string | true>,
): Promise<string> {
  const style = options.get('style');
  const { engine, styleId } = await engineFor(typeof style === 'string' ? style : undefined);
  const articles = withLibraryCitekeys(await Promise.all(files.map(load)));
  const format = options.get('format') as string;
  if (isDataFormat(format)) {
    if (format === 'csl-json' && styleId) {
      const items = articles.map((a) => ({ ...engine.prepared(a, styleId).item, id: a.citekey }));
      return `${JSON.stringify(items, null, 2)}\n`;
    }
    return engine.exportData(articles, format);
  }
  const entries = engine.bibliography(articles, styleId!, outputFormat(format));
  return `${entries.join(format === 'html' ? '<br>\n' : '\n\n')}\n`;
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
    const { command, positional, options } = invocation;
    if (command === 'cite') io.stdout(await citeOutput(positional[0]!, options));
    else if (command === 'export') io.stdout(await exportOutput(positional, options));
    else if (command === 'excerpt')
      io.stdout(await excerptOutput(positional[0]!, options, { load, engineFor }));
    else {
      const url = options.get('url');
      const article =
        typeof url === 'string'
          ? await loadUrl(url, options.has('allow-private'))
          : await load(positional[0]!);
      io.stdout(parseOutput(article));
    }
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`quire: ${error.message}\nRun "quire --help" for usage.\n`);
      return 2;
    }
    if (
      error instanceof ImportError ||
      error instanceof FetchError ||
      error instanceof CslStyleError ||
      error instanceof LocatorError ||
      error instanceof ExcerptError
    ) {
      io.stderr(`quire: ${error.message}\n`);
      return 1;
    }
    io.stderr(
      `quire: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  }
}
