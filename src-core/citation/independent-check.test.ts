import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import type { CslItem } from '../article/model.ts';
import { CITATION_ARTICLES } from '../testing/citation-articles.ts';
import { CSL_RESOURCES } from '../testing/fixtures.ts';
import {
  limited,
  normaliseWhitespace,
  requirePandoc,
  runPandoc,
  type PandocCitation,
} from '../testing/pandoc.ts';
import { createCitationEngine } from './engine.ts';
import type { StyleInfo } from './styles.ts';

// Item 7 of the citation engine issue: every built-in style renders every fixture through
// Quire (citation-js + citeproc-js) and through pandoc's citeproc (the Haskell `citeproc`
// library), from the same casing-prepared CSL item, the same style XML and the same locale
// file. The two must agree, except for the disagreements reviewed against the style manuals
// in known-differences.json (see known-differences.md), which must still come out exactly as
// recorded so that any change — a fix on either side — is noticed and the list kept honest.

/**
 * `reference-order`: an entry the two processors put in different places in the same sorted
 * list (the entries off their longest common order), recorded with the entry before it.
 */
type Form = 'reference' | 'in-text' | 'in-text-locator' | 'reference-order';

interface Case {
  style: string;
  fixture: string;
  form: Form;
  quire: string;
  pandoc: string;
}

interface KnownDifference {
  style: string;
  fixture: string;
  form: Form;
  quire: string;
  pandoc: string;
  rightOne: 'quire' | 'pandoc' | 'neither';
  cause: string;
  reason: string;
}

const LOCATOR = 'para. 5';

const PANDOC_VERSION = requirePandoc();
const engine = createCitationEngine(CSL_RESOURCES);
const KNOWN: KnownDifference[] = JSON.parse(
  readFileSync(new URL('./known-differences.json', import.meta.url), 'utf8'),
) as KnownDifference[];
const keyOf = (c: { style: string; fixture: string; form: Form }): string =>
  `${c.style} | ${c.fixture} | ${c.form}`;

/**
 * A numeric style numbers items in the order a document first cites them. Quire's inText
 * cites the article alone, so its number is always 1; in pandoc's document, which cites every
 * fixture in fixture order (the order Quire's bibliography() numbers them in), it is the
 * fixture's position. Only that number is rewritten, and only after checking it is there.
 */
function renumbered(quire: string, number: number): string {
  const m = /(?<![\d.])1(?!\d)/u.exec(quire);
  if (!m) throw new Error(`No citation number 1 in the numeric citation "${quire}"`);
  return `${quire.slice(0, m.index)}${number}${quire.slice(m.index + 1)}`;
}

interface QuireSide {
  /** bibliography() of every fixture, in the style's order. */
  list: string[];
  inText: string[];
  inTextLocator: string[];
}

interface PandocSide {
  entries: Map<string, string>;
  inText: string[];
  inTextLocator: string[];
}

const ARTICLES = CITATION_ARTICLES;
const STYLES = engine.styles();

/**
 * pandoc's side of one style. Every fixture is cited once without and once with the locator,
 * each citation in its own paragraph. Note styles print a later citation of the same work as a
 * short note, so their located citations go into a second document, where they are first
 * citations too; the in-text styles ignore position and take both in one document.
 */
function pandocSide(style: StyleInfo, schedule: ReturnType<typeof limited>): Promise<PandocSide> {
  const first = engine.prepared(ARTICLES[0]!, style.id);
  const items = ARTICLES.map((a): CslItem => ({
    ...engine.prepared(a, style.id).item,
    id: a.name,
  }));
  const plain: PandocCitation[] = ARTICLES.map((a) => ({ id: a.name }));
  const located: PandocCitation[] = ARTICLES.map((a) => ({ id: a.name, locator: LOCATOR }));
  const render = (citations: PandocCitation[]) =>
    schedule(() =>
      runPandoc({
        styleXml: first.styleXml,
        lang: first.locale,
        localeXml: first.localeXml,
        items,
        citations,
      }),
    );
  const n = ARTICLES.length;
  if (style.kind === 'note') {
    return Promise.all([render(plain), render(located)]).then(([a, b]) => ({
      entries: a.entries,
      inText: a.citations,
      inTextLocator: b.citations,
    }));
  }
  return render([...plain, ...located]).then((a) => ({
    entries: a.entries,
    inText: a.citations.slice(0, n),
    inTextLocator: a.citations.slice(n),
  }));
}

/** Lets pandoc's finished processes be collected and the next ones started. */
const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

