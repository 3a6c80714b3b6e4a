/**
 * Markup that survived into display text (broken tags, escaped tags, event handlers, script
 * URLs): such a block is code someone pasted or an attack, not the article's prose.
 */
export const MARKUP = /<[a-z/!?]|&lt;[a-z/!?]|\bon[a-z]+\s*=|javascript:/i;

export function hasMarkup(text: string): boolean {
  return MARKUP.test(text);
}

/** What could run if text were ever taken for HTML: never kept, whatever the format. */
export const ACTIVE_MARKUP = /<\s*script|\bon[a-z]+\s*=|javascript:/i;
