import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withoutTitleCasing } from './csl-styles.ts';

const style = (name: string): string =>
  readFileSync(new URL(`../../resources/csl/styles/${name}`, import.meta.url), 'utf8');

describe('withoutTitleCasing', () => {
  it('drops text-case="title" from title variables only', () => {
    const xml = [
      '<text font-style="italic" text-case="title" variable="container-title"/>',
      '<text form="short" quotes="true" text-case="title" variable="title"/>',
      '<label prefix=" (" suffix=")" text-case="title"/>',
      '<text text-case="capitalize-first" variable="genre"/>',
    ].join('\n');
    expect(withoutTitleCasing(xml)).toBe(
      [
        '<text font-style="italic" variable="container-title"/>',
        '<text form="short" quotes="true" variable="title"/>',
        '<label prefix=" (" suffix=")" text-case="title"/>',
        '<text text-case="capitalize-first" variable="genre"/>',
      ].join('\n'),
    );
  });

  it.each(['apa.csl', 'modern-language-association.csl'])(
    'leaves no citeproc title casing on titles in %s, and keeps it on labels',
    (name) => {
      const original = style(name);
      const prepared = withoutTitleCasing(original);
      const titleTexts = /<text\b[^>]*variable="(?:title|container-title)"[^>]*>/gu;
      for (const tag of prepared.match(titleTexts) ?? [])
        expect(tag).not.toContain('text-case="title"');
      const labels = (xml: string): number =>
        (xml.match(/<label\b[^>]*text-case="title"/gu) ?? []).length;
      expect(labels(prepared)).toBe(labels(original));
    },
  );
});
