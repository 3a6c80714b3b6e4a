import { assertImportableSize } from '../../../src-core/import/import-article.ts';
import type { FolderAccess, FolderListing } from '../../host/index.ts';
import type { BatchSource } from './batch.ts';

/** Extensions the importer reads; the core still checks the bytes whatever the name says. */
const ARTICLE_EXTENSIONS = '.html,.htm,.xhtml,.md,.markdown,.txt,.text';
/** Reference files: their entries become library entries (src-core/interop, ADR 0015). */
export const REFERENCE_EXTENSIONS = '.bib,.bibtex,.biblatex,.ris,.json';
export const ACCEPTED_EXTENSIONS = `${ARTICLE_EXTENSIONS},${REFERENCE_EXTENSIONS}`;
const ACCEPTED = new Set(ACCEPTED_EXTENSIONS.split(',').map((e) => e.slice(1)));

/** True for a file name the importer reads (what a folder import picks out). */
export function isAcceptedName(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return dot > 0 && ACCEPTED.has(name.slice(dot + 1).toLowerCase());
}

/**
 * Browser files (picker, drop, directory input), read one at a time when the batch reaches
 * them: a thousand files are never all in memory at once, and an oversized one is never read.
 */
export function fileSources(files: Iterable<File>): BatchSource[] {
  return Array.from(files, (file) => {
    const path = (file as File & { webkitRelativePath?: string }).webkitRelativePath;
    return {
      kind: 'bytes',
      label: path || file.name,
      read: async () => {
        assertImportableSize(file.size);
        return {
          bytes: new Uint8Array(await file.arrayBuffer()),
          options: { fileName: file.name },
        };
      },
    };
  });
}

/** Files of a folder chosen in the desktop app, read through the main process. */
export function folderSources(listing: FolderListing, folders: FolderAccess): BatchSource[] {
  return listing.files.map((file) => ({
    kind: 'bytes',
    label: file.path,
    read: async () => {
      assertImportableSize(file.size);
      return { bytes: await folders.read(file.path), options: { fileName: file.name } };
    },
  }));
}

/** Bytes already in hand (a paste, the sample). */
export function bytesSource(label: string, fileName: string, bytes: Uint8Array): BatchSource {
  return { kind: 'bytes', label, read: async () => ({ bytes, options: { fileName } }) };
}

/**
 * The addresses in a pasted list: one per line (or separated by spaces), in order, each once.
 * Anything that does not look like an address is kept too, so its refusal is reported.
 */
export function urlSources(text: string): BatchSource[] {
  const seen = new Set<string>();
  const sources: BatchSource[] = [];
  for (const token of text.split(/\s+/)) {
    // Punctuation around an address in prose; a closing parenthesis stays when the address
    // opened one (Wikipedia's "Foo_(bar)").
    let url = token.replace(/^[<(]+|[>,.;]+$/g, '');
    if (url.endsWith(')') && !url.includes('(')) url = url.replace(/\)+$/, '');
    if (!url || seen.has(url)) continue;
    seen.add(url);
    sources.push({ kind: 'url', label: url, url });
  }
  return sources;
}

/** Text made only of http(s) addresses, one or more: what a copied reading list looks like. */
export function isUrlList(text: string): boolean {
  const tokens = text.split(/\s+/).filter(Boolean);
  return tokens.length > 0 && tokens.every((t) => /^<?https?:\/\/\S+$/i.test(t));
}
