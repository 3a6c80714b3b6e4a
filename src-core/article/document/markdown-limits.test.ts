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
});
