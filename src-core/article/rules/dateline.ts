import { findDate, type FoundDate } from '../dates.ts';

const DATE_WORDS =
  /^(?:published|posted|updated|last updated|modified|date|on|dated)\b\s*(?:on|at)?\s*:?\s*/i;

/** A short line that is mostly a date: "Global Research, August 15, 2018", "Published: 3 May 2021". */
export interface Dateline {
  date: FoundDate;
  site: string | null;
  updated: boolean;
  /** "Posted on 12 May 2022 by Priya Raman" names the author too. */
  byline: string | null;
}

export function readDateline(line: string): Dateline | null {
  if (line.length > 160) return null;
  // "Published: 3 March 2021 | Updated: 5 March 2021": each part on its own, the first one wins.
  const parts = line.split(/\s+[|·•]\s+/);
  if (parts.length > 1) {
    const read = parts.map(readDateline).filter((d): d is NonNullable<typeof d> => !!d);
    return read.find((d) => !d.updated) ?? read[0] ?? null;
  }
  const date = findDate(line);
  if (!date) return null;
  const before = line.slice(0, date.index);
  const after = line
    .slice(date.index + date.length)
    .replace(/^[\s,]*(?:(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\s*[A-Z]{0,4})?/i, '');
  const byline = /^\s*by\s+(\S.*)$/i.exec(after)?.[1]?.trim() ?? null;
  if (!byline && after.split(/\s+/).filter(Boolean).length > 4) return null;
  const updated = /\b(?:updated|modified)\b/i.test(before);
  const site = before
    .replace(DATE_WORDS, '')
    .replace(/\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?,?/gi, '')
    .replace(/[\s,|·•–—-]+$/, '')
    .trim();
  // A site is a name ("Global Research", "The Times of India"); "The vote is on" is a sentence.
  if (site.split(/\s+/).length > 6 || (site && !looksLikeName(site))) return null;
  return { date, site: site && !DATE_WORDS.test(site) ? site : null, updated, byline };
}

function looksLikeName(text: string): boolean {
  return text
    .split(/\s+/)
    .every(
      (t) => /^[\p{Lu}\p{N}"“'‘(]/u.test(t) || /^(?:of|the|and|for|on|de|&|-|–|—|\|)$/i.test(t),
    );
}
