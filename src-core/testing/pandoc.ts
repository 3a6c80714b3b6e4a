import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Parser } from 'htmlparser2';
import type { CslItem } from '../article/model.ts';

// Test-only: renders CSL items with pandoc's citeproc (the Haskell `citeproc` library), an
// implementation independent of citeproc-js, so the two can be compared case by case.

/** One citation in the document: `[@id]` or `[@id, locator]`, each in its own paragraph. */
export interface PandocCitation {
  id: string;
  /** As an author types it after the comma: "para. 5", "p. 12". */
  locator?: string;
}

export interface PandocDocument {
  /** The CSL style, exactly as the other processor receives it. */
  styleXml: string;
  /** The CSL locale tag the style is rendered in ('en-US', 'en-GB'). */
  lang: string;
  /** A CSL locale file to use instead of pandoc's built-in one for `lang` (see withLocale). */
  localeXml?: string;
  /** CSL-JSON items; each id is the key the citations use. */
  items: readonly CslItem[];
  /** Cited in this order, one paragraph each (one footnote each in note styles). */
  citations: readonly PandocCitation[];
}

export interface PandocResult {
  /** Bibliography entries as plain text, by item id. */
  entries: Map<string, string>;
  /** The citations as plain text, in document order: the notes' text for note styles. */
  citations: string[];
  /** pandoc's HTML, for messages. */
  html: string;
}

