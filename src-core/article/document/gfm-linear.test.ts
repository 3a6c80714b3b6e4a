import fc from 'fast-check';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { lastStop, linearGfm, type Event } from './gfm-linear.ts';

const treeWith = (source: string, extension: ReturnType<typeof gfm>): unknown =>
  fromMarkdown(source, { extensions: [extension], mdastExtensions: [gfmFromMarkdown()] });

/** The syntax tree, positions included, with upstream GFM and with the linear one. */
const both = (source: string): [unknown, unknown] => [
  treeWith(source, gfm()),
  treeWith(source, linearGfm()),
];

const DEFINITIONS = '[^1]: A note.\n\n[^w]: Another.\n\n[a]: https://example.org/a\n\n';

/** Pieces that open, close and nest labels, images, links and footnote calls. */
const PIECES = ['!', '![', '[', ']', '^', '^1', '^w', '(', ')', '(x)', 'w', 'word ', ' ', '\n'];
const PIECES_MORE = ['\n\n', '\\]', '&#', '*', '`', 'a', '[a]', '[^1]', '![^1]', 'www.x.org '];

/** The footnote references of a tree. */
function footnoteCalls(tree: unknown): string[] {
  const found: string[] = [];
  const visit = (node: { type: string; identifier?: string; children?: unknown[] }): void => {
    if (node.type === 'footnoteReference') found.push(node.identifier!);
    for (const child of node.children ?? []) visit(child as typeof node);
  };
  visit(tree as Parameters<typeof visit>[0]);
  return found;
}

describe('linearGfm parses as upstream GFM does', () => {
  it.each([
    ['a call after an image opener', `${DEFINITIONS}See ![^1] here.`, ['1']],
    ['a plain call and a call after an image opener', `${DEFINITIONS}[^w] and ![^1].`, ['w', '1']],
    ['stray brackets before a call', `${DEFINITIONS}word ]]] ![^1] word ]]]`, ['1']],
    ['an undefined call after an image opener', `${DEFINITIONS}![^2] ]`, []],
    ['a link between the opener and the bracket', `${DEFINITIONS}![^1 [a](b) ]`, []],
    ['a balanced label between', `${DEFINITIONS}![^1 [x] ]`, []],
    ['an image opener whose label ran on', `${DEFINITIONS}![^1] word ] ]`, ['1']],
    ['a call in a link text', `${DEFINITIONS}[see ![^1]](https://x.org)`, ['1']],
    ['no definitions at all', 'word ![^1] ]]] [^1]', []],
  ])('%s', (_name, source, calls) => {
    const [upstream, linear] = both(source);
    expect(linear).toEqual(upstream);
    expect(footnoteCalls(linear)).toEqual(calls);
  });

  it('on random strings of label, image, link and call syntax', () => {
    const pieces = fc.array(fc.constantFrom(...PIECES, ...PIECES_MORE), { maxLength: 60 });
    const source = fc
      .tuple(fc.boolean(), pieces)
      .map(([defined, p]) => (defined ? DEFINITIONS : '') + p.join(''));
    fc.assert(
      fc.property(source, (s) => {
        const [upstream, linear] = both(s);
        expect(linear).toEqual(upstream);
      }),
      { numRuns: 600 },
    );
  });
});

/** An events array that counts how many of its events are read. */
function countingEvents(): { events: Event[]; reads: () => number } {
  let reads = 0;
  const events = new Proxy([] as Event[], {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  return { events, reads: () => reads };
}

const event = (type: string): Event => ['enter', { type }] as unknown as Event;

describe('lastStop, the footnote construct’s walk back', () => {
  it('reads each event a bounded number of times however many stray brackets follow', () => {
    // The fuzzed clip's shape: thousands of events and a walk after each new one. Walking the
    // whole array each time would read 5,000 × 5,001 / 2 ≈ 12.5 million events.
    const { events, reads } = countingEvents();
    for (let i = 0; i < 5_000; i++) {
      events.push(event('data'));
      expect(lastStop(events)).toBeUndefined();
    }
    expect(reads()).toBeLessThanOrEqual(3 * 5_000);
  });

  it('finds the last opener or stop, also after events were dropped or replaced', () => {
    const events: Event[] = [event('data'), event('labelImage'), event('data')];
    expect(lastStop(events)).toBe(events[1]);
    events.push(event('data'), event('labelLink'));
    expect(lastStop(events)).toBe(events[4]);
    // An attempt failed: its events are dropped and others take their place.
    events.length = 1;
    events.push(event('data'), event('data'), event('data'), event('data'));
    expect(lastStop(events)).toBeUndefined();
    // A label resolved into a link: the events from its start are replaced.
    events.splice(2, 3, event('link'), event('data'), event('link'));
    events.push(event('data'));
    expect(lastStop(events)).toBe(events[4]);
    events.length = 2;
    events.push(event('labelImage'), event('data'));
    expect(lastStop(events)).toBe(events[2]);
  });
});
