/** Tags and collection names as the user types them: one rule for the editor, bulk edits and imports. */

export const MAX_TAG_LENGTH = 100;

/** Trims and collapses spaces; null when nothing is left. Longer tags are cut. */
export function cleanTag(text: string): string | null {
  const tag = text.replace(/\s+/g, ' ').trim().slice(0, MAX_TAG_LENGTH).trim();
  return tag ? tag : null;
}

/** Equal ignoring case and accents (the same rule as `localeCompare` at base sensitivity). */
const collator = new Intl.Collator(undefined, { sensitivity: 'base' });
const compareTags = (a: string, b: string) => collator.compare(a, b);

/** Whether `sorted` (ordered by compareTags) holds a tag equal to `tag`: a binary search. */
function holds(sorted: readonly string[], tag: string): boolean {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const order = compareTags(sorted[mid]!, tag);
    if (order === 0) return true;
    if (order < 0) low = mid + 1;
    else high = mid;
  }
  return false;
}

/**
 * `tags` with `add` added (unless already there, ignoring case and accents: the first spelling
 * stays) and `remove` removed (ignoring case and accents). Pure; keeps the order. Comparisons
 * go through sorting, not every pair: an imported entry may bring thousands of keywords, and
 * comparing each with all the others took minutes (20,000 keywords: over 5 minutes).
 */
export function changeTags(
  tags: readonly string[],
  { add = [], remove = [] }: { add?: readonly string[]; remove?: readonly string[] },
): string[] {
  const removing = remove
    .map(cleanTag)
    .filter((t): t is string => t !== null)
    .sort(compareTags);
  const result = removing.length ? tags.filter((tag) => !holds(removing, tag)) : [...tags];
  const adding = add.map(cleanTag).filter((t): t is string => t !== null);
  if (!adding.length) return result;
  // Sorted by tag, then by position (the kept tags first): the first of each run of equal
  // tags is the spelling that stays, and it is new only when it comes from `add`.
  const all = [...result, ...adding];
  const order = all.map((_, i) => i).sort((a, b) => compareTags(all[a]!, all[b]!) || a - b);
  const added: number[] = [];
  order.forEach((index, i) => {
    const first = i === 0 || compareTags(all[order[i - 1]!]!, all[index]!) !== 0;
    if (first && index >= result.length) added.push(index);
  });
  added.sort((a, b) => a - b);
  return [...result, ...added.map((index) => all[index]!)];
}

/** Splits what was typed in a tag box ("a, b; c") into tags. */
export function parseTagList(text: string): string[] {
  return changeTags([], { add: text.split(/[,;\n]/) });
}
