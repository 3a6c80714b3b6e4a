/** Tags and collection names as the user types them: one rule for the editor, bulk edits and imports. */

export const MAX_TAG_LENGTH = 100;

/** Trims and collapses spaces; null when nothing is left. Longer tags are cut. */
export function cleanTag(text: string): string | null {
  const tag = text.replace(/\s+/g, ' ').trim().slice(0, MAX_TAG_LENGTH).trim();
  return tag ? tag : null;
}

const sameTag = (a: string, b: string) =>
  a.localeCompare(b, undefined, { sensitivity: 'base' }) === 0;

/**
 * `tags` with `add` added (unless already there, ignoring case and accents: the first spelling
 * stays) and `remove` removed (ignoring case and accents). Pure; keeps the order.
 */
export function changeTags(
  tags: readonly string[],
  { add = [], remove = [] }: { add?: readonly string[]; remove?: readonly string[] },
): string[] {
  const removing = remove.map(cleanTag).filter((t): t is string => t !== null);
  const result = tags.filter((tag) => !removing.some((r) => sameTag(r, tag)));
  for (const raw of add) {
    const tag = cleanTag(raw);
    if (tag && !result.some((t) => sameTag(t, tag))) result.push(tag);
  }
  return result;
}

/** Splits what was typed in a tag box ("a, b; c") into tags. */
export function parseTagList(text: string): string[] {
  return changeTags([], { add: text.split(/[,;\n]/) });
}
