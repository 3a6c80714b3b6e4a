import { ACCEPT_HEADERS, PAGE_MEDIA_TYPES } from '../../src-core/net/media-types.ts';
import { FetchError } from './fetch-error.ts';

export type FetchPurpose = 'page' | 'image';

export interface ContentType {
  /** Lowercased type/subtype, '' when the header is missing or unreadable. */
  mediaType: string;
  /** The charset parameter, lowercased and unquoted, or null. */
  charset: string | null;
}

/** Reads `text/html; charset="ISO-8859-1"` (RFC 9110 §8.3). */
export function parseContentType(header: string | undefined): ContentType {
  if (!header) return { mediaType: '', charset: null };
  const [type = '', ...params] = header.split(';');
  const mediaType = type.trim().toLowerCase();
  let charset: string | null = null;
  for (const param of params) {
    const match = /^\s*charset\s*=\s*(?:"([^"]*)"|([^\s;"]+))\s*$/i.exec(param);
    const value = (match?.[1] ?? match?.[2])?.trim().toLowerCase();
    if (value) {
      charset = value;
      break;
    }
  }
  return {
    mediaType: /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(mediaType) ? mediaType : '',
    charset,
  };
}

/** What each purpose asks the server for. */
export const ACCEPT: Record<FetchPurpose, string> = ACCEPT_HEADERS;

const PAGE_TYPES = PAGE_MEDIA_TYPES;

/** Names for the types people most often meet where they expected a page. */
const TYPE_NAMES: Record<string, string> = {
  'application/pdf': 'a PDF document',
  'application/octet-stream': 'a file download',
  'application/zip': 'a ZIP archive',
  'application/json': 'JSON data',
  'application/msword': 'a Word document',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'a Word document',
};

function describeType(mediaType: string): string {
  if (TYPE_NAMES[mediaType]) return `${TYPE_NAMES[mediaType]} (${mediaType})`;
  if (mediaType.startsWith('image/')) return `an image (${mediaType})`;
  if (mediaType.startsWith('video/')) return `a video (${mediaType})`;
  if (mediaType.startsWith('audio/')) return `audio (${mediaType})`;
  return mediaType || 'something without a content type';
}

/**
 * Refuses a response whose type the purpose cannot use, before its body is read. SVG is never
 * an acceptable image: it is XML that can carry script and links to anywhere.
 */
export function checkMediaType(purpose: FetchPurpose, mediaType: string, host: string): void {
  if (purpose === 'page') {
    if (PAGE_TYPES.has(mediaType)) return;
    throw new FetchError(
      'unsupported-type',
      `The address at ${host} gives ${describeType(mediaType)}, not a web page. Quire saves web pages and text (HTML, Markdown, plain text); save other files with your browser.`,
    );
  }
  if (mediaType.startsWith('image/') && mediaType !== 'image/svg+xml') return;
  const why =
    mediaType === 'image/svg+xml'
      ? 'SVG images can carry scripts, so Quire does not save them'
      : 'Quire saves images only';
  throw new FetchError(
    'unsupported-type',
    `The address at ${host} gives ${describeType(mediaType)}: ${why}.`,
  );
}
