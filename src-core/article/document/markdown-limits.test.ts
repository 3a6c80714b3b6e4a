import { describe, expect, it } from 'vitest';
import { markdownTooCostly } from './markdown-limits.ts';
import { markdownDocument } from './markdown.ts';
import { readFixture } from '../../testing/fixtures.ts';

describe('markdownTooCostly', () => {
  it.each([
    ['emphasis delimiters that resolve in quadratic time', '*_'.repeat(40_000)],
    ['thousands of link openers in one paragraph', '[a]('.repeat(25_000)],
    ['a megabyte of "["', '['.repeat(1_000_000)],
    ['thousands of setext headings', 'a\n=\n'.repeat(100_000)],
    ['a megabyte of syntax with no words', '\\&<!\n'.repeat(250_000)],
    // Found by fuzzing (0017): each unclosed inline-HTML opener scans to the paragraph's end.
    ['thousands of unclosed "<!--" in one paragraph', `a ${'<!--'.repeat(1000)}\n\npara\n`],
    ['thousands of unclosed "<?" in one paragraph', `a ${'<?'.repeat(1000)}\n\npara\n`],
    ['thousands of unclosed "<!D" in one paragraph', `a ${'<!D'.repeat(1000)}\n\npara\n`],
    // Found by fuzzing too: GFM's autolink literals cost the square of a "[…]" span.
    ['an image link whose address runs on for 40 KB', `[![Map](https://w${'word '.repeat(8000)}\n`],
    [
      'a "[" followed by 40 KB of words',
      `a [Sub${'word '.repeat(8000)}ribe now](https://x.example/s)\n`,
    ],
  ])('sends %s to the plain-text reader', (_name, source) => {
    expect(markdownTooCostly(source)).toBe(true);
    const doc = markdownDocument(source);
    expect(doc.format).toBe('markdown');
    for (const block of doc.blocks) expect(block.kind).not.toBe('heading');
  });

  it.each(['obsidian-web-clipper.md', 'markdownload.md', 'substack-post.md', 'wordpress-post.md'])(
    'leaves the real clip %s to the Markdown parser',
    (name) => {
      const clip = readFixture(`markdown/${name}`);
      expect(markdownTooCostly(clip)).toBe(false);
      expect(markdownTooCostly(clip.repeat(200))).toBe(false);
    },
  );

  it('leaves a paragraph of a few hundred comments that close to the Markdown parser', () => {
    const source = `Intro ${'<!-- ad slot --> word '.repeat(300)}\n\nNext paragraph.\n`;
    expect(markdownTooCostly(source)).toBe(false);
  });

  it('counts unclosed openers per paragraph: a blank line ends their scan', () => {
    const paragraphs = `A note <!-- <!-- on the harbour vote, left open by the editor.\n\n`.repeat(
      5000,
    );
    expect(markdownTooCostly(paragraphs)).toBe(false);
  });
});
