import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CslItem } from '../article/model.ts';
import { toBibtex } from './bibtex.ts';
import { articleCitekey } from './citation-key.ts';
import {
  CJK,
  properNounsOf,
  REPUBLISHED,
  TESTING_ARTICLES,
} from '../testing/data-format-articles.ts';
import type { CitableArticle } from './types.ts';

/**
 * The classic BibTeX export, run through the real tools: pdflatex, bibtex with plain.bst, and
 * pdflatex again. bibtex must exit 0 (no warning, no error) and the document must build.
 */

const TOOLS = {
  pdflatex: 'texlive-latex-base (and texlive-binaries)',
  bibtex: 'texlive-binaries',
  kpsewhich: 'texlive-binaries',
};

function requireTools(): void {
  for (const [tool, pkg] of Object.entries(TOOLS)) {
    const run = spawnSync(tool, ['--version'], { encoding: 'utf8' });
    if (run.error || run.status !== 0) {
      throw new Error(
        `${tool} is not installed: this test compiles the BibTeX export. Install the Debian ` +
          `packages with \`apt-get install texlive-binaries texlive-latex-base\` (${tool} is in ${pkg}).`,
      );
    }
  }
  for (const file of ['plain.bst', 'url.sty']) {
    const found = spawnSync('kpsewhich', [file], { encoding: 'utf8' }).stdout.trim();
    if (!found) {
      throw new Error(
        `${file} is missing from the TeX installation: apt-get install texlive-latex-base`,
      );
    }
  }
}

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

interface Build {
  bibtexStatus: number | null;
  bibtexOutput: string;
  blg: string;
  bbl: string;
  latexStatus: number | null;
  latexLog: string;
}

/** pdflatex, bibtex, pdflatex, pdflatex on `bib` with the given preamble. */
function build(bib: string, preamble = ''): Build {
  const dir = mkdtempSync(join(tmpdir(), 'quire-bibtex-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'refs.bib'), bib);
  writeFileSync(
    join(dir, 'doc.tex'),
    [
      '\\documentclass{article}',
      preamble,
      '\\usepackage{url}',
      '\\begin{document}',
      '\\nocite{*}',
      '\\bibliographystyle{plain}',
      '\\bibliography{refs}',
      '\\end{document}',
      '',
    ].join('\n'),
  );
  const latex = () =>
    spawnSync('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', 'doc.tex'], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 120_000,
    });
  const first = latex();
  expect(first.status, first.stdout).toBe(0);
  const bibtex = spawnSync('bibtex', ['doc'], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
  const read = (name: string): string => {
    try {
      return readFileSync(join(dir, name), 'utf8');
    } catch {
      return '';
    }
  };
  let final = latex();
  if (final.status === 0) final = latex();
  return {
    bibtexStatus: bibtex.status,
    bibtexOutput: `${bibtex.stdout}${bibtex.stderr}`,
    blg: read('doc.blg'),
    bbl: read('doc.bbl'),
    latexStatus: final.status,
    latexLog: read('doc.log'),
  };
}

function expectClean(result: Build, keys: readonly string[]): void {
  const report = `${result.bibtexOutput}\n${result.blg}`;
  expect(report).not.toMatch(/Warning--/u);
  expect(report).not.toMatch(/error/iu);
  expect(result.bibtexStatus, report).toBe(0);
  for (const key of keys) expect(result.bbl).toContain(`\\bibitem{${key}}`);
  expect(result.latexStatus, result.latexLog.slice(-3000)).toBe(0);
  expect(result.latexLog).not.toMatch(/Citation .* undefined|There were undefined references/u);
}

const exportBib = (articles: readonly CitableArticle[]): string =>
  `${articles.map((a) => toBibtex(a, 'bibtex', properNounsOf(a))).join('\n\n')}\n`;

describe('classic BibTeX through bibtex and pdflatex (plain.bst)', () => {
  it('the tools are installed (texlive-binaries, texlive-latex-base)', () => {
    requireTools();
  });

  it('the testing articles build without a single BibTeX warning', () => {
    requireTools();
    // 王小明 stays UTF-8 (ASCII LaTeX has no spelling for it) and needs a CJK set-up in the
    // document; bibtex itself is checked on it below.
    const articles = TESTING_ARTICLES.filter((a) => a !== CJK);
    const result = build(exportBib(articles));
    expectClean(result, articles.map(articleCitekey));
    // plain.bst prints what the note and howpublished carry.
    expect(result.bbl).toContain(`\\url{${REPUBLISHED.csl.URL}}`);
    expect(result.bbl.replace(/\s+/gu, ' ')).toContain(
      'Global Research. Accessed 2018-08-20. Originally published by South Front.',
    );
  }, 180_000);

  it('letters that exist only in T1 (ą, ð, þ, «») build with \\usepackage[T1]{fontenc}', () => {
    requireTools();
    const article: CitableArticle = {
      csl: {
        id: 't1',
        type: 'webpage',
        title: 'Þingvellir «w Gdańsku» – Ðáni ŋ Đorđe',
        author: [{ family: 'Wałęsa', given: 'Lech' }],
        issued: { 'date-parts': [[2011]] },
        'container-title': 'Á Íslandi',
      },
      originalSource: null,
      body: [],
    };
    const result = build(exportBib([article]), '\\usepackage[T1]{fontenc}');
    expectClean(result, [articleCitekey(article)]);
  }, 180_000);

  it('bad input gives a file bibtex reads without an error or a warning', () => {
    requireTools();
    const base = REPUBLISHED;
    const withCsl = (id: string, csl: Partial<CslItem>): CitableArticle => ({
      ...base,
      citekey: id,
      csl: { ...base.csl, ...csl },
    });
    const bad = [
      withCsl('notitle', { title: undefined }),
      withCsl('noauthor', { author: undefined }),
      withCsl('nothing', { title: undefined, author: undefined, URL: undefined }),
      withCsl('month13', { issued: { 'date-parts': [[2018, 13, 1]] } }),
      withCsl('feb31', { issued: { 'date-parts': [[2019, 2, 31]] } }),
      withCsl('specials', { title: '50% of $100 & #1_{x}~^\\', 'container-title': '}{' }),
      withCsl('braces', { title: 'Open { and } close } again {' }),
      withCsl('many', {
        author: Array.from({ length: 5000 }, (_, i) => ({ family: `Family${i}`, given: 'A.' })),
      }),
      withCsl('names', {
        author: [
          { family: 'Müller', given: 'Jörg' },
          { family: 'Kierkegaard', given: 'Søren' },
          { family: 'Nowak', given: 'Łukasz' },
          { family: 'Brontë', given: 'Zoë' },
          { literal: 'AT&T Research, Inc.' },
        ],
      }),
    ];
    const result = build(exportBib(bad));
    expectClean(
      result,
      bad.map((a) => a.citekey!),
    );
    expect(result.bbl).toContain('Family4999');
  }, 180_000);

  it('bibtex copies a UTF-8 name it cannot spell in ASCII through unchanged', () => {
    requireTools();
    const result = build(exportBib([CJK]), '');
    const report = `${result.bibtexOutput}\n${result.blg}`;
    expect(report).not.toMatch(/Warning--|error/iu);
    expect(result.bibtexStatus).toBe(0);
    expect(result.bbl).toContain('小明 王');
  }, 180_000);
});
