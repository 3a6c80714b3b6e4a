import type { MediaType } from '../article/model.ts';
import { ImportError } from './import-error.ts';

/** Articles are text; anything bigger than this is not an article but a mistake (or an attack). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

const TEXT_EXTENSIONS: Record<string, MediaType> = {
  txt: 'text/plain',
  text: 'text/plain',
  md: 'text/markdown',
  markdown: 'text/markdown',
  mdown: 'text/markdown',
};
const HTML_EXTENSIONS = new Set(['html', 'htm', 'xhtml']);

export interface DecodedSource {
  text: string;
  mediaType: MediaType;
}

function extensionOf(fileName: string | null | undefined): string {
  const match = /\.([A-Za-z0-9]+)$/.exec(fileName ?? '');
  return match?.[1]?.toLowerCase() ?? '';
}

/** NUL bytes or a high share of control characters mean a binary file, whatever its name says. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 12 && b !== 13 && b !== 27) control++;
  }
  return control / Math.max(sample.length, 1) > 0.1;
}

function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    // fatal: a file with invalid UTF-8 is refused rather than silently filled with U+FFFD,
    // which would corrupt the notices we promise to keep verbatim.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportError(
      'invalid-encoding',
      'This file is not valid UTF-8 text. Save it as UTF-8 (most editors offer "Save with encoding") and import it again.',
    );
  }
}

/** Refuses a file by its size alone, so a caller can check before reading it into memory. */
export function assertImportableSize(byteLength: number): void {
  if (byteLength > MAX_IMPORT_BYTES) {
    const mb = (byteLength / (1024 * 1024)).toFixed(1);
    throw new ImportError(
      'too-large',
      `This file is ${mb} MB; Quire saves articles up to ${MAX_IMPORT_BYTES / (1024 * 1024)} MB. Is it really an article?`,
    );
  }
}

/**
 * Decodes the bytes of a file the researcher wants to save, or explains why it cannot be an
 * article. The decoded text is the "source" every offset in the Article refers to.
 */
export function decodeSource(bytes: Uint8Array, fileName?: string | null): DecodedSource {
  const ext = extensionOf(fileName);
  if (bytes.length === 0)
    throw new ImportError('empty', 'This file is empty: there is nothing to save.');
  assertImportableSize(bytes.length);
  const utf16 =
    (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!utf16 && looksBinary(bytes)) {
    throw new ImportError(
      'binary',
      'This looks like a binary file (an image, a PDF or a program), not text. Quire saves plain-text and Markdown articles.',
    );
  }
  const text = decodeText(bytes);
  if (!text.trim())
    throw new ImportError('empty', 'This file holds only blank space: there is nothing to save.');
  if (HTML_EXTENSIONS.has(ext) || (!ext && /^\s*<(?:!doctype html|html)[\s>]/i.test(text))) {
    throw new ImportError(
      'unsupported-type',
      'HTML pages cannot be imported yet. Save the page as text or Markdown and import that file.',
    );
  }
  return {
    text,
    mediaType: TEXT_EXTENSIONS[ext] ?? (looksLikeMarkdown(text) ? 'text/markdown' : 'text/plain'),
  };
}

function looksLikeMarkdown(text: string): boolean {
  return /^#{1,6} \S/m.test(text) || /\[[^\]\n]+\]\([^)\s]*\)/.test(text);
}
