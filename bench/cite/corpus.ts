/**
 * Synthetic but realistic articles for the citation benchmark, the same for every run: a seeded
 * PRNG picks authors (1–25 people, organisations, or none), dates (or none), titles of 5–20
 * words mixing common words with proper nouns, acronyms and compounds, and a body of 3–8
 * paragraphs that writes those proper nouns in running prose, so that Quire's casing has
 * something to learn, as it does from a real article.
 */
import type { CslItem, CslName } from '../../src-core/article/model.ts';
import type { CitableArticle } from '../../src-core/citation/types.ts';

/** mulberry32: small, fast and good enough to vary benchmark data reproducibly. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const int = (r: Random, min: number, max: number) => min + Math.floor(r() * (max - min + 1));
const pick = <T>(r: Random, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
const chance = (r: Random, p: number) => r() < p;
const words = (text: string) => text.split(/\s+/).filter(Boolean);

const GIVEN = words(`
  Anna Ben Chloé David Elena Farid Grace Hiroshi Ingrid Jamal Katarzyna Luis Maria Nikolai
  Oluwaseun Priya Quentin Rosa Søren Tomás Ulrike Valentina Wei Ximena Yusuf Zoë José Łukasz
  Björn Amélie François Ömer Ngozi Mei-Ling Jean-Pierre Siobhán Dmitri Aoife Thandiwe Raúl`);
const FAMILY = words(`
  Smith García Müller Nguyễn Kowalski Okafor Johansson Rossi Tanaka Dubois O'Brien Petrov
  Hernández Schröder Andersson Yılmaz Novák Fernández Kim Patel Haddad Ivanova Sørensen
  Łukasiewicz Brontë Ødegaard MacLeod McCarthy Abubakar Castellanos Lindqvist Weiß Zhang`);
/** Names with particles, as CSL-JSON stores them. */
const PARTICLED: CslName[] = [
  { family: 'Beethoven', given: 'Ludwig', 'non-dropping-particle': 'van' },
  { family: 'Gaulle', given: 'Charles', 'non-dropping-particle': 'de' },
  { family: 'Humboldt', given: 'Alexander', 'dropping-particle': 'von' },
  { family: 'King', given: 'Martin Luther', suffix: 'Jr.' },
  { family: 'Silva', given: 'Luiz Inácio Lula', 'non-dropping-particle': 'da' },
];
const ORGANISATIONS = [
  'World Health Organization',
  'European Central Bank',
  'Reuters',
  'Associated Press',
  'Médecins Sans Frontières',
  'United Nations Environment Programme',
  'Office for National Statistics',
  'Deutsche Welle',
  'Institute for Fiscal Studies',
  'BBC News',
];

/** Proper nouns titles and bodies share; several words long where names are. */
const PROPER = [
  'Afghanistan',
  'Kabul',
  'Taliban',
  'Brussels',
  'European Union',
  'Middle East',
  'São Paulo',
  'Zürich',
  'Kraków',
  'Reykjavík',
  'Mississippi',
  'Amazon',
  'Pacific Ocean',
  'Sahara',
  'Himalayas',
  'Donald Trump',
  'Angela Merkel',
  'Emmanuel Macron',
  'Jacinda Ardern',
  'Narendra Modi',
  'Greta Thunberg',
  'Bosnia and Herzegovina',
  'Voice of America',
  'Federal Reserve',
  'Supreme Court',
  'Silicon Valley',
  'Wall Street',
  'Microsoft',
  'Google',
  'Tesla',
  'Shakespeare',
  'Darwin',
  'Einstein',
  'Christmas',
  'Ramadan',
  'Monday',
  'October',
  'Arctic',
  'Québec',
  'Nairobi',
  'Lagos',
  'Jakarta',
];
const ACRONYMS = ['NASA', 'NATO', 'UN', 'EU', 'US', 'GDP', 'AI', 'COVID-19', 'UNESCO', 'WHO'];
const NOUNS = words(`
  crisis economy election climate policy market health vaccine energy water migration border
  trade tariff budget inflation science research study data privacy security war peace court
  ruling reform protest treaty summit report survey forecast drought flood harvest school
  teacher student hospital nurse city village river forest ocean ice satellite rocket launch
  network platform algorithm language history museum archive library painting novel film song
  festival season team match coach league record strike union wage pension housing rent
  transport railway airport pipeline factory worker startup investor bank currency debt`);
