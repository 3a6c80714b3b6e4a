/**
 * Quire's one sanitizer configuration for captured pages (ADR 0016). Every path that cleans a
 * page reads its rules from here:
 * - every HTML capture in the app (the capture worker, and the UI thread where there are no
 *   module workers) parses with linkedom and cleans with `sanitizeParsedPage` (sanitize-dom.ts),
 *   using the element sets and `attributeAllowed` below;
 * - the image list (images.ts) keeps only a `src` the sanitizer keeps (`imageSourceKept`), so
 *   the CLI, which does not sanitize, reads the same images as the app.
 * The rules are written as a DOMPurify configuration (`PURIFY_CONFIG`), the reference they were
 * checked against; DOMPurify itself needs a browser document tied to the app's window, which
 * hostile markup no longer enters (ADR 0016). The stored article is a text model; link targets
 * and image sources are filtered again when read, so this is the first of two fences (ADR 0009).
 */

/** Elements removed with their content by both sanitizers (DOMPurify: `ADD_FORBID_CONTENTS`). */
const FORBID_CONTENTS = ['button', 'select', 'textarea', 'object', 'embed'] as const;

/** The rules, as a DOMPurify configuration. */
export const PURIFY_CONFIG = {
  WHOLE_DOCUMENT: false,
  // Keep the text of unknown and custom elements (amp-img, my-widget) and of a <form> that
  // wraps a whole page: it may be the article.
  KEEP_CONTENT: true,
  // Controls and embeds go with their text, as the block walk skips them: the app (which
  // sanitizes) and the CLI (which cannot) then read the same text.
  ADD_FORBID_CONTENTS: FORBID_CONTENTS,
  FORBID_TAGS: [
    'style',
    'form',
    'input',
    'button',
    'textarea',
    'select',
    'object',
    'embed',
    'base',
  ],
  FORBID_ATTR: ['style', 'srcset', 'ping', 'formaction', 'action', 'background'],
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#|\/|\.{1,2}\/|[\w-]+(?:[/.?#]|$))/i,
  ALLOW_DATA_ATTR: false,
} as const;

/**
 * Elements that run, embed or load something: the worker's sanitizer drops them with everything
 * inside them (DOMPurify does not allow them at all).
 */
export const DROP_WITH_CONTENT: ReadonlySet<string> = new Set([
  'script',
  'iframe',
  'frame',
  'frameset',
  'applet',
  'link',
  'meta',
  ...FORBID_CONTENTS,
  'style',
  'base',
  // SVG's own ways to run script or rewrite attributes (<set to="javascript:…">).
  'animate',
  'animatemotion',
  'animatetransform',
  'set',
  'handler',
  'listener',
]);

/** Elements removed but whose text is kept (a <form> around a whole article). */
export const UNWRAP: ReadonlySet<string> = new Set(PURIFY_CONFIG.FORBID_TAGS);

/** Attributes removed wherever they are. */
export const FORBIDDEN_ATTRIBUTES: ReadonlySet<string> = new Set(PURIFY_CONFIG.FORBID_ATTR);

/** Attributes whose value is an address, checked against `ALLOWED_URI_REGEXP`. */
export const URI_ATTRIBUTES: ReadonlySet<string> = new Set([
  'href',
  'src',
  'xlink:href',
  'action',
  'formaction',
  'poster',
  'cite',
  'background',
  'data',
  'codebase',
]);

/** A value that a browser could run or render as a document, whatever attribute holds it. */
const ACTIVE_VALUE = /^(?:[a-z]*script|data):/i;
/** The one place a data: URI stays: a raster image's source (SVG can carry script). */
const DATA_IMAGE = /^data:image\/(?:png|jpeg|gif|webp|avif)[;,]/i;
// What DOMPurify strips before testing a URI: "java\tscript:" is still javascript:.
// eslint-disable-next-line no-control-regex
const URI_NOISE = /[\u0000-\u0020\u00A0\u1680\u180E\u2000-\u2029\u205F\u3000]/g;
// DOMPurify also refuses a value that could close the element it sits in when serialized.
const ATTR_BREAKOUT =
  /(?:--!?|\])>|<\/(?:style|script|title|xmp|textarea|noscript|iframe|noembed|noframes)/i;

/** An attribute value as DOMPurify tests it: without the whitespace a browser ignores. */
export function uriForCheck(value: string): string {
  return value.replace(URI_NOISE, '');
}

/**
 * Whether DOMPurify, with this configuration, keeps this `<img src>` value: an allowed address
 * or a `data:` URI (DOMPurify allows those on images; images.ts keeps only raster ones).
 */
export function imageSourceKept(value: string): boolean {
  if (ATTR_BREAKOUT.test(value)) return false;
  return PURIFY_CONFIG.ALLOWED_URI_REGEXP.test(uriForCheck(value)) || value.startsWith('data:');
}

/** Whether the worker's sanitizer keeps attribute `name` (lowercase) with `value` on `tag`. */
export function attributeAllowed(tag: string, name: string, value: string): boolean {
  if (name.startsWith('on') || FORBIDDEN_ATTRIBUTES.has(name)) return false;
  if (name.startsWith('data-') && !PURIFY_CONFIG.ALLOW_DATA_ATTR) return false;
  const uri = uriForCheck(value);
  if (tag === 'img' && name === 'src' && DATA_IMAGE.test(uri)) return true;
  if (ACTIVE_VALUE.test(uri)) return false;
  if (URI_ATTRIBUTES.has(name)) return uri === '' || PURIFY_CONFIG.ALLOWED_URI_REGEXP.test(uri);
  return true;
}
