import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, HELP } from './main.ts';

const ROOT = join(import.meta.dirname, '../..');
const REFERENCE = join(ROOT, 'src-core/test-fixtures/000_bfa7ac14e5553cb7.txt');

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

function tempFile(name: string, content: Uint8Array | string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'quire-cli-')), name);
  writeFileSync(path, content);
  return path;
}

describe('quire parse', () => {
  it('prints the article record as JSON', async () => {
    const { code, out, err } = await run('parse', REFERENCE);
    expect(err).toBe('');
    expect(code).toBe(0);
    const record = JSON.parse(out);
    expect(record.csl.author).toEqual([{ literal: 'South Front' }]);
    expect(record.originalSource).toEqual({ name: 'South Front', url: null });
    expect(record.body).toHaveLength(15);
    expect(record.body[4].n).toBe(5);
    expect(record.rights.map((n: { kind: string }) => n.kind)).toEqual([
      'republication',
      'copyright',
      'disclaimer',
      'fair-use',
    ]);
    expect(record.source).toMatchObject({
      mediaType: 'text/plain',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });
});

describe('quire cite', () => {
  it('prints APA, MLA and BibTeX references', async () => {
    expect((await run('cite', REFERENCE, '--style', 'apa')).out).toBe(
      'South Front. (2018, August 15). Video: Taliban pushes back against ISIS expansion in Afghanistan. Increased US troops deployed. Global Research.\n',
    );
    expect((await run('cite', REFERENCE, '--style=mla')).out).toBe(
      'South Front. “Video: Taliban Pushes Back against ISIS Expansion in Afghanistan. Increased US Troops Deployed.” Global Research, 15 Aug. 2018.\n',
    );
    const bib = (await run('cite', REFERENCE, '--style', 'bibtex')).out;
    expect(bib).toMatch(/^@online\{southfront2018video,/);
    expect(bib).toContain('author = {{South Front}}');
    expect(bib).toMatch(/month\s*=\s*aug\b/);
  });

  it('prints italics as Markdown when asked', async () => {
    expect((await run('cite', REFERENCE, '--style', 'apa', '--format', 'markdown')).out).toContain(
      '*Video: Taliban pushes back against ISIS expansion in Afghanistan. Increased US troops deployed*',
    );
  });

  it('prints an in-text citation for a locator', async () => {
    expect((await run('cite', REFERENCE, '--style', 'apa', '--locator', 'para. 5')).out).toBe(
      '(South Front, 2018, para. 5)\n',
    );
    expect((await run('cite', REFERENCE, '--style', 'mla', '--locator', 'para. 5')).out).toBe(
      '(South Front, par. 5)\n',
    );
  });
});

describe('quire errors', () => {
  it.each([
    [[], /no command given/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [['parse'], /FILE is missing/],
    [['cite', REFERENCE], /--style must be one of/],
    [['cite', REFERENCE, '--style', 'chicago-ish'], /--style must be one of/],
    [['cite', REFERENCE, '--style'], /--style needs a value/],
    [['cite', REFERENCE, '--style', 'bibtex', '--locator', 'para. 5'], /apa and mla only/],
  ])('exit 2 for usage %j', async (argv, message) => {
    const { code, err, out } = await run(...argv);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message);
  });

  it.each([
    ['empty.txt', new Uint8Array(), /empty/],
    ['image.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), /binary file/],
    ['latin1.txt', new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x61]), /not valid UTF-8/],
  ])('exit 1 with a message for bad input: %s', async (name, bytes, message) => {
    const { code, err, out } = await run('parse', tempFile(name, bytes));
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toMatch(message);
  });

  it('exit 1 for a 50 MB file, refused by its size', async () => {
    const path = tempFile('huge.txt', new Uint8Array(50 * 1024 * 1024).fill(0x61));
    const { code, err, out } = await run('parse', path);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toMatch(/50\.0 MB/);
  });

  it('exit 1 for a directory', async () => {
    const { code, err } = await run('parse', ROOT);
    expect(code).toBe(1);
    expect(err).toMatch(/it is a directory/);
  });

  it('exit 1 for a file that does not exist', async () => {
    const { code, err } = await run('parse', '/nonexistent/article.txt');
    expect(code).toBe(1);
    expect(err).toMatch(/no such file/);
  });

  it('documents every command in --help', async () => {
    const { code, out } = await run('--help');
    expect(code).toBe(0);
    expect(out).toBe(HELP);
    for (const word of [
      'parse FILE',
      'cite FILE',
      '--style',
      '--locator',
      '--format',
      'Exit codes',
    ])
      expect(out).toContain(word);
  });
});

describe('the installed bin', () => {
  it('runs through npm with the documented exit codes', () => {
    const ok = spawnSync(
      'node',
      [join(ROOT, 'bin/quire.mjs'), 'cite', REFERENCE, '--style', 'apa'],
      { encoding: 'utf8' },
    );
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/^South Front\. \(2018, August 15\)\./);
    const bad = spawnSync('node', [join(ROOT, 'bin/quire.mjs'), 'cite'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    const empty = spawnSync('node', [join(ROOT, 'bin/quire.mjs'), 'parse', tempFile('e.txt', '')], {
      encoding: 'utf8',
    });
    expect(empty.status).toBe(1);
    expect(empty.stderr).toMatch(/empty/);
  });
});
