import type { ParsedArticle } from '../../src-core/article/model.ts';
import type { ImportErrorCode, ImportOptions } from '../../src-core/import/import-article.ts';

/** One capture asked of the worker: the bytes as read, and what is known about them. */
export interface CaptureRequest {
  id: number;
  bytes: Uint8Array;
  options: ImportOptions;
}

/** A refusal crosses the worker boundary as data; the client rebuilds the ImportError. */
export interface CaptureFailure {
  name: string;
  message: string;
  code: ImportErrorCode | null;
}

export type CaptureReply =
  | { id: number; ok: true; parsed: ParsedArticle }
  | { id: number; ok: false; error: CaptureFailure };
