import { parseHtmlWithLinkedom } from '../../src-core/article/html/linkedom-parser.ts';
import { sanitizeParsedPage } from '../../src-core/article/html/sanitize-dom.ts';
import { ImportError, importArticle } from '../../src-core/import/import-article.ts';
import { sha256 } from '../host/sha256.ts';
import type { CaptureReply, CaptureRequest } from './protocol.ts';

/**
 * The capture worker: decoding, parsing, the capture rules, sanitizing and hashing run here,
 * off the UI thread. Workers have no DOMParser, so pages are parsed by linkedom, exactly as the
 * CLI parses them (ADR 0009).
 */
const deps = { sha256, parseHtml: parseHtmlWithLinkedom, sanitize: sanitizeParsedPage };

self.onmessage = async ({ data }: MessageEvent<CaptureRequest>) => {
  let reply: CaptureReply;
  try {
    reply = { id: data.id, ok: true, parsed: await importArticle(data.bytes, data.options, deps) };
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    reply = {
      id: data.id,
      ok: false,
      error: {
        name: failure.name,
        message: failure.message,
        code: error instanceof ImportError ? error.code : null,
      },
    };
  }
  self.postMessage(reply);
};
