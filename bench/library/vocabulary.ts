/**
 * The fixed word stock of the library benchmark: a Zipf-ranked vocabulary (real common English
 * words at the top ranks, then pseudo-words built from syllables), two-word collocations the
 * generator writes as they are (so phrase queries hit), names, sites and tags. It does not
 * depend on the run's seed, so the 50 queries are the same strings in every run. Runs in the
 * browser page and in Node: no node:* imports.
 */
import { prng } from '../cite/corpus.ts';

const split = (text: string) => text.split(/\s+/).filter(Boolean);

/** Real English words, most frequent first: "the" and "of" lead the ranks. */
export const COMMON = split(`
  the of and to a in is that for it as was with be by on not he this are or his from at which
  but have an they you were her she their one all we been has there would more if no when will
  can who so said its also about into than them these only other new some could time people
  state government year after first two most over years may world made public like between
  many our new where under those report policy war country back way through work even
  national president part against while since each law power city water health court market
  history political economic system group energy military security development climate peace
  program social minister international change local police rights service research foreign
  support food money children family today both control women during forces death evidence
  election party news data trade region economy science technology education culture nature
  university officials european american university industry crisis budget tax oil price
  agency river building history council leaders community campaign border prison justice
  village ocean forest museum theatre hospital farmers workers scientists students markets
  energy company companies bank banks capital labour treaty reform protest strike storm flood
  drought vaccine disease virus medicine infrastructure railway harbour bridge satellite
  archive library manuscript empire dynasty revolution parliament senate congress ministry
  courts judges verdict appeal inquiry investigation commission committee summit alliance
`).filter((word, i, all) => all.indexOf(word) === i);

/** Words too common or too short to be a title's or a query's content word. */
export const FUNCTION_WORDS = new Set(COMMON.slice(0, COMMON.indexOf('time')));

/** Two-word phrases the generator writes verbatim now and then (both words are in COMMON). */
export const COLLOCATIONS = [
  'climate change',
  'public health',
  'human rights',
  'foreign policy',
  'supreme court',
  'national security',
  'economic development',
  'police forces',
  'border security',
  'energy market',
  'trade policy',
  'local government',
  'social research',
  'military history',
  'university research',
  'tax reform',
];

const ONSETS = split(
  'b c d f g h j k l m n p r s t v w z br cr dr fr gr pr tr st sl pl kl sh ch th',
);
const NUCLEI = split('a e i o u a e i o ai ea ou io');
const CODAS = ['', '', '', 'n', 'r', 's', 'l', 'm', 't', 'nd', 'st', 'rk', 'ng'];

/** Fixed, whatever the run's seed: the queries name words of this vocabulary. */
const VOCAB_SEED = 0x5eed_0b0c;
export const VOCABULARY_SIZE = 40_000;
/** Zipf–Mandelbrot: rank r has weight 1 / (r + Q)^S. */
const ZIPF_S = 1.0;
const ZIPF_Q = 2.7;

function pseudoWords(count: number, taken: ReadonlySet<string>): string[] {
  const r = prng(VOCAB_SEED);
  const pick = (list: readonly string[]) => list[Math.floor(r() * list.length)]!;
  const seen = new Set(taken);
  const words: string[] = [];
  while (words.length < count) {
    const syllables = 2 + Math.floor(r() * r() * 3);
    let word = '';
    for (let s = 0; s < syllables; s++) word += pick(ONSETS) + pick(NUCLEI) + pick(CODAS);
    if (word.length < 4 || seen.has(word)) continue;
    seen.add(word);
    words.push(word);
  }
  return words;
}

export interface Vocabulary {
  /** Every word by rank: words[0] is "the". */
  words: readonly string[];
  /** A word drawn by Zipf frequency. */
  sample(r: () => number): string;
  /** A content word (no function word) between ranks `from` and `to`. */
  content(r: () => number, from?: number, to?: number): string;
}

let cached: Vocabulary | null = null;

