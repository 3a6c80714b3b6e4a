import { describe, expect, it } from 'vitest';
import { capture } from '../testing/capture.ts';
import { readFixture } from '../testing/fixtures.ts';
import { SelectionError, anchorTarget, describeSelection } from './anchor.ts';
import { displayText, findAll, type BodyParagraph } from './display-text.ts';
import type { AnnotationTarget } from './types.ts';

const SOURCE = readFixture('000_bfa7ac14e5553cb7.txt');
const parse = (source: string): BodyParagraph[] =>
  capture(source, 'text/plain').body.map(({ n, id, text }) => ({ n, id, text }));
/** The reference article's 15 body paragraphs. */
const BODY = parse(SOURCE);
const P = (n: number): BodyParagraph => BODY[n - 1]!;

/** The reference article with a paragraph of 160 characters before its first one. */
const INSERTED =
  'The report, released in late July, is based on data that the Resolute Support mission ' +
  'collects every quarter on which side controls or influences each district.';
const WITH_INSERTION = parse(
  SOURCE.replace('ISIS has increased its efforts', `${INSERTED}\n\nISIS has increased its efforts`),
);

const SIGAR = 'the central government controls only about 56-57% of Afghanistan';
const SIGAR_REFLOWED = 'the central government\ncontrols  only about 56-57% of Afghanistan';
const CURLY = 'declare a “victory” in the conflict – something';
const STRAIGHT = 'declare a "victory" in the conflict - something';
/** Paragraph 14 with other words, "The" at the same offset. */
const NEW_P14 = 'Talks in Doha stalled again in September. The next round has not yet been set.';
const PULL_QUOTE = `“…${SIGAR},” says the latest SIGAR report.\n\nAccording to the Special`;
const WITH_PULL_QUOTE = parse(SOURCE.replace('According to the Special', PULL_QUOTE));
const ACROSS = 'operate across the entire country.\n\nOver the past few months';

/** The target of selecting `quote` where it first occurs in (or after) paragraph `n`. */
function select(body: readonly BodyParagraph[], quote: string, n = 1): AnnotationTarget {
  const display = displayText(body);
  const start = display.text.indexOf(quote, display.starts[n - 1]);
  if (start < 0) throw new Error(`not in the article: ${quote}`);
  return describeSelection(body, start, start + quote.length);
}

const TEXT = displayText(BODY).text;

/** A long report: the reference article 25 times in numbered sections, 117,000 characters. */
const LONG = Array.from({ length: 25 }, (_, k) =>
  BODY.map((p) => ({ n: k * 15 + p.n, id: `${p.id}-${k + 1}`, text: `${k + 1}.${p.n} ${p.text}` })),
).flat();

describe('describeSelection', () => {
  const display = displayText(BODY);
  const p5 = display.starts[4]!;
  const p5End = p5 + P(5).text.length;

  it('trims a selection dragged past a paragraph end and keeps 32 characters either side', () => {
    const target = describeSelection(BODY, p5 - 2, p5End + 2);
    expect(target.quote.exact).toBe(P(5).text);
    expect(target.position).toEqual({ type: 'TextPositionSelector', start: p5, end: p5End });
    expect(target.quote.prefix).toBe(`${P(4).text.slice(-30)}\n\n`);
    expect(target.quote.suffix).toBe(`\n\n${P(6).text.slice(0, 30)}`);
    expect(target.paragraphs).toEqual({ firstId: P(5).id, firstN: 5, lastId: P(5).id, lastN: 5 });
  });

  it('keeps only the context there is at the start and the end of the article', () => {
    const end = display.text.length;
    expect(describeSelection(BODY, 0, 4).quote).toMatchObject({ exact: 'ISIS', prefix: '' });
    expect(describeSelection(BODY, 10, 18).quote.prefix).toBe('ISIS has i');
    const last = describeSelection(BODY, end - 5, end).quote;
    expect([last.exact, last.prefix, last.suffix]).toEqual(['ISIS.', TEXT.slice(-37, -5), '']);
  });

  it('describes a quote across two paragraphs with the break in it', () => {
    const target = select(BODY, 'mostly controlled by the Taliban.\n\nThe Taliban is actively', 5);
    expect(target.quote.exact).toContain('\n\n');
    expect(target.paragraphs).toEqual({ firstId: P(5).id, firstN: 5, lastId: P(6).id, lastN: 6 });
  });

  it('never cuts a surrogate pair in the quote or its context', () => {
    // 32 characters either side of "🙂 mark" would start and end inside a flag: 🇦🇫 is 4 units.
    const text = `Flags 🇦🇫 and ${'x'.repeat(26)}🙂 mark ${'y'.repeat(30)}🇦🇫.`;
    const emoji = text.indexOf('🙂');
    const target = describeSelection([{ n: 1, id: 'p-1', text }], emoji + 1, emoji + 7);
    expect(target.quote).toMatchObject({ exact: '🙂 mark', suffix: ` ${'y'.repeat(30)}` });
    expect(target.quote.prefix).toBe(` and ${'x'.repeat(26)}`);
    const end = describeSelection([{ n: 1, id: 'p-1', text }], 0, emoji + 1);
    expect(end.quote.exact.endsWith('🙂')).toBe(true);
  });

  it('refuses an empty selection and one of whitespace only', () => {
    expect(() => describeSelection(BODY, p5, p5)).toThrow(
      new SelectionError('Select some words of the article to highlight.'),
    );
    expect(() => describeSelection(BODY, p5End, p5End + 2)).toThrow(/^Select some words/);
  });

  it('refuses a range outside the text, reversed or not in whole characters', () => {
    const ranges = [
      [-1, 4],
      [0, display.text.length + 1],
      [20, 10],
      [1.5, 9],
    ] as const;
    for (const [start, end] of ranges) {
      const refuse = () => describeSelection(BODY, start, end);
      expect(refuse).toThrow(SelectionError);
      expect(refuse).toThrow(/Select the words again\.$/);
    }
    expect(new SelectionError('x').name).toBe('SelectionError');
  });

  it('refuses a 100,000-character selection, saying the limit, and takes 20,000', () => {
    const refusal = /up to 20,000 characters and this selection has 100,000\. Select less text\.$/;
    expect(() => describeSelection(LONG, 0, 100_000)).toThrow(refusal);
    const start = displayText(LONG).starts[1]!;
    expect(describeSelection(LONG, start, start + 20_000).quote.exact).toHaveLength(20_000);
    expect(() => describeSelection(LONG, start, start + 20_001)).toThrow(SelectionError);
  });
});