const ADJECTIVES = words(`
  new old global local rural urban quiet hidden rising falling hard long short first last
  public private digital ancient modern fragile stubborn uneven surprising lasting costly
  free open secret historic young northern southern eastern western`);
const VERBS = words(`
  faces shapes threatens reveals divides transforms tests reshapes challenges rebuilds
  questions delays backs rejects revives funds warns blocks expands ends`);
const MINOR = words(`of in on for with and the a to from after before against about under how
  why what means`);
const COMPOUNDS = words(`long-term self-driving low-income well-known state-owned post-war
  cross-border high-speed so-called anti-war`);

/** Phrases titles are built from: `P` a proper noun, `A` an acronym, `n` `a` `v` `c` words. */
const TITLE_PHRASES = words(`a_n v_the_n in_P P_v_a_n the_n_of_P how_P_v_the_n why_a_n_v_A
  c_n_for_P A_v_n after_the_a_n P_and_the_a_n a_n_against_P what_n_means_for_P`);

function phrase(r: Random, shape: string, nouns: readonly string[]): string[] {
  return shape.split('_').flatMap((slot) => {
    switch (slot) {
      case 'P':
        return words(pick(r, nouns));
      case 'A':
        return [pick(r, ACRONYMS)];
      case 'n':
        return [pick(r, NOUNS)];
      case 'a':
        return [pick(r, ADJECTIVES)];
      case 'v':
        return [pick(r, VERBS)];
      case 'c':
        return [pick(r, COMPOUNDS)];
      default:
        return [slot];
    }
  });
}

/** A title of 5–20 words, in title case (as most sites publish) or sentence case. */
function title(r: Random, nouns: readonly string[]): string {
  const target = int(r, 5, 20);
  const out: string[] = [];
  while (out.length < target) {
    if (out.length > 3 && chance(r, 0.25)) out[out.length - 1] += chance(r, 0.8) ? ':' : '?';
    out.push(...phrase(r, pick(r, TITLE_PHRASES), nouns));
  }
  out.length = Math.min(out.length, 20);
  out[out.length - 1] = out[out.length - 1]!.replace(/[:?]$/u, '');
  const headline = chance(r, 0.7);
  const proper = new Set(nouns.flatMap(words));
  return out
    .map((w, i) => {
      if (proper.has(w.replace(/[:?]$/u, '')) || /^[A-Z0-9-]{2,}[:?]?$/u.test(w)) return w;
      const first = i === 0 || /[:?]$/u.test(out[i - 1] ?? '');
      const minor = MINOR.includes(w.replace(/[:?]$/u, '')) && !first;
      if (headline && !minor) return w.replace(/(^|-)(\p{Ll})/gu, (_, d, c) => d + c.toUpperCase());
      return first ? w[0]!.toUpperCase() + w.slice(1) : w;
    })
    .join(' ');
}