async function quireSide(style: StyleInfo): Promise<QuireSide> {
  const numeric = style.kind === 'numeric';
  const number = (text: string, i: number): string => (numeric ? renumbered(text, i + 1) : text);
  const side: QuireSide = {
    list: engine.bibliography(ARTICLES, style.id, 'text').map(normaliseWhitespace),
    inText: [],
    inTextLocator: [],
  };
  for (const [i, a] of ARTICLES.entries()) {
    await tick();
    side.inText.push(number(engine.inText(a, style.id, {}, 'text'), i));
    side.inTextLocator.push(number(engine.inText(a, style.id, { locator: LOCATOR }, 'text'), i));
  }
  return side;
}

const words = (text: string): Set<string> => new Set(text.toLowerCase().split(/[\s,.;:()]+/u));

function similarity(a: string, b: string): number {
  const x = words(a);
  const y = words(b);
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return (2 * shared) / (x.size + y.size);
}

/**
 * Which fixture each entry of Quire's reference list belongs to (its index in the list). A
 * numeric list keeps the order given, fixture order. A sorted list is matched to pandoc's
 * entries: identical text first; the entries the two render differently then go to the most
 * similar entry left (they differ in a word or a mark, and every fixture has its own first
 * author and title).
 */
function quireEntries(
  style: StyleInfo,
  list: readonly string[],
  pandoc: ReadonlyMap<string, string>,
): Map<string, number> {
  if (style.kind === 'numeric') return new Map(ARTICLES.map((a, i) => [a.name, i]));
  const byId = new Map<string, number>();
  const taken = new Set<number>();
  for (const [id, text] of pandoc) {
    const at = list.findIndex((entry, i) => entry === text && !taken.has(i));
    if (at >= 0) {
      byId.set(id, at);
      taken.add(at);
    }
  }
  const ids = ARTICLES.map((a) => a.name).filter((id) => !byId.has(id));
  const pairs = list
    .flatMap((entry, at) =>
      taken.has(at)
        ? []
        : ids.map((id) => ({ at, id, score: similarity(entry, pandoc.get(id) ?? '') })),
    )
    .sort((x, y) => y.score - x.score);
  for (const { at, id } of pairs) {
    if (byId.has(id) || taken.has(at)) continue;
    byId.set(id, at);
    taken.add(at);
  }
  return byId;
}

/**
 * pandoc runs while Quire renders: the slow Chicago styles first, one process per spare core (at
 * most two: each takes about 1.6 GB while it compiles a Chicago style).
 */
const schedule = limited(Math.max(1, Math.min(2, availableParallelism() - 1)));
const byCost = [...STYLES].sort(
  (a, b) => Number(b.id.startsWith('chicago')) - Number(a.id.startsWith('chicago')),
);
const pending = Promise.all(
  byCost.map((s) => pandocSide(s, schedule).then((side) => [s.id, side] as const)),
);
const QUIRE = new Map<string, QuireSide>();
for (const style of STYLES) QUIRE.set(style.id, await quireSide(style));
const PANDOC = new Map<string, PandocSide>(await pending);
const ENTRIES = new Map(
  STYLES.map((s) => [s.id, quireEntries(s, QUIRE.get(s.id)!.list, PANDOC.get(s.id)!.entries)]),
);

const CASES: Case[] = STYLES.flatMap((style) => {
  const q = QUIRE.get(style.id)!;
  const p = PANDOC.get(style.id)!;
  const entries = ENTRIES.get(style.id)!;
  return ARTICLES.flatMap((a, i): Case[] => {
    const c = (form: Form, quire: string | undefined, pandoc: string | undefined): Case => ({
      style: style.id,
      fixture: a.name,
      form,
      quire: normaliseWhitespace(quire ?? ''),
      pandoc: normaliseWhitespace(pandoc ?? ''),
    });
    return [
      c('reference', q.list[entries.get(a.name) ?? -1], p.entries.get(a.name)),
      c('in-text', q.inText[i], p.inText[i]),
      c('in-text-locator', q.inTextLocator[i], p.inTextLocator[i]),
    ];
  });
});

