import fc from 'fast-check';

// Test-only fast-check arbitraries shared by the front ends' property tests.

/** The fixture with random characters inserted, ranges deleted and ranges duplicated. */
export function mutations(fixture: string): fc.Arbitrary<string> {
  const edit = fc.tuple(
    fc.constantFrom('insert', 'delete', 'duplicate'),
    fc.nat(),
    fc.integer({ min: 1, max: 40 }),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 6 }),
  );
  return fc.array(edit, { minLength: 1, maxLength: 12 }).map((edits) => {
    let s = fixture;
    for (const [op, at, length, text] of edits) {
      const i = s.length ? at % s.length : 0;
      if (op === 'insert') s = s.slice(0, i) + text + s.slice(i);
      else if (op === 'delete') s = s.slice(0, i) + s.slice(i + length);
      else s = s.slice(0, i + length) + s.slice(i, i + length) + s.slice(i + length);
    }
    return s;
  });
}

/** Pieces of Markdown syntax, so that random strings often form real constructs. */
const MARKDOWN_PIECES = [
  'a',
  'b',
  'word',
  ' ',
  '  ',
  '\t',
  '\n',
  '\n\n',
  '\r\n',
  '\r',
  '*',
  '**',
  '_',
  '`',
  '```',
  '~~~',
  '#',
  '# ',
  '> ',
  '>',
  '- ',
  '+ ',
  '1. ',
  '2) ',
  '    ',
  '[',
  ']',
  '(',
  ')',
  '![',
  '](',
  '[^1]',
  '[^1]: ',
  '[r]: http://r.example',
  '[r]',
  '<',
  '>',
  '</',
  '<b>',
  '</b>',
  '<script>',
  '</script>',
  '<!--',
  '-->',
  '&amp;',
  '&#169;',
  '&#x1F600;',
  '&fjlig;',
  '&',
  ';',
  '\\',
  '\\*',
  '|',
  '| a | b |',
  '|---|---|',
  '---',
  '***',
  '===',
  'http://x.example',
  'www.x.example',
  'me@x.example',
  '\u00a0',
  '\uFEFF',
  '\u0000',
  'é',
  '😀',
  '---\ntitle: t\n---\n',
  ':',
];

/** Random strings built from Markdown syntax and text. */
export const markdownish: fc.Arbitrary<string> = fc
  .array(fc.constantFrom(...MARKDOWN_PIECES), { maxLength: 80 })
  .map((pieces) => pieces.join(''));
