import type { CslName } from './model.ts';
import { findDate } from './dates.ts';

/** Words that mark a name as an organisation rather than a person. */
const ORG_WORDS = new Set(
  `agency alliance associates association authority bank board books bureau campaign center centre
  channel coalition collective college commission committee company council corp corporation daily
  department desk directorate division editorial editors federation forum foundation front fund gazette group guardian herald
  inc initiative institute institution international journal lab labs league limited llc llp ltd magazine
  media ministry monitor movement network news newsroom observatory office organisation organization
  partners party post press project publications publishing radio report reporters research review
  service services society staff team television times trust tv union university watch wire world
  blog blogs bulletin chronicle courier digest dispatch examiner express house insider intercept mail
  mirror nation observer online quarterly register sentinel spectator standard telegraph tribune
  voice weekly monthly today`
    .split(/\s+/)
    .filter(Boolean),
);

const HONORIFICS =
  /^(?:dr|prof|professor|mr|mrs|ms|mx|miss|sir|dame|rev|reverend|hon|fr|sr\.?|lt|col|gen|capt|maj|rep|sen|gov|amb|pres)\.?$/i;
const SUFFIXES = /^(?:jr|sr|ii|iii|iv|v|phd|md|esq|obe|mbe|cbe|kc|qc)\.?$/i;
const PARTICLES = new Set([
  'van',
  'von',
  'de',
  'der',
  'den',
  'del',
  'della',
  'da',
  'das',
  'dos',
  'du',
  'di',
  'la',
  'le',
  'ter',
  'ten',
  'bin',
  'ibn',
  'al',
  'el',
  'st.',
]);

export interface NameContext {
  /** Names known to be publications on this page: the site, the original source. */
  organisations: readonly string[];
}

