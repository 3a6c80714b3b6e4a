import { createRef } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { CapturedImage, Heading, Paragraph } from '../../../src-core/article/model.ts';
import { HostProvider, type Host } from '../../host/index.ts';
import { ParagraphList, type ReaderBodyHandle } from './ParagraphList.tsx';

const para = (n: number, extra: Partial<Paragraph> = {}): Paragraph => ({
  n,
  id: `p${n}`,
  text: `Paragraph ${n}.`,
  start: n * 100,
  end: n * 100 + 12,
  kind: 'prose',
  spans: [],
  ...extra,
});
const heading = (text: string, before: number): Heading => ({
  text,
  level: 2,
  before,
  start: before * 100 + 50,
  end: before * 100 + 60,
});

/** Links open through the host; nothing is clicked here. */
const host = { kind: 'web', openExternal: async () => {} } as unknown as Host;

const render = (
  paragraphs: Paragraph[],
  headings: Heading[] = [],
  cited: number | null = null,
  images: CapturedImage[] = [],
  imageUrls: ReadonlyMap<string, string> = new Map(),
) =>
  renderToStaticMarkup(
    <HostProvider host={host}>
      <ParagraphList
        paragraphs={paragraphs}
        headings={headings}
        images={images}
        imageUrls={imageUrls}
        baseUrl="https://example.org/a/"
        citedParagraph={cited}
        onCite={() => {}}
        scrollElement={null}
        ref={createRef<ReaderBodyHandle>()}
      />
    </HostProvider>,
  );

describe('ParagraphList, short articles (rendered whole)', () => {
  it('shows a figure from its offline copy only, and says so when there is none', () => {
    const image = (id: string, before: number): CapturedImage => ({
      id,
      src: `https://img.example/${id}.png`,
      alt: `Alt ${id}`,
      caption: id === 'a' ? 'The caption' : null,
      before,
    });
    const html = render(
      [para(1), para(2)],
      [],
      null,
      [image('a', 1), image('b', 2)],
      new Map([['a', 'blob:http://app/1']]),
    );
    expect(html).toContain(
      '<figure class="reader-figure" data-testid="reader-figure"><img class="reader-figure__image" src="blob:http://app/1" alt="Alt a"/><figcaption class="reader-figure__caption">The caption</figcaption></figure>',
    );
    expect(html).toContain('Image not saved: Alt b');
    expect(html).not.toContain('img.example');
    // In reading order: paragraph 1, figure a, paragraph 2, figure b.
    const order = [...html.matchAll(/data-n="(\d)"|alt="Alt (a)"|Image not saved: Alt (b)/g)].map(
      (m) => m[1] ?? m[2] ?? m[3],
    );
    expect(order).toEqual(['1', 'a', '2', 'b']);
  });

  it('puts every item in the DOM in reading order, headings right before their paragraph', () => {
    const html = render([para(1), para(2), para(3)], [heading('Middle', 2)], 2);
    expect(html).toBe(
      '<section class="reader-body" aria-label="Article text" data-testid="reader-body">' +
        '<div id="para-1" class="para" data-kind="prose" data-testid="paragraph" data-n="1">' +
        '<button type="button" class="para__number" aria-label="Cite paragraph 1" aria-pressed="false" title="Cite paragraph 1" tabindex="0">1</button>' +
        '<p class="para__text"><span data-o="0">Paragraph 1.</span></p></div>' +
        '<div id="para-2" class="para" data-kind="prose" data-cited="true" data-testid="paragraph" data-n="2">' +
        '<button type="button" class="para__number" aria-label="Cite paragraph 2" aria-pressed="true" title="Cite paragraph 2" tabindex="-1">2</button>' +
        '<p class="para__text"><span data-o="0">Paragraph 2.</span></p></div>' +
        '<h2 class="reader-heading" data-level="2" data-testid="reader-heading">Middle</h2>' +
        '<div id="para-3" class="para" data-kind="prose" data-testid="paragraph" data-n="3">' +
        '<button type="button" class="para__number" aria-label="Cite paragraph 3" aria-pressed="false" title="Cite paragraph 3" tabindex="-1">3</button>' +
        '<p class="para__text"><span data-o="0">Paragraph 3.</span></p></div>' +
        '</section>',
    );
  });

  it('keeps kinds and marks: quotes, lists, preformatted text, links and emphasis', () => {
    const html = render([
      para(1, {
        text: 'See the plan now.',
        marks: [{ type: 'link', start: 4, end: 12, href: 'plan.pdf' }],
      }),
      para(2, {
        kind: 'blockquote',
        text: 'Quoted.',
        marks: [{ type: 'emphasis', start: 0, end: 6 }],
      }),
      para(3, {
        kind: 'list',
        text: 'one\ntwo',
        items: [
          { start: 0, end: 3, depth: 0 },
          { start: 4, end: 7, depth: 0 },
        ],
      }),
      para(4, { kind: 'preformatted', text: 'a  b\n  c' }),
    ]);
    expect(html).toContain('href="https://example.org/a/plan.pdf"');
    expect(html).toContain(
      '<blockquote class="para__text"><p><em><span data-o="0">Quoted</span></em><span data-o="6">.</span></p></blockquote>',
    );
    expect(html).toContain(
      '<ul class="para__text"><li><span><span data-o="0">one</span></span></li><li><span><span data-o="4">two</span></span></li></ul>',
    );
    expect(html).toContain('<pre class="para__text"><span data-o="0">a  b\n  c</span></pre>');
  });

  it('says so when there is no text at all', () => {
    expect(render([])).toBe(
      '<p class="reader-body__empty">No article text was found in this file.</p>',
    );
  });
});

describe('ParagraphList, long articles (virtualized)', () => {
  it('starts with a sized, empty window: items appear once the scroller is measured', () => {
    const body = Array.from({ length: 5000 }, (_, i) => para(i + 1));
    const html = render(body);
    expect(html).toMatch(/^<section class="reader-body reader-body--virtual"[^>]*data-virtual=""/);
    // The estimated height of all 5000 paragraphs, so the scroll bar is right from the start.
    const height = Number(/height:(\d+(?:\.\d+)?)px/.exec(html)?.[1]);
    expect(height).toBeGreaterThan(5000 * 29);
    expect(html.match(/data-testid="paragraph"/g)?.length ?? 0).toBeLessThan(50);
  });
});
