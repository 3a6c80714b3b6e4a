import type { StatedName } from '../document/types.ts';
import { isOrganisation } from '../names.ts';
import type { Candidate } from './candidates.ts';
import { isUrlLike } from './text.ts';

/** The longest author name kept; anything longer is a sentence or a list gone wrong. */
const MAX_NAME_LENGTH = 200;
/** The most names read from one page (large collaborations list thousands). */
export const MAX_AUTHORS = 1000;

const BY = /^(?:(?:written|posted|published|reported|words|text|story)\s+)?by\s*:?\s+/i;
const LABEL = /^(?:authors?|byline|written by|posted by|credit)\s*:\s*/i;

/**
 * One stated author as a name, or null: "By Jane Doe" loses its "By", a profile address
 * (`https://…/author/jane`), an e-mail address or a handle is not a name. Accents, particles,
 * hyphens and apostrophes stay as written.
 */
export function cleanName(value: string): string | null {
  let name = value.replace(/\s+/g, ' ').trim();
  if (!name || name.length > MAX_NAME_LENGTH) return null;
  name = name.replace(LABEL, '').replace(BY, '').trim();
  // "Jane Doe (https://jane.example/)", "Jane Doe <jane@example.com>": the name without them.
  name = name
    .replace(/\s?[(<]([^()<>]{1,200})[)>]/g, (whole, inner: string) =>
      isUrlLike(inner) ? '' : whole,
    )
    .trim();
  name = name.replace(/^[,;:|·•–—-]+\s*/, '').replace(/\s*[,;:|·•–—-]+$/, '');
  if (!name || isUrlLike(name)) return null;
  if (/^@\w/.test(name)) return null;
  if (!/\p{L}/u.test(name)) return null;
  return name;
}

const PARTICLE = /^(?:van|von|de|der|den|del|della|da|das|dos|du|di|la|le|ter|ten|bin|ibn|al|el)$/;

/** A piece of an author list that reads as one person's name ("Ann Lee", "Jan van der Berg"). */
export function looksLikePerson(piece: string): boolean {
  const tokens = piece.split(' ').filter(Boolean);
  if (tokens.length < 2 || tokens.length > 5) return false;
  if (!tokens.every((t) => /^\p{Lu}/u.test(t) || PARTICLE.test(t))) return false;
  return !isOrganisation(piece, { organisations: [] });
}

/**
 * Splits "Ann Lee, Bo Chen and Cy Diaz" into names, but only when every piece looks like a
 * person's name: "Smith, John", "Friends of the Earth" and "Jane Doe and AP" stay whole.
 */
export function splitNames(value: string): string[] {
  const text = value.replace(/\s+/g, ' ').trim();
  if (!/,|;|&| and /i.test(text)) return [text];
  const pieces = text
    .split(/ ?(?:,|;|&|\band\b) ?/i)
    .map((p) => p.trim())
    .filter(Boolean);
  if (pieces.length < 2) return [text];
  const cleaned = pieces.map((p) => p.replace(BY, '').trim());
  return cleaned.every(looksLikePerson) ? cleaned : [text];
}

const nameKey = (name: string): string =>
  name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Builds a list of names: cleaned, de-duplicated (case and punctuation aside), capped. */
export class NameList {
  readonly names: StatedName[] = [];
  private readonly seen = new Map<string, StatedName>();

  add(value: string, type: StatedName['type'], split: boolean): void {
    const name = cleanName(value);
    if (!name) return;
    for (const piece of split ? splitNames(name) : [name]) {
      const clean = cleanName(piece);
      if (!clean || this.names.length >= MAX_AUTHORS) continue;
      const k = nameKey(clean);
      const earlier = this.seen.get(k);
      if (earlier) {
        earlier.type ??= type;
        continue;
      }
      const entry: StatedName = { name: clean, type };
      this.seen.set(k, entry);
      this.names.push(entry);
    }
  }

  /** The type another source gives the same name (Highwire names take JSON-LD's @type). */
  typeOf(name: string): StatedName['type'] {
    return this.seen.get(nameKey(name))?.type ?? null;
  }
}

/**
 * The names in some values, with the source of the first. A semicolon always separates names;
 * commas and "and" only when `splitCommas` (Highwire and Dublin Core write one name per tag,
 * often inverted: "Doe, Jane") and every piece looks like a person's name. AGLS-style
 * `corporateName=…; jurisdiction=…` values give their name parts only.
 */
export function namesOf(
  candidates: Candidate[],
  ldNames: NameList,
  splitCommas: boolean,
): { names: StatedName[]; from: string } | null {
  const list = new NameList();
  let from: string | null = null;
  for (const c of candidates) {
    for (const raw of (c.value ?? '').split(';')) {
      const keyed = /^\s*([A-Za-z]{1,30})\s*=\s*(.*)$/.exec(raw);
      if (keyed && !/^(?:corporatename|personalname|name)$/i.test(keyed[1]!)) continue;
      const piece = keyed ? keyed[2]! : raw;
      const before = list.names.length;
      list.add(piece, typeOfName(ldNames, piece), splitCommas);
      if (list.names.length > before) from ??= c.from;
    }
  }
  return from ? { names: list.names, from } : null;
}

/** The type JSON-LD gives a name, also when Highwire writes it inverted ("Doe, Jane"). */
function typeOfName(ldNames: NameList, name: string): StatedName['type'] {
  const inverted = /^([^,]{1,100}),\s?([^,]{1,100})$/.exec(name.trim());
  return (
    ldNames.typeOf(name) ?? (inverted ? ldNames.typeOf(`${inverted[2]} ${inverted[1]}`) : null)
  );
}