const norm = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** True when a byline name reads as an organisation (a publication, agency, group). */
export function isOrganisation(name: string, context: NameContext): boolean {
  const n = norm(name);
  if (!n) return false;
  if (context.organisations.some((o) => norm(o) === n)) return true;
  const tokens = name.split(/\s+/).filter(Boolean);
  if (tokens.length === 1) return true;
  // People's names carry no "of"/"for"/"the" ("Moon of Alabama", "The Saker", "Friends of the Earth").
  if (/^the$/i.test(tokens[0]!) || tokens.some((t) => /^(?:of|for|the|on|at|and)$/.test(t)))
    return true;
  if (tokens.length > 5) return true;
  if (/\d/.test(name) || /&/.test(name)) return true;
  if (tokens.some((t) => ORG_WORDS.has(norm(t)))) return true;
  // "Washington's Blog", "Nature's Voice": a possessive inside a name belongs to a publication.
  if (tokens.slice(0, -1).some((t) => /['’]s$/.test(t))) return true;
  // Acronyms (BBC News, AP) are organisations; initials with dots (J. R. R.) are not.
  if (tokens.some((t) => /^[A-Z]{2,}$/.test(t))) return true;
  return false;
}

/** Splits a person's name into CSL parts: honorifics dropped, particles and suffixes kept apart. */
export function personName(name: string): CslName {
  let text = name.trim();
  const inverted = /^([^,]+),\s*([^,]+)$/.exec(text);
  if (inverted && !SUFFIXES.test(inverted[2]!.trim())) text = `${inverted[2]} ${inverted[1]}`;
  const tokens = text.split(/\s+/).filter((t) => t && !HONORIFICS.test(t.replace(/,$/, '')));
  const suffixes: string[] = [];
  while (tokens.length > 2 && SUFFIXES.test(tokens[tokens.length - 1]!.replace(/^,|,$/g, ''))) {
    suffixes.unshift(tokens.pop()!.replace(/^,|,$/g, ''));
  }
  if (tokens.length > 1) tokens[tokens.length - 1] = tokens[tokens.length - 1]!.replace(/,$/, '');
  const family = tokens.pop() ?? '';
  const particles: string[] = [];
  while (tokens.length > 1 && PARTICLES.has(tokens[tokens.length - 1]!.toLowerCase()))
    particles.unshift(tokens.pop()!);
  const result: CslName = { family, given: tokens.join(' ') };
  if (particles.length) result['non-dropping-particle'] = particles.join(' ');
  if (suffixes.length) result.suffix = suffixes.join(' ');
  if (!result.given) delete result.given;
  return result;
}

/** Role words after a name in a byline ("John Smith, Senior Correspondent"). */
const ROLE =
  /\b(?:correspondent|reporter|editor|writer|columnist|contributor|staff writer|analyst|bureau chief|photographer|guest author|senior fellow|fellow)\b/i;

/** Organisation words that are hardly ever surnames: "Grace Post" may be a person, "Grace News" not. */
const CLEAR_ORG_WORDS = new Set(
  `agency association bureau center centre college commission committee company corporation council
  department desk editorial editors federation foundation inc institute institution llc llp ltd
  magazine media ministry network news newsroom office organisation organization press project
  publications publishing reporters society staff team university wire`
    .split(/\s+/)
    .filter(Boolean),
);

const MAX_BYLINE = 400;

/** News agencies whose name closes a byline as the story's source, not as its author. */
const AGENCIES =
  /^(?:reuters|ap|the associated press|associated press|afp|agence france-presse|bloomberg|upi|dpa|efe|ansa|xinhua|tass|pa|press association|cnn wire|staff and agencies|agencies)$/i;

/** Reads the names of a byline ("A, B and C", "A & B", "A in London"), person or organisation. */
export function parseByline(byline: string, context: NameContext): CslName[] {
  // A byline is a line: past a few hundred characters it is not one, and the patterns below
  // then never see more than a bounded text.
  const text = properCase(
    withoutDate(byline.length > MAX_BYLINE ? byline.slice(0, MAX_BYLINE) : byline)
      .replace(/\s+(?:in|from|reporting from)\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?\s*$/, '')
      .replace(/\s*[|•·]\s*.*$/, '')
      .trim(),
  );
  if (!text) return [];
  if (context.organisations.some((o) => norm(o) === norm(text))) return [{ literal: text }];
  const split = text
    .split(/\s*(?:,|;|\s&\s|\band\b)\s*/i)
    .map((p) => p.trim())
    .filter(Boolean);
  // "Institute for Peace and Conflict Studies" is one name; "Ann Lee and Bo Chen" and
  // "Grace Post and Tom Bank" are two: a list of name-shaped pieces is a list of people.
  const listOfNames = split.length > 1 && split.every(isNameShaped);
  const whole = !/[,;]/.test(text) && !listOfNames && isOrganisation(text, context);
  const pieces = whole ? [text] : split;
  const names: CslName[] = [];
  for (const piece of pieces) {
    if (ROLE.test(piece) && names.length > 0) continue;
    if (/^(?:et al\.?|and others)$/i.test(piece)) continue;
    const known = context.organisations.some((o) => norm(o) === norm(piece));
    const organisation =
      known ||
      AGENCIES.test(piece) ||
      (listOfNames ? hasClearOrgWord(piece) : isOrganisation(piece, context));
    // After a person, an organisation is an affiliation, the site or the wire: not an author.
    if (organisation && names.some((n) => !n.literal)) continue;
    names.push(organisation ? { literal: piece } : personName(piece));
  }
  return dedupeNames(names);
}

/** "JANE DOE" → "Jane Doe", "JEAN-PAUL O'NEIL" → "Jean-Paul O'Neil"; mixed case stays as written. */
export function properCase(text: string): string {
  // "JANE DOE and TOM LEE": the connector may stay in lower case.
  const letters = text.replace(/\b(?:and|und|et|y|e)\b/g, '').replace(/[^\p{L}]/gu, '');
  if (letters.length < 4 || letters !== letters.toUpperCase()) return text;
  return text
    .toLowerCase()
    .replace(/(^|[\s'’\-.(])(\p{L})/gu, (_m, before: string, c: string) => before + c.toUpperCase())
    .replace(
      /\b(Van|Von|De|Der|Den|Del|Della|Da|Das|Dos|Du|Di|La|Le|Ter|Ten|Bin|Ibn|Al|El|And|Of|The|For)\b(?=\s)/g,
      (w, _x, offset: number) => (offset === 0 ? w : w.toLowerCase()),
    );
}

function isNameShaped(piece: string): boolean {
  const tokens = piece.split(/\s+/).filter((t) => !HONORIFICS.test(t));
  return (
    tokens.length >= 2 &&
    tokens.length <= 4 &&
    !/\d/.test(piece) &&
    tokens.every((t) => /^\p{Lu}/u.test(t) || PARTICLES.has(t.toLowerCase())) &&
    !tokens.some((t) => /^(?:of|for|the|on|at|and)$/i.test(t))
  );
}

function hasClearOrgWord(piece: string): boolean {
  return piece.split(/\s+/).some((t) => CLEAR_ORG_WORDS.has(norm(t)));
}

/** "Jane Doe on March 3, 2021" and "Jane Doe, 3 March 2021": the name without the date. */
function withoutDate(text: string): string {
  const date = findDate(text);
  if (!date) return text;
  return text
    .slice(0, date.index)
    .replace(/[\s,|·•–—-]*(?:\b(?:on|posted|published|updated))?[\s,|·•–—-]*$/i, '');
}

export function nameKey(name: CslName): string {
  return norm(
    name.literal ??
      [name.given, name['non-dropping-particle'], name.family].filter(Boolean).join(' '),
  );
}

function dedupeNames(names: CslName[]): CslName[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    const key = nameKey(n);
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
