import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../testing/capture.ts';
import { FIXTURES, readFixture } from '../../testing/fixtures.ts';
import { nestsDeeperThan } from './document.ts';

describe('nestsDeeperThan', () => {
  it('finds 2,722 nested tables in the head of a page, where the block reader does not go', () => {
    // The shape of a fuzzed page (ADR 0017) on which Readability did not return for minutes.
    const page = readFixture('html/academic-highwire.html');
    const html = `${page.slice(0, 1272)}${'<table><tr><td>'.repeat(2722)}${page.slice(1272)}`;
    expect(nestsDeeperThan(parseHtml(html), 250)).toBe(true);
  });

  it('counts depth from the root element: 10 nested divs in body reach depth 11', () => {
    // html is depth 0, body 1, the innermost of the 10 divs 11.
    const doc = parseHtml(`<html><body>${'<div>'.repeat(10)}x${'</div>'.repeat(10)}</body></html>`);
    expect(nestsDeeperThan(doc, 10)).toBe(true);
    expect(nestsDeeperThan(doc, 11)).toBe(false);
  });

  it('finds no real fixture page nested deeper than the extractor limit', () => {
    for (const folder of ['html', 'pages']) {
      for (const name of readdirSync(join(FIXTURES, folder)).filter((n) => n.endsWith('.html'))) {
        expect(nestsDeeperThan(parseHtml(readFixture(`${folder}/${name}`)), 250), name).toBe(false);
      }
    }
  });
});