/** The longest common subsequence of two orders of the same ids. */
function commonOrder(x: readonly string[], y: readonly string[]): Set<string> {
  const table = x.map(() => new Array<number>(y.length + 1).fill(0));
  table.push(new Array<number>(y.length + 1).fill(0));
  for (let i = x.length - 1; i >= 0; i--) {
    for (let j = y.length - 1; j >= 0; j--) {
      table[i]![j] =
        x[i] === y[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  const common = new Set<string>();
  for (let i = 0, j = 0; i < x.length && j < y.length;) {
    if (x[i] === y[j]) {
      common.add(x[i]!);
      i++;
      j++;
    } else if (table[i + 1]![j]! >= table[i]![j + 1]!) i++;
    else j++;
  }
  return common;
}

/** Sorted lists: each entry that is out of the common order is a case of its own. */
const ORDER_CASES: Case[] = STYLES.filter((s) => s.kind !== 'numeric').flatMap((style) => {
  const pandoc = PANDOC.get(style.id)!.entries;
  const printed = (id: string): boolean => !!pandoc.get(id);
  const pandocOrder = [...pandoc.keys()].filter(printed);
  const quireOrder = [...ENTRIES.get(style.id)!]
    .filter(([id]) => printed(id))
    .sort((x, y) => x[1] - y[1])
    .map(([id]) => id);
  const common = commonOrder(quireOrder, pandocOrder);
  const after = (order: string[], id: string): string =>
    `after ${order[order.indexOf(id) - 1] ?? '(first)'}`;
  return pandocOrder
    .filter((id) => !common.has(id))
    .map((id) => ({
      style: style.id,
      fixture: id,
      form: 'reference-order' as const,
      quire: after(quireOrder, id),
      pandoc: after(pandocOrder, id),
    }));
});

const ALL_CASES = [...CASES, ...ORDER_CASES];
const DIFFERENT = ALL_CASES.filter((c) => c.quire !== c.pandoc);

// QUIRE_CITATION_DIFFERENCES=path writes every disagreement, with the decisions already
// recorded, for review after a pandoc, citeproc-js or style update.
const out = process.env.QUIRE_CITATION_DIFFERENCES;
if (out) {
  const recorded = new Map(KNOWN.map((k) => [keyOf(k), k]));
  const review = DIFFERENT.map((c) => {
    const k = recorded.get(keyOf(c));
    return k && k.quire === c.quire && k.pandoc === c.pandoc
      ? k
      : { ...c, rightOne: '?', cause: k?.cause ?? '?', reason: k?.reason ?? '?' };
  });
  writeFileSync(out, `${JSON.stringify(review, null, 2)}\n`);
}

describe(`Quire and pandoc's citeproc (${PANDOC_VERSION}) agree`, () => {
  it('compares every built-in style and every fixture', () => {
    expect(ARTICLES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(ARTICLES.map((a) => a.name)).size).toBe(ARTICLES.length);
    expect(CASES).toHaveLength(STYLES.length * ARTICLES.length * 3);
    expect(STYLES.map((s) => s.id)).toEqual(expect.arrayContaining(['apa', 'mla', 'vancouver']));
  });

  it('gives every fixture its own first author or, without one, its own title', () => {
    // Quire renders one article at a time and never disambiguates; pandoc renders them all in
    // one document and would (2020a, added initials, MLA's short title) if two could be confused.
    const firstNames = ARTICLES.map((a) => {
      const first = a.csl.author?.[0];
      return (first?.family ?? first?.literal ?? `title: ${a.csl.title ?? ''}`).toLowerCase();
    });
    expect(new Set(firstNames).size).toBe(firstNames.length);
  });

  it("finds the fixture of every entry in Quire's reference lists", () => {
    for (const style of STYLES) {
      const list = QUIRE.get(style.id)!.list;
      expect(new Set(ENTRIES.get(style.id)!.values()).size, style.id).toBe(list.length);
      if (style.kind === 'numeric') expect(list, style.id).toHaveLength(ARTICLES.length);
    }
  });

  const known = new Map(KNOWN.map((k) => [keyOf(k), k]));

  it.each(ALL_CASES)('$style | $fixture | $form', (c) => {
    const recorded = known.get(keyOf(c));
    if (recorded) {
      expect(
        { quire: c.quire, pandoc: c.pandoc },
        `${keyOf(c)} is a known difference (${recorded.cause}): one side changed; review known-differences.json`,
      ).toEqual({ quire: recorded.quire, pandoc: recorded.pandoc });
    } else {
      expect(c.quire, `${keyOf(c)}: Quire (received) vs pandoc (expected)`).toBe(c.pandoc);
    }
  });

  it('records only differences that still occur, each with a decision', () => {
    const keys = new Set(ALL_CASES.map(keyOf));
    expect(KNOWN.filter((k) => !keys.has(keyOf(k))).map(keyOf)).toEqual([]);
    expect(new Set(KNOWN.map(keyOf)).size).toBe(KNOWN.length);
    for (const k of KNOWN) {
      expect(['quire', 'pandoc', 'neither'], keyOf(k)).toContain(k.rightOne);
      expect(k.quire, keyOf(k)).not.toBe(k.pandoc);
      expect(k.reason.length, keyOf(k)).toBeGreaterThan(20);
    }
  });
});
