/**
 * The one DOMPurify configuration for captured pages, kept in core so the app and any later
 * consumer share it. The app runs DOMPurify with it on the parsed page (in place) before the
 * page's text is read; stored text is plain, and link targets are filtered again when read.
 */
export const PURIFY_CONFIG = {
  WHOLE_DOCUMENT: false,
  // Keep the text of unknown and custom elements (amp-img, my-widget) and of a <form> that
  // wraps a whole page: it may be the article.
  KEEP_CONTENT: true,
  // Controls and embeds go with their text, as the block walk skips them: the app (which
  // sanitizes) and the CLI (which cannot) then read the same text.
  ADD_FORBID_CONTENTS: ['button', 'select', 'textarea', 'object', 'embed'],
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
