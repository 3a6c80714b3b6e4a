import { describe, expect, it } from 'vitest';
import { balanceBraces, escapeTex, escapeTexAscii, texName, texNames } from './tex.ts';

// TeX escaping and BibTeX names, on their own; bibtex.test.ts checks them inside whole entries.

describe('names', () => {
  it('double-braces organisations so BibTeX never inverts them', () => {
    expect(texName({ literal: 'South Front' })).toBe('{South Front}');
    expect(texName({ literal: 'Johnson and Johnson' })).toBe('{Johnson and Johnson}');
    expect(texName({ literal: 'AT&T Research' })).toBe('{AT\\&T Research}');
    expect(texName({ literal: 'Médecins Sans Frontières' }, escapeTexAscii)).toBe(
      "{M{\\'e}decins Sans Fronti{\\`e}res}",
    );
  });

  it('writes persons as "von Last, Jr, First" joined with "and"', () => {
    expect(
      texNames([
        { family: 'Smith', given: 'John A.' },
        { family: 'Beethoven', given: 'Ludwig', 'non-dropping-particle': 'van' },
        { family: 'King', given: 'Martin Luther', suffix: 'Jr.' },
        { family: 'Plato' },
      ]),
    ).toBe('Smith, John A. and van Beethoven, Ludwig and King, Jr., Martin Luther and Plato');
    expect(texNames([])).toBeNull();
    expect(texNames([{ literal: '' }])).toBeNull();
  });
});

describe('escapeTex', () => {
  it('escapes all ten TeX specials exactly once', () => {
    expect(escapeTex('Fish & Chips: 100% $5 #1 C_2 {x} ~ ^ \\')).toBe(
      'Fish \\& Chips: 100\\% \\$5 \\#1 C\\_2 \\{x\\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{}',
    );
  });

  it('keeps Unicode letters and typographic quotes', () => {
    expect(escapeTex('Müller’s “Étude”')).toBe('Müller’s “Étude”');
  });

  it('writes braces that do not pair up as commands BibTeX does not count', () => {
    expect(balanceBraces('\\{x\\}')).toBe('\\{x\\}');
    expect(escapeTex('a { b')).toBe('a \\textbraceleft{} b');
    expect(escapeTex('} {x} {')).toBe('\\textbraceright{} \\{x\\} \\textbraceleft{}');
  });
});

describe('escapeTexAscii', () => {
  it('writes accented letters as LaTeX accents', () => {
    const cases: [string, string][] = [
      ['é', "{\\'e}"],
      ['ü', '{\\"u}'],
      ['Ü', '{\\"U}'],
      ['è', '{\\`e}'],
      ['ñ', '{\\~n}'],
      ['â', '{\\^a}'],
      ['í', "{\\'i}"],
      ['ç', '{\\c{c}}'],
      ['š', '{\\v{s}}'],
      ['ő', '{\\H{o}}'],
      ['ů', '{\\r{u}}'],
      ['ā', '{\\=a}'],
      ['ż', '{\\.z}'],
      ['ğ', '{\\u{g}}'],
      ['ą', '{\\k{a}}'],
      ['ệ', '{\\^{\\d{e}}}'],
      ['ǿ', "{\\'{\\o}}"],
    ];
    for (const [letter, tex] of cases) expect(escapeTexAscii(letter), letter).toBe(tex);
  });

  it('writes letters of their own as LaTeX letter commands', () => {
    expect(escapeTexAscii('ø Ø ß æ Æ œ å Å ł Ł ı')).toBe(
      '{\\o} {\\O} {\\ss} {\\ae} {\\AE} {\\oe} {\\aa} {\\AA} {\\l} {\\L} {\\i}',
    );
  });

  it('writes typographic punctuation as TeX ligatures and text commands', () => {
    expect(escapeTexAscii('“Quoted” ‘x’ – — … 5\u00A0km € © «a»')).toBe(
      "``Quoted'' `x' -- --- {\\ldots} 5~km {\\texteuro} {\\copyright} {\\guillemotleft}a{\\guillemotright}",
    );
    expect(escapeTexAscii('a < b | c > d')).toBe(
      'a {\\textless} b {\\textbar} c {\\textgreater} d',
    );
  });

  it('decomposed input gives the same as composed input', () => {
    expect(escapeTexAscii('Mu\u0308ller')).toBe(escapeTexAscii('Müller'));
  });

  it('keeps as UTF-8 only what ASCII LaTeX cannot spell', () => {
    expect(escapeTexAscii('王小明 Ελλάδα')).toBe('王小明 Ελλάδα');
    // ở has the Vietnamese horn, for which LaTeX has no accent command.
    expect(escapeTexAscii('Phở')).toBe('Phở');
  });
});
