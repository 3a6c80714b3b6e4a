import { constants, type Dirent } from 'node:fs';
import { access, lstat, opendir, realpath } from 'node:fs/promises';
import { basename, isAbsolute, join, relative, sep } from 'node:path';
import { MAX_IMPORT_BYTES } from '../../src-core/import/decode.ts';
import { ImportError } from '../../src-core/import/import-error.ts';
import { readImportFile } from '../cli/read-file.ts';
import type { FileReadResult, FolderListing } from '../ipc/contract.ts';

/** The files a folder import reads: saved pages, Markdown and plain text, as "Add files…". */
const ARTICLE_EXTENSIONS = new Set([
  '.html',
  '.htm',
  '.xhtml',
  '.md',
  '.markdown',
  '.txt',
  '.text',
]);

export const DEFAULT_MAX_FILES = 10_000;

export function isArticleFileName(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return dot > 0 && ARTICLE_EXTENSIONS.has(name.slice(dot).toLowerCase());
}

const ERRNO_REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOENT: 'it no longer exists',
  ENOTDIR: 'it is not a folder',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the name is too long',
  EIO: 'input/output error',
};

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return (code && ERRNO_REASONS[code]) ?? `it cannot be read (${code ?? String(error)})`;
}

const byPath = (a: { path: string }, b: { path: string }): number =>
  a.path < b.path ? -1 : a.path > b.path ? 1 : 0;

/**
 * Lists the article files under a folder the user chose, recursively. Symbolic links are not
 * followed (a link can lead out of the folder or round in a loop): they are reported in
 * `skipped`, like unreadable folders and files over the import limit. The walk stops at
 * `maxFiles` files, so a folder like a home directory cannot flood the renderer.
 * `files` are in order of their path relative to the root.
 */
export async function listFolder(
  root: string,
  { maxFiles = DEFAULT_MAX_FILES }: { maxFiles?: number } = {},
): Promise<FolderListing> {
  const files: FolderListing['files'] = [];
  const skipped: FolderListing['skipped'] = [];
  let resolvedRoot: string;
  try {
    resolvedRoot = await realpath(root);
  } catch (error) {
    return { root, files, skipped: [{ path: root, reason: reasonOf(error) }] };
  }
  const entries: { relative: string; path: string }[] = [];
  let full = false;

  const walk = async (folder: string): Promise<void> => {
    let children: Dirent[];
    try {
      children = [];
      for await (const entry of await opendir(folder)) children.push(entry);
    } catch (error) {
      skipped.push({ path: folder, reason: reasonOf(error) });
      return;
    }
    children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const child of children) {
      if (full) return;
      const path = join(folder, child.name);
      if (child.isSymbolicLink()) {
        skipped.push({ path, reason: 'a symbolic link (not followed)' });
      } else if (child.isDirectory()) {
        await walk(path);
      } else if (isArticleFileName(child.name)) {
        if (!child.isFile()) {
          skipped.push({ path, reason: 'not a regular file' });
        } else if (entries.length >= maxFiles) {
          full = true;
          skipped.push({
            path: resolvedRoot,
            reason: `more than ${maxFiles.toLocaleString('en')} files: only the first ${maxFiles.toLocaleString('en')} are listed`,
          });
        } else {
          entries.push({ relative: relative(resolvedRoot, path), path });
        }
      }
    }
  };
  await walk(resolvedRoot);

  // Sizes and permissions last, for the files that made the list only.
  for (const entry of entries.sort((a, b) => byPath({ path: a.relative }, { path: b.relative }))) {
    try {
      const info = await lstat(entry.path);
      if (!info.isFile()) {
        skipped.push({ path: entry.path, reason: 'not a regular file' });
      } else if (info.size > MAX_IMPORT_BYTES) {
        const mb = (info.size / (1024 * 1024)).toFixed(1);
        skipped.push({ path: entry.path, reason: `${mb} MB, over the 10 MB limit for an article` });
      } else {
        await access(entry.path, constants.R_OK);
        files.push({ path: entry.path, name: basename(entry.path), size: info.size });
      }
    } catch (error) {
      skipped.push({ path: entry.path, reason: reasonOf(error) });
    }
  }
  return { root: resolvedRoot, files, skipped: skipped.sort(byPath) };
}

/** Whether `path` is `root` itself or lies below it (both already free of symbolic links). */
function isInside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`);
}

/**
 * Reads one file for a folder import. The renderer names the file, so the path is checked
 * like network input: it must resolve (symbolic links followed) to an article file inside a
 * folder the user chose in this session. Reading refuses non-regular files and files over the
 * limit without reading them (see readImportFile). Failures come back as messages.
 */
export async function readFolderFile(
  path: string,
  approvedRoots: Iterable<string>,
  maxBytes = MAX_IMPORT_BYTES,
): Promise<FileReadResult> {
  if (!isAbsolute(path)) return { ok: false, message: `"${path}" is not a full path.` };
  let real: string;
  try {
    real = await realpath(path);
  } catch (error) {
    return { ok: false, message: `Cannot read "${path}": ${reasonOf(error)}.` };
  }
  if (![...approvedRoots].some((root) => isInside(real, root))) {
    return { ok: false, message: `"${path}" is not in a folder you chose to import.` };
  }
  if (!isArticleFileName(basename(real))) {
    return { ok: false, message: `"${path}" is not a web page, Markdown or text file.` };
  }
  try {
    const bytes = await readImportFile(real, maxBytes);
    // A copy with its own buffer: structured clone sends a view's whole ArrayBuffer.
    return { ok: true, bytes: new Uint8Array(bytes) };
  } catch (error) {
    if (error instanceof ImportError) return { ok: false, message: error.message };
    return { ok: false, message: `Cannot read "${path}": ${reasonOf(error)}.` };
  }
}