describe('anchorTarget', () => {
  const GONE = { status: 'orphaned', reason: 'The quoted text is no longer in the article' };

  it('finds an unchanged article’s quote at its position', () => {
    const target = select(BODY, 'the central government controls only about 56-57%', 5);
    const { start, end } = target.position;
    const anchor = { status: 'anchored', how: 'position', start, end, text: target.quote.exact };
    expect(anchorTarget(BODY, target)).toEqual({ ...anchor, paragraphs: target.paragraphs });
  });

  it.each<[string, BodyParagraph[], number]>([
    ['a paragraph inserted before them', WITH_INSERTION, 1],
    ['a paragraph deleted before them', BODY.slice(1).map((p) => ({ ...p, n: p.n - 1 })), -1],
  ])('finds overlapping quotes moved by %s, with their new number', (_, body, moved) => {
    const shift = displayText(body).starts[5 + moved]! - displayText(BODY).starts[5]!;
    for (const quote of ['153 ISIS members were killed and over 100 others', 'ISIS members']) {
      const target = select(BODY, quote, 6);
      expect(anchorTarget(body, target)).toMatchObject({
        how: 'quote',
        text: quote,
        start: target.position.start + shift,
        paragraphs: { firstId: P(6).id, firstN: 6 + moved, lastN: 6 + moved },
      });
    }
  });

  it('takes the copy nearest the old position among copies with the same context', () => {
    const quote = 'the central government controls'; // far enough from "3.5 " for its context
    const target = select(LONG, quote, 2 * 15 + 5);
    const moved = [{ n: 0, id: 'p-new', text: INSERTED }, ...LONG];
    const start = target.position.start + INSERTED.length + 2;
    expect(anchorTarget(moved, target)).toMatchObject({ how: 'quote', start });
  });

  // Another copy of the quote is nearer its old position than the right one is.
  it.each<[string, BodyParagraph[], string, number, number]>([
    ['a short quote', WITH_INSERTION, 'the Kabul government', 12, 13],
    ['a sentence repeated by a pull quote', WITH_PULL_QUOTE, SIGAR, 5, 6],
  ])('tells %s apart from its copies by its context', (_, body, quote, n, nowN) => {
    const target = select(BODY, quote, n);
    const right =
      displayText(body).starts[nowN - 1]! + target.position.start - TEXT.indexOf(P(n).text);
    const copies = findAll(displayText(body).text, quote, 0, Infinity, 10);
    const distance = (at: number): number => Math.abs(at - target.position.start);
    expect(copies.some((at) => distance(at) < distance(right))).toBe(true);
    expect(anchorTarget(body, target)).toMatchObject({
      how: 'quote',
      start: right,
      paragraphs: { firstId: P(n).id, firstN: nowN },
    });
  });

  // Each case edits one paragraph, as another parser version or the site might: `quote`, selected
  // in the original, is found in the edit and given with the article's current text.
  it.each<[string, number, string, string, string]>([
    ['reflowed whitespace', 5, SIGAR, SIGAR, SIGAR_REFLOWED],
    ['curly quotes and a dash turned straight', 13, CURLY, CURLY, STRAIGHT],
    ['an apostrophe turned curly', 4, "group's self-proclaimed", "group's", 'group’s'],
    ['a word deleted from 233 characters', 5, P(5).text, 'only ', ''],
    ['a dash in a quote too short for edits', 5, '56-57%', '-', '–'],
    // Past 256 characters a quote is found by its first and last 64.
    ['a word changed in 434 characters', 11, P(11).text, 'significantly', 'sharply'],
    ['a line break in a quote across two paragraphs', 2, ACROSS, 'e across', 'e\nacross'],
  ])('follows %s', (_, n, quote, from, to) => {
    const body = BODY.map((p) => (p.n === n ? { ...p, text: p.text.replace(from, to) } : p));
    const lastN = quote.includes('\n\n') ? n + 1 : n;
    expect(anchorTarget(body, select(BODY, quote, n))).toMatchObject({
      status: 'anchored',
      how: 'fuzzy',
      text: quote.replace(from, to),
      paragraphs: { firstId: P(n).id, firstN: n, lastId: P(lastN).id, lastN },
    });
  });

  // `stays`: the quote is still in the article verbatim, in other sentences.
  it.each<[string, number, string, string, boolean]>([
    ['a deleted sentence', 6, 'a large-scale operation against the terrorist', '', false],
    ['a short quote whose sentence was deleted', 6, 'ISIS members', '', true],
    ['"The" once its paragraph was deleted', 14, 'The', '', true],
    ['"The" still at its old offset in new sentences', 14, 'The', NEW_P14, true],
  ])('orphans %s instead of pinning it to a look-alike', (_, n, quote, now, stays) => {
    const body = BODY.flatMap((p) => (p.n !== n ? [p] : now ? [{ ...p, text: now }] : []));
    expect(displayText(body).text.includes(quote)).toBe(stays);
    expect(anchorTarget(body, select(BODY, quote, n))).toEqual(GONE);
  });

  it('accepts a fuzzy match of up to one edit in eight, and no more', () => {
    const target = select(BODY, SIGAR, 5); // 64 characters: 8 edits
    const garble = (edits: number): string =>
      [...SIGAR].map((c, i) => (i % 7 === 3 && i < 7 * edits ? '#' : c)).join('');
    const edited = (edits: number) =>
      BODY.map((p) => ({ ...p, text: p.text.replace(SIGAR, garble(edits)) }));
    expect(anchorTarget(edited(8), target)).toMatchObject({ how: 'fuzzy', text: garble(8) });
    expect(anchorTarget(edited(9), target)).toEqual(GONE);
  });

  it('re-anchors a quote across two paragraphs once a parser reads them as one', () => {
    const merged = BODY.filter((p) => p.n !== 3).map((p) =>
      p.n === 2 ? { ...p, id: 'p-merged', text: `${p.text} ${P(3).text}` } : p,
    );
    expect(anchorTarget(merged, select(BODY, ACROSS, 2))).toMatchObject({
      how: 'fuzzy',
      text: ACROSS.replace('\n\n', ' '),
      paragraphs: { firstId: 'p-merged', firstN: 2, lastN: 2 },
    });
  });

  it('anchors a 20,000-character quote with one word changed by its head and tail', () => {
    const start = displayText(LONG).starts[BODY.length]!; // the second copy's first paragraph
    const target = describeSelection(LONG, start, start + 20_000);
    // The fourth copy's paragraph 8 is in the middle of the quote.
    const body = LONG.map((p) =>
      p.n === 3 * 15 + 8 ? { ...p, text: p.text.replace('intensely', 'strongly') } : p,
    );
    expect(displayText(body).text.indexOf('dislikes strongly')).toBeLessThan(start + 19_000);
    const anchor = anchorTarget(body, target);
    expect(anchor).toMatchObject({ status: 'anchored', how: 'fuzzy', start });
    expect(anchor).toMatchObject({ end: target.position.end - 'intensely'.length + 8 });
    if (anchor.status === 'anchored') expect(anchor.text).toContain('dislikes strongly');
  });

  it('treats HTML in the quote as plain text', () => {
    const html = 'The page said <script>alert("x")</script> &amp; <b>bold</b> things.';
    const body = BODY.map((p) => (p.n === 3 ? { ...p, text: `${p.text} ${html}` } : p));
    const quote = '<script>alert("x")</script> &amp; <b>bold</b>';
    const moved = [{ n: 0, id: 'p-new', text: INSERTED }, ...body];
    expect(anchorTarget(moved, select(body, quote, 3))).toMatchObject({
      how: 'quote',
      text: quote,
    });
  });
});

describe('anchorTarget among many repeats', () => {
  it('keeps to the repeat nearest its old place, also when that one now lies before it', () => {
    const unit = 'alpha beta gamma delta ';
    const body = [{ n: 1, id: 'p1', text: `xyz${unit.repeat(1200)}` }];
    // The 1,100th "beta gamma", selected where everything around it repeats.
    const at = 3 + unit.length * 1100 + 'alpha '.length;
    const target = describeSelection(body, at, at + 'beta gamma'.length);
    // Three characters go from the start: every repeat moves three places back, so the one
    // the highlight was on is now just before its old position, with 1,099 more before it.
    const shifted = [{ ...body[0]!, text: body[0]!.text.slice(3) }];
    const anchor = anchorTarget(shifted, target);
    expect(anchor).toMatchObject({ status: 'anchored', how: 'quote', start: at - 3 });
  });
});