/** One sentence of prose, naming some of the article's proper nouns mid-sentence. */
function sentence(r: Random, nouns: readonly string[]): string {
  const length = int(r, 10, 28);
  const out: string[] = [];
  while (out.length < length) {
    const roll = r();
    if (roll < 0.1) out.push(pick(r, nouns));
    else if (roll < 0.13) out.push(pick(r, ACRONYMS));
    else if (roll < 0.4) out.push(pick(r, NOUNS));
    else if (roll < 0.55) out.push(pick(r, ADJECTIVES));
    else if (roll < 0.65) out.push(pick(r, VERBS));
    else out.push(pick(r, MINOR));
    if (out.length > 3 && chance(r, 0.05)) out[out.length - 1] += ',';
  }
  const text = out.join(' ').replace(/,$/u, '');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

function person(r: Random): CslName {
  if (chance(r, 0.05)) return { ...pick(r, PARTICLED) };
  const given = chance(r, 0.1) ? `${pick(r, GIVEN)} ${pick(r, GIVEN)[0]}.` : pick(r, GIVEN);
  return { family: pick(r, FAMILY), given };
}

function authors(r: Random): CslName[] | undefined {
  const roll = r();
  if (roll < 0.08) return undefined;
  if (roll < 0.2) return [{ literal: pick(r, ORGANISATIONS) }];
  // Mostly one to three people; a long tail up to 25 (APA's 21+ rule, MLA's "et al.").
  const count = chance(r, 0.85) ? int(r, 1, 3) : int(r, 4, 25);
  return Array.from({ length: count }, () => person(r));
}

const SITES = [
  { name: 'The Guardian', host: 'www.theguardian.com', type: 'article-newspaper' },
  { name: 'Le Monde', host: 'www.lemonde.fr', type: 'article-newspaper' },
  { name: 'Süddeutsche Zeitung', host: 'www.sueddeutsche.de', type: 'article-newspaper' },
  { name: 'The New York Times', host: 'www.nytimes.com', type: 'article-newspaper' },
  { name: 'Al Jazeera', host: 'www.aljazeera.com', type: 'webpage' },
  { name: 'Global Research', host: 'www.globalresearch.ca', type: 'webpage' },
  { name: 'Ars Technica', host: 'arstechnica.com', type: 'webpage' },
  { name: 'phys.org', host: 'phys.org', type: 'webpage' },
  { name: 'Nature', host: 'www.nature.com', type: 'article-journal' },
  { name: 'Journal of Climate Policy', host: 'doi.example.org', type: 'article-journal' },
  {
    name: 'Revista Brasileira de Ciências Sociais',
    host: 'www.scielo.br',
    type: 'article-journal',
  },
] as const;

const slug = (text: string) =>
  text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-|-$/gu, '')
    .slice(0, 60);

function article(r: Random, n: number): CitableArticle {
  const nouns = Array.from({ length: int(r, 2, 6) }, () => pick(r, PROPER));
  const site = pick(r, SITES);
  const t = title(r, nouns);
  const year = int(r, 1998, 2025);
  const month = int(r, 1, 12);
  const day = int(r, 1, 28);
  const dateRoll = r();
  const csl: CslItem = { id: `a${n}`, type: site.type, title: t };
  const a = authors(r);
  if (a) csl.author = a;
  if (dateRoll < 0.1) {
    // No date: "n.d.".
  } else if (dateRoll < 0.2) csl.issued = { 'date-parts': [[year]] };
  else csl.issued = { 'date-parts': [[year, month, day]] };
  csl['container-title'] = site.name;
  csl.URL = `https://${site.host}/${year}/${String(month).padStart(2, '0')}/${slug(t)}-${n}`;
  if (chance(r, 0.8)) csl.accessed = { 'date-parts': [[2026, int(r, 1, 11), int(r, 1, 28)]] };
  if (site.type === 'article-journal') {
    csl.volume = String(int(r, 1, 120));
    csl.issue = String(int(r, 1, 12));
    const first = int(r, 1, 900);
    csl.page = `${first}-${first + int(r, 5, 40)}`;
    if (chance(r, 0.7)) csl.DOI = `10.${int(r, 1000, 9999)}/bench.${n}`;
  }
  if (chance(r, 0.1)) csl.language = 'en';
  const body = Array.from({ length: int(r, 3, 8) }, () => ({
    text: Array.from({ length: int(r, 2, 6) }, () => sentence(r, nouns)).join(' '),
  }));
  const originalSource = chance(r, 0.05)
    ? { name: pick(r, SITES).name, url: `https://${pick(r, SITES).host}/original/${n}` }
    : null;
  return { csl, originalSource, body };
}

/** `count` articles, identical for the same seed. */
export function syntheticArticles(count: number, seed = 20_261_130): CitableArticle[] {
  const r = prng(seed);
  return Array.from({ length: count }, (_, n) => article(r, n));
}
