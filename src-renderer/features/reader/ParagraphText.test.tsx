import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Paragraph } from '../../../src-core/article/model.ts';
import { HostProvider, type Host } from '../../host/index.ts';
import { ParagraphText } from './ParagraphText.tsx';

/** Links open through the host; nothing is clicked here. */
const host = { kind: 'web', openExternal: async () => {} } as unknown as Host;

const para = (text: string, extra: Partial<Paragraph> = {}): Paragraph => ({
  n: 1,
  id: 'p1',
  text,
  start: 0,
  end: text.length,
  kind: 'prose',
  spans: [],
  ...extra,
});

const decode = (html: string) =>
  html
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&quot;/gu, '"')
    .replace(/&#x27;/gu, "'")
    .replace(/&amp;/gu, '&');

/** Every `<span data-o="N">text</span>` the paragraph renders. */
function offsetSpans(paragraph: Paragraph): { at: number; text: string }[] {
  const html = renderToStaticMarkup(
    <HostProvider host={host}>
      <ParagraphText paragraph={paragraph} baseUrl="https://example.org/" />
    </HostProvider>,
  );
  return [...html.matchAll(/<span data-o="(\d+)">([^<]*)<\/span>/gu)].map((m) => ({
    at: Number(m[1]),
    text: decode(m[2]!),
  }));
}

/** The highlight mapping's invariant: each span's text is the display text at its offset. */
function expectSpansMatch(paragraph: Paragraph, minimum: number) {
  const spans = offsetSpans(paragraph);
  expect(spans.length).toBeGreaterThanOrEqual(minimum);
  for (const { at, text } of spans) {
    expect(paragraph.text.slice(at, at + text.length)).toBe(text);
  }
}

describe('ParagraphText display offsets (data-o)', () => {
  it('marks prose text split by links and emphasis with where each piece starts', () => {
    const text = 'Read the report & its <annex> today.';
    const spans = offsetSpans(
      para(text, {
        marks: [
          { type: 'link', start: 5, end: 15, href: 'https://example.org/r' },
          { type: 'emphasis', start: 18, end: 21 },
        ],
      }),
    );
    expect(spans.map((s) => s.at)).toEqual([0, 5, 15, 18, 21]);
    expectSpansMatch(para(text, { marks: [{ type: 'strong', start: 0, end: 4 }] }), 2);
  });

  it('keeps offsets in block quotes split into paragraphs and in nested lists', () => {
    expectSpansMatch(para('First quoted.\n\nSecond quoted.', { kind: 'blockquote' }), 2);
    const list = 'One\nTwo\nThree';
    expectSpansMatch(
      para(list, {
        kind: 'list',
        items: [
          { start: 0, end: 3, depth: 0 },
          { start: 4, end: 7, depth: 1 },
          { start: 8, end: 13, depth: 0 },
        ],
      }),
      3,
    );
  });

  it('gives preformatted text one span at 0 and table cells their place in the text', () => {
    expect(offsetSpans(para('a  b\n  c', { kind: 'preformatted' }))).toEqual([
      { at: 0, text: 'a  b\n  c' },
    ]);
    const table = 'Year\tShare\n2018\t56%\n2019\t56%';
    const spans = offsetSpans(para(table, { kind: 'table' }));
    expect(spans.map((s) => s.at)).toEqual([0, 5, 11, 16, 20, 25]);
    expectSpansMatch(para(table, { kind: 'table' }), 6);
  });
});
