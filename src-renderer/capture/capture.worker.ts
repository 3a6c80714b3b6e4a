import { parseHtmlWithLinkedom } from '../../src-core/article/html/linkedom-parser.ts';
import { sanitizeParsedPage } from '../../src-core/article/html/sanitize-dom.ts';
import { sha256 } from '../host/sha256.ts';
import { createCaptureService } from './capture-service.ts';
import type { CaptureRequest } from './protocol.ts';

/**
 * The capture worker: decoding, parsing, the capture rules, sanitizing, hashing and storing
 * run here, off the UI thread. Workers have no DOMParser, so pages are parsed by linkedom,
 * exactly as the CLI parses them (ADR 0009).
 */
const handle = createCaptureService((reply) => self.postMessage(reply), {
  sha256,
  parseHtml: parseHtmlWithLinkedom,
  sanitize: sanitizeParsedPage,
});

self.onmessage = ({ data }: MessageEvent<CaptureRequest>) => void handle(data);
