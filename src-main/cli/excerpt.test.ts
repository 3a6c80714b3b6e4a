import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { HELP, runCli } from './main.ts';
import { removeTempDirs, tempFile } from './test-paths.ts';

const ROOT = join(import.meta.dirname, '../..');
const REFERENCE = join(ROOT, 'src-core/test-fixtures/000_bfa7ac14e5553cb7.txt');
const APA_CSL = join(ROOT, 'resources/csl/styles/apa.csl');
const QUOTE = 'the central government controls only about 56-57% of Afghanistan';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

const excerpt = (...extra: string[]) => run('excerpt', REFERENCE, '--quote', QUOTE, ...extra);

/** The reference article's notices, as `quire parse` reads them. */
let notices: { kind: string; text: string; display: string; sha256: string }[];
beforeAll(async () => {
  notices = JSON.parse((await run('parse', REFERENCE)).out).rights;
});
afterAll(removeTempDirs);

describe('quire excerpt', () => {
  it('APA text: the quote, then (South Front, 2018, para. 5), the reference and the hashes', async () => {
    const { code, out, err } = await excerpt('--style', 'apa', '--format', 'text');
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain(`“${QUOTE}” (South Front, 2018, para. 5)\n`);
    expect(out).toContain('Reference: South Front. (2018, August 15). Video: Taliban pushes back');
    expect(out).toMatch(/^Quote SHA-256: [0-9a-f]{64}$/mu);
    expect(out).toMatch(/^Source SHA-256: [0-9a-f]{64}$/mu);
  });

  it('MLA text: (South Front, par. 5)', async () => {
    const { code, out } = await excerpt('--style', 'mla', '--format', 'text');
    expect(code).toBe(0);
    expect(out).toContain(`“${QUOTE}” (South Front, par. 5)\n`);
  });

  it("holds every notice's exact text byte for byte, in text and in Markdown", async () => {
    expect(notices).toHaveLength(4);
    for (const format of ['text', 'md']) {
      const { out } = await excerpt('--style', 'apa', '--format', format);
      for (const n of notices) {
        expect(out, `${format}: ${n.kind}`).toContain(n.text);
        expect(out, `${format}: ${n.kind}`).toContain(n.sha256);
      }
    }
  });

  it('writes Markdown by default: a blockquote with the citation, a note escaped', async () => {
    const { code, out } = await excerpt('--style', 'apa', '--note', 'See *also* <u>ch. 2</u>');
    expect(code).toBe(0);
    expect(out).toMatch(/^# Excerpts — APA 7\n/u);
    expect(out).toContain(`> “${QUOTE}” (South Front, 2018, para. 5)\n`);
    expect(out).toContain('**Note:** See \\*also\\* \\<u\\>ch. 2\\</u\\>\n');
  });

  it('escapes a hostile note in HTML', async () => {
    const note = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const { code, out } = await excerpt('--style', 'apa', '--format', 'html', '--note', note);
    expect(code).toBe(0);
    expect(out).not.toMatch(/<script|<img|onerror=alert\(2\)>/iu);
    expect(out).toContain(
      '&#60;script&#62;alert(1)&#60;/script&#62;&#60;img src=x onerror=alert(2)&#62;',
    );
    expect(out).toContain(`“${QUOTE}” <span class="citation">(South Front, 2018, para. 5)</span>`);
  });

  it('cites in any built-in style or a .csl file', async () => {
    const chicago = await excerpt('--style', 'chicago-notes', '--format', 'text');
    expect(chicago.code).toBe(0);
    expect(chicago.out).toMatch(/Global Research, August 15, 2018, para\. 5\.\n/u);
    const custom = await excerpt('--style', APA_CSL, '--format', 'text');
    expect(custom.err).toBe('');
    expect(custom.out).toContain('(South Front, 2018, para. 5)');
  });

  it('--locator section counts within the heading in APA, and numbers on without headings', async () => {
    const md = tempFile(
      'guide.md',
      '# Flu basics\n\nBy Ann Lee\n\nFlu is a respiratory illness.\n\n## Symptoms\n\n' +
        'Fever comes first.\n\nA cough follows within days of the fever.\n',
    );
    const sectioned = await run(
      'excerpt',
      md,
      '--quote',
      'A cough follows',
      '--style',
      'apa',
      '--locator',
      'section',
      '--format',
      'text',
    );
    expect(sectioned.err).toBe('');
    expect(sectioned.out).toMatch(/\(Lee, n\.d\., Symptoms section, para\. 2\)\n/u);
    const whole = await excerpt('--style', 'apa', '--locator', 'section', '--format', 'text');
    expect(whole.out).toContain('(South Front, 2018, para. 5)');
  });

  it('a misspelt quote: exit 1, naming the closest match in paragraph 5', async () => {
    const typo = 'the central goverment controls only about 56-57% of Afganistan';
    const { code, out, err } = await run('excerpt', REFERENCE, '--quote', typo, '--style', 'apa');
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toBe(
      `quire: Quote not found in the article. Closest match, in paragraph 5: "${QUOTE}"\n`,
    );
  });

  it('a quote far from any text: exit 1', async () => {
    const { code, err } = await run(
      'excerpt',
      REFERENCE,
      '--quote',
      'Penguins waddle across Antarctic ice',
      '--style',
      'apa',
    );
    expect(code).toBe(1);
    expect(err).toMatch(/^quire: Quote not found in the article/u);
  });

  it('a 100,000-character quote: exit 1 with a message that says why', async () => {
    const { code, out, err } = await run(
      'excerpt',
      REFERENCE,
      '--quote',
      'a'.repeat(100_000),
      '--style',
      'apa',
    );
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toMatch(
      /^quire: The quote has 100,000 characters, more than the article's whole text \(4,\d{3}\): it cannot be in the article\.\n$/u,
    );
  });

  it('usage errors exit 2 before reading the file: empty quote, data format, no quote, bad option values', async () => {
    for (const argv of [
      ['excerpt', REFERENCE, '--quote', '', '--style', 'apa'],
      ['excerpt', REFERENCE, '--quote', QUOTE, '--style', 'bibtex'],
      ['excerpt', REFERENCE, '--style', 'apa'],
      ['excerpt', REFERENCE, '--quote', QUOTE],
      ['excerpt', REFERENCE, '--quote', QUOTE, '--style', 'apa', '--format', 'docx'],
      ['excerpt', REFERENCE, '--quote', QUOTE, '--style', 'apa', '--locator', 'page'],
      ['excerpt', '/nonexistent/a.txt', '--quote', QUOTE, '--style', 'nonsense'],
    ]) {
      const { code, out, err } = await run(...argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(out).toBe('');
      expect(err).toMatch(/Run "quire --help" for usage\.\n$/u);
    }
    expect((await run('excerpt', REFERENCE, '--quote', QUOTE, '--style', 'bibtex')).err).toContain(
      'bibtex is a data format',
    );
  });

  it('a file that cannot be read: exit 1', async () => {
    const { code, err } = await run(
      'excerpt',
      '/nonexistent/a.txt',
      '--quote',
      QUOTE,
      '--style',
      'apa',
    );
    expect(code).toBe(1);
    expect(err).toMatch(/^quire: /u);
  });

  it('is documented in the help', () => {
    expect(HELP).toContain('quire excerpt FILE --quote TEXT --style STYLE');
    expect(HELP).toContain('--locator paragraph|section');
  });
});
