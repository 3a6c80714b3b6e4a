import type { ParsedArticle } from '../../src-core/article/model.ts';
import type { ImageResult } from '../../src-core/capture/offline-images.ts';
import type { ImportErrorCode, ImportOptions } from '../../src-core/import/import-article.ts';
import type { SavedArticle } from './save-captured.ts';

/**
 * What the UI thread asks of the capture worker: read bytes into an article (`capture`, for a
 * re-read), or read and store it in the library (`store`: the worker saves it itself, so a
 * large article is never copied back to the UI thread). While storing, the worker asks the UI
 * thread for the images it cannot fetch itself (the desktop app fetches in its main process).
 */
export type CaptureRequest =
  | { type: 'capture'; id: number; bytes: Uint8Array; options: ImportOptions }
  | {
      type: 'store';
      id: number;
      bytes: Uint8Array;
      options: ImportOptions;
      /** The IndexedDB library to store into (the UI thread's, by name). */
      database: string;
    }
  | { type: 'image'; id: number; fetchId: number; result: ImageResult };

/** A refusal crosses the worker boundary as data; the client rebuilds the ImportError. */
export interface CaptureFailure {
  name: string;
  message: string;
  code: ImportErrorCode | null;
}

export type CaptureReply =
  | { type: 'captured'; id: number; parsed: ParsedArticle }
  | { type: 'stored'; id: number; saved: SavedArticle }
  | { type: 'failed'; id: number; error: CaptureFailure }
  | { type: 'fetch-image'; id: number; fetchId: number; url: string };