/** Whitespace as a reader sees it: runs of spaces (no-break spaces too) become one space. */
export function normaliseWhitespace(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/**
 * A 1 GB allocation area for pandoc's Haskell runtime: compiling Chicago's 6,000-line styles
 * then takes half the CPU time (garbage collection dominates with the default). Used only when
 * the pandoc build accepts runtime options.
 */
const RTS_OPTIONS = ['+RTS', '-A1g', '-RTS'];

let checked: { version: string; rts: string[] } | null = null;

/** Throws (the test must fail, not skip) when pandoc is not installed. */
export function requirePandoc(): string {
  if (checked) return checked.version;
  const run = spawnSync('pandoc', ['--version'], { encoding: 'utf8' });
  if (run.error || run.status !== 0) {
    throw new Error(
      'pandoc is not installed or does not run: the independent citation check needs pandoc >= 2.11 with --citeproc (install it: apt-get install pandoc)' +
        (run.error ? ` [${run.error.message}]` : ''),
    );
  }
  const rts = spawnSync('pandoc', [...RTS_OPTIONS, '--version'], { encoding: 'utf8' });
  checked = {
    version: (run.stdout.split('\n')[0] ?? '').trim(),
    rts: rts.status === 0 ? RTS_OPTIONS : [],
  };
  return checked.version;
}

/**
 * pandoc has no option to read a CSL locale file: it uses the locales compiled into its citeproc
 * library. A `cs:locale` without xml:lang inside the style ranks below the style's own locales
 * (exact dialect, then language) and above the built-in locale file (CSL 1.0.2, "Locale
 * Fallback"; citeproc's mergeLocales), which is exactly where a locale file belongs. The style
 * ships no language-less locale of its own, so inserting the file's terms, dates and options
 * there makes pandoc render with the same locale as citeproc-js.
 */
export function withLocale(styleXml: string, localeXml: string): string {
  if (/<locale(?![^>]*xml:lang)[^>]*>/u.test(styleXml)) {
    throw new Error(
      'The style has a locale without xml:lang: the locale file cannot rank below it',
    );
  }
  const inner = /<locale\b[^>]*>([\s\S]*)<\/locale>/u.exec(localeXml)?.[1];
  if (inner === undefined) throw new Error('Not a CSL locale file');
  const contents = inner.replace(/<!--[\s\S]*?-->/gu, '').replace(/<info>[\s\S]*?<\/info>/u, '');
  const at = styleXml.search(/<(?:macro|citation|bibliography)\b/u);
  if (at < 0) throw new Error('Not a CSL style: no macro, citation or bibliography');
  return `${styleXml.slice(0, at)}<locale>${contents}</locale>\n  ${styleXml.slice(at)}`;
}

const isNoteStyle = (styleXml: string): boolean => /<style\b[^>]*\bclass="note"/u.test(styleXml);

/** The Markdown document: one citation per paragraph. */
export function citingDocument(citations: readonly PandocCitation[]): string {
  return citations
    .map((c) => (c.locator ? `[@${c.id}, ${c.locator}]` : `[@${c.id}]`))
    .join('\n\n')
    .concat('\n');
}

/**
 * Renders one document with one pandoc process, whatever the number of items and citations.
 * Asynchronous, so that the caller can render its own side while pandoc runs (pandoc's citeproc
 * takes seconds to compile a large style such as Chicago's).
 */
export async function runPandoc(doc: PandocDocument): Promise<PandocResult> {
  requirePandoc();
  const dir = mkdtempSync(join(tmpdir(), 'quire-pandoc-'));
  try {
    const csl = join(dir, 'style.csl');
    const refs = join(dir, 'references.json');
    const html = join(dir, 'out.html');
    writeFileSync(csl, doc.localeXml ? withLocale(doc.styleXml, doc.localeXml) : doc.styleXml);
    writeFileSync(refs, JSON.stringify(doc.items));
    const args = [
      ...(checked?.rts ?? []),
      '--citeproc',
      '--csl',
      csl,
      '--bibliography',
      refs,
      '--from',
      'markdown',
      '--to',
      'html',
      '--wrap=none',
      '--output',
      html,
      '--metadata',
      `lang=${doc.lang}`,
      '--metadata',
      'link-citations=false',
      '--metadata',
      'link-bibliography=false',
    ];
    // Written to a file: a caller busy rendering its own side cannot stall pandoc on a full pipe.
    const { stderr } = await run('pandoc', args, citingDocument(doc.citations));
    const output = readFileSync(html, 'utf8');
    // "Bibliography entry with no printed form" is a rendering result (the style prints
    // nothing for the item); a citation pandoc cannot resolve is a broken document.
    const unresolved = stderr.split('\n').filter((line) => /not found/iu.test(line));
    if (unresolved.length) throw new Error(`pandoc could not resolve:\n${unresolved.join('\n')}`);
    const parsed = parseHtml(output);
    const citations = isNoteStyle(doc.styleXml) ? parsed.notes : parsed.paragraphs;
    if (citations.length !== doc.citations.length) {
      throw new Error(
        `pandoc rendered ${citations.length} citations for ${doc.citations.length}:\n${output}`,
      );
    }
    return { entries: parsed.entries, citations, html: output };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function run(
  command: string,
  args: string[],
  input: string,
): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      command,
      args,
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${command} failed: ${error.message}\n${stderr}`));
        else resolve({ stdout, stderr });
      },
    );
    child.stdin?.end(input, 'utf8');
  });
}

/** Runs tasks at most `limit` at a time. */
export function limited(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const queue: (() => void)[] = [];
  return <T>(task: () => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const start = (): void => {
        active++;
        task()
          .then(resolve, reject)
          .finally(() => {
            active--;
            queue.shift()?.();
          });
      };
      if (active < limit) start();
      else queue.push(start);
    });
}

interface Open {
  name: string;
  /** Collects this element's text (entry, note, paragraph), or null. */
  sink: string[] | null;
  /** The footnotes' back link: not part of the note. */
  skip: boolean;
  /** div#refs or section.footnotes: paragraphs inside are not body paragraphs. */
  container: 'refs' | 'footnotes' | null;
}

/**
 * Splits pandoc's HTML into bibliography entries (div#ref-ID.csl-entry), footnotes
 * (section.footnotes li, without the back link) and body paragraphs, as plain text. Block
 * boundaries inside an entry (csl-left-margin / csl-right-inline) count as spaces.
 */
function parseHtml(html: string): {
  entries: Map<string, string>;
  notes: string[];
  paragraphs: string[];
} {
  const entries = new Map<string, string[]>();
  const notes: string[][] = [];
  const paragraphs: string[][] = [];
  const stack: Open[] = [];
  const inside = (container: Open['container']): boolean =>
    stack.some((o) => o.container === container);
  const sink = (): string[] | null => {
    for (let i = stack.length - 1; i >= 0; i--) {
      const open = stack[i]!;
      if (open.skip) return null;
      if (open.sink) return open.sink;
    }
    return null;
  };
  const BLOCK = /^(?:div|p|br|li)$/u;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const classes = (attrs.class ?? '').split(/\s+/u);
        const container =
          name === 'div' && attrs.id === 'refs'
            ? 'refs'
            : name === 'section' && classes.includes('footnotes')
              ? 'footnotes'
              : null;
        let own: string[] | null = null;
        if (name === 'div' && classes.includes('csl-entry') && attrs.id?.startsWith('ref-')) {
          own = [];
          entries.set(attrs.id.slice('ref-'.length), own);
        } else if (name === 'li' && inside('footnotes')) {
          own = [];
          notes.push(own);
        } else if (name === 'p' && !inside('refs') && !inside('footnotes')) {
          own = [];
          paragraphs.push(own);
        }
        if (BLOCK.test(name)) sink()?.push(' ');
        const skip = name === 'a' && classes.includes('footnote-back');
        stack.push({ name, sink: own, skip, container });
      },
      ontext(text) {
        sink()?.push(text);
      },
      onclosetag(name) {
        const open = stack.pop();
        if (open?.name !== name) throw new Error(`Unbalanced pandoc HTML at </${name}>`);
        if (BLOCK.test(name)) sink()?.push(' ');
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  const text = (parts: string[]): string => normaliseWhitespace(parts.join(''));
  return {
    entries: new Map([...entries].map(([id, parts]) => [id, text(parts)])),
    notes: notes.map(text),
    paragraphs: paragraphs.map(text),
  };
}