export function vocabulary(): Vocabulary {
  if (cached) return cached;
  const words = [...COMMON, ...pseudoWords(VOCABULARY_SIZE - COMMON.length, new Set(COMMON))];
  const cumulative = new Float64Array(words.length);
  let total = 0;
  for (let rank = 0; rank < words.length; rank++) {
    total += 1 / Math.pow(rank + 1 + ZIPF_Q, ZIPF_S);
    cumulative[rank] = total;
  }
  const sample = (r: () => number) => {
    const x = r() * total;
    let lo = 0;
    let hi = words.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return words[lo]!;
  };
  const content = (r: () => number, from = FUNCTION_WORDS.size, to = 3000) => {
    for (;;) {
      const word = words[from + Math.floor(r() * r() * (to - from))]!;
      if (!FUNCTION_WORDS.has(word)) return word;
    }
  };
  cached = { words, sample, content };
  return cached;
}

export const GIVEN = split(`
  Anna Ben Chloé David Elena Farid Grace Hiroshi Ingrid Jamal Katarzyna Luis Maria Nikolai Olga
  Pedro Quentin Rosa Samuel Tomás Uma Victor Wen Xavier Yasmin Zoltan Amara Björn Carmen Dmitri
  Esther Femi Gabriel Hana Ibrahim Julia Kenji Leila Marco Nadia Omar Priya Ravi Sofia Thomas
  Ursula Valentina William Yusuf Zanele Alice James Mary John Sarah Michael Laura Peter Helen
`);

export const FAMILY = split(`
  Smith Garcia Müller Nguyen Okafor Rossi Kowalski Tanaka Johnson Silva Dubois Ivanova Haddad
  Jensen O'Brien Novak Fernández Schmidt Kim Patel Larsen Moreau Costa Yilmaz Andersson Brown
  Wilson Taylor Martin Clarke Walker Wright Hughes Edwards Roberts Evans Lewis Murphy Chen Wang
  Sato Suzuki Kaur Singh Mensah Diallo Abebe Castillo Romero Herrera Vargas Lindqvist Petrov
  Sokolov Horváth Nagy Popescu Papadopoulos Kaya Demir Cohen Levi Friedman Baker Carter Mitchell
`);

export const ORGANISATIONS = [
  'Reuters Staff',
  'Associated Press',
  'Editorial Board',
  'Centre for Policy Research',
  'World Health Organization',
  'Amnesty International',
  'Institute for Fiscal Studies',
  'Royal Society',
  'Human Rights Watch',
  'Open Rights Group',
];

export interface Site {
  title: string;
  host: string;
}

export const SITES: readonly Site[] = [
  ['The Northern Tribune', 'northerntribune.com'],
  ['Daily Ledger', 'dailyledger.co.uk'],
  ['Harbour Gazette', 'harbourgazette.net'],
  ['Global Review', 'globalreview.org'],
  ['The Evening Courier', 'eveningcourier.com'],
  ['Science Monitor', 'sciencemonitor.org'],
  ['Policy Quarterly', 'policyquarterly.org'],
  ['The Civic Observer', 'civicobserver.com'],
  ['Metro Dispatch', 'metrodispatch.com'],
  ['Archive Weekly', 'archiveweekly.net'],
  ['The Frontier Post', 'frontierpost.com'],
  ['Continental Herald', 'continentalherald.eu'],
  ['Pacific Standard Times', 'pacificstandardtimes.com'],
  ['The Valley Chronicle', 'valleychronicle.com'],
  ['Open Democracy Notes', 'opendemocracynotes.org'],
  ['Health Affairs Digest', 'healthaffairsdigest.org'],
  ['The Economist Letter', 'economistletter.com'],
  ['Riverside Times', 'riversidetimes.co.uk'],
  ['The Mountain Journal', 'mountainjournal.net'],
  ['History Today Online', 'historytodayonline.com'],
].map(([title, host]) => ({ title: title!, host: host! }));

export const TAGS = [
  'history',
  'politics',
  'science',
  'economy',
  'health',
  'technology',
  'culture',
  'environment',
  'law',
  'education',
  'war',
  'media',
];
