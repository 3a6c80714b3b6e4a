import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, HELP } from './main.ts';
import { DEV_ZERO, makeFifo, removeTempDirs, tempDir, tempFile, withinTime } from './test-paths.ts';

const ROOT = join(import.meta.dirname, '../..');
const REFERENCE = join(ROOT, 'src-core/test-fixtures/000_bfa7ac14e5553cb7.txt');

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

afterAll(removeTempDirs);

/** A FIFO nobody writes to: any attempt to read it would block (or, now, be refused). */
const FIFO = makeFifo('page.html');
const MISSING = '/nonexistent/article.txt';

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

describe('quire parse: encodings and HTML', () => {
  function utf16(text: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
    const units = `${bom ? '\uFEFF' : ''}${text}`;
    const view = new DataView(new ArrayBuffer(units.length * 2));
    for (let i = 0; i < units.length; i++)
      view.setUint16(i * 2, units.charCodeAt(i), endian === 'le');
    return new Uint8Array(view.buffer);
  }

  it('reads the same article in UTF-8, UTF-8+BOM and UTF-16 LE/BE with or without BOM', async () => {
    const text = readFileSync(REFERENCE, 'utf8');
    const variants: [string, Uint8Array | string][] = [
      ['utf8.txt', text],
      ['utf8-bom.txt', `\uFEFF${text}`],
      ['utf16le-bom.txt', utf16(text, 'le', true)],
      ['utf16le.txt', utf16(text, 'le', false)],
      ['utf16be-bom.txt', utf16(text, 'be', true)],
      ['utf16be.txt', utf16(text, 'be', false)],
    ];
    const outputs = [];
    for (const [name, content] of variants) {
      const { code, out, err } = await run('parse', tempFile(name, content));
      expect(err).toBe('');
      expect(code).toBe(0);
      const { csl, body, rights } = JSON.parse(out);
      outputs.push(JSON.stringify({ title: csl.title, author: csl.author, body, rights }));
    }
    expect(new Set(outputs).size).toBe(1);
  });

  const PAGE = `<!doctype html><html lang="en-GB"><head><title>Rivers Rise Again | The Northern Review</title>
<meta property="og:site_name" content="The Northern Review">
<meta name="author" content="Ann Lee"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Rivers Rise Again</h1><p class="byline">By Ann Lee</p>
<p>The river rose by two metres overnight, and the town&rsquo;s flood gates held for the first time since they were built.</p>
<p>Engineers said the gates had been tested in spring, when a smaller flood reached the same streets.</p>
<h2>What comes next</h2>
<p>The council will meet on Monday to decide whether the gates stay shut for the rest of the week.</p></article>
<footer><p>&copy; 2021 The Northern Review. All rights reserved.</p></footer></body></html>`;

  it('parses an HTML page end to end, also when it is saved as .txt', async () => {
    for (const name of ['page.html', 'page.txt']) {
      const path = tempFile(name, PAGE);
      const { code, out, err } = await run('parse', path);
      expect(err).toBe('');
      expect(code).toBe(0);
      const record = JSON.parse(out);
      expect(record.source.mediaType).toBe('text/html');
      expect(record.csl.title).toBe('Rivers Rise Again');
      expect(record.csl.author).toEqual([{ family: 'Lee', given: 'Ann' }]);
      expect(record.csl['container-title']).toBe('The Northern Review');
      expect(record.body.map((p: { n: number }) => p.n)).toEqual([1, 2, 3]);
      expect(record.body[0].text).toBe(
        'The river rose by two metres overnight, and the town’s flood gates held for the first time since they were built.',
      );
      expect(record.body[0].id).toMatch(/^p-[0-9a-f]{16}$/);
      expect(record.headings).toEqual([
        expect.objectContaining({ text: 'What comes next', level: 2, before: 2 }),
      ]);
      expect(record.parserVersion).toBe(3);
      const [notice] = record.rights;
      expect(notice.kind).toBe('copyright');
      expect(notice.text).toBe('&copy; 2021 The Northern Review. All rights reserved.');
      expect(PAGE.slice(notice.start, notice.end)).toBe(notice.text);
      expect(notice.display).toBe('© 2021 The Northern Review. All rights reserved.');
    }
    const cite = await run('cite', tempFile('page.html', PAGE), '--style', 'apa');
    expect(cite.code).toBe(0);
    expect(cite.out).toMatch(/^Lee, A\. \(n\.d\.\)\. Rivers rise again\. The Northern Review\.\n$/);
  });
});

describe('quire cite', () => {
  it('prints APA, MLA and classic BibTeX references', async () => {
    expect((await run('cite', REFERENCE, '--style', 'apa')).out).toBe(
      'South Front. (2018, August 15). Video: Taliban pushes back against ISIS expansion in Afghanistan. Increased US troops deployed. Global Research.\n',
    );
    expect((await run('cite', REFERENCE, '--style=mla')).out).toBe(
      'South Front. “Video: Taliban Pushes Back against ISIS Expansion in Afghanistan. Increased US Troops Deployed.” Global Research, 15 Aug. 2018.\n',
    );
    const bib = (await run('cite', REFERENCE, '--style', 'bibtex')).out;
    expect(bib).toMatch(/^@misc\{southfront2018video,/);
    expect(bib).toContain('author = {{South Front}}');
    expect(bib).toMatch(/month\s*=\s*aug\b/);
  });

  it('prints italics as Markdown when asked', async () => {
    expect((await run('cite', REFERENCE, '--style', 'apa', '--format', 'markdown')).out).toContain(
      '*Video: Taliban pushes back against ISIS expansion in Afghanistan. Increased US troops deployed*',
    );
  });

  it('prints the reference in every shipped style', async () => {
    const styles = {
      'chicago-author-date': /^South Front\. 2018\. “Video: Taliban Pushes Back Against ISIS/u,
      'chicago-notes': /^South Front\. “Video: Taliban Pushes Back Against ISIS/u,
      'chicago-shortened-notes': /^South Front\. “Video: Taliban Pushes Back Against ISIS/u,
      harvard: /^South Front \(2018\) Video: Taliban pushes back against ISIS/u,
      ieee: /^\[1\] South Front, “Video: Taliban pushes back against ISIS/u,
      vancouver: /^1\. South Front\. Global Research/u,
    };
    for (const [style, expected] of Object.entries(styles)) {
      const { code, out } = await run('cite', REFERENCE, '--style', style);
      expect(code, style).toBe(0);
      expect(out, style).toMatch(expected);
    }
  });

  it('prints the note of a note style for a locator', async () => {
    expect(
      (await run('cite', REFERENCE, '--style', 'chicago-shortened-notes', '--locator', 'para. 5'))
        .out,
    ).toBe('South Front, “Video: Taliban Pushes Back,” para. 5.\n');
  });

  it('cites with a custom .csl style given as a path, and refuses a file that is not one', async () => {
    const style = join(ROOT, 'e2e/fixtures/quire-short.csl');
    expect((await run('cite', REFERENCE, '--style', style)).out).toBe(
      'South Front — Video: Taliban pushes back against ISIS expansion in Afghanistan. Increased US troops deployed — Global Research — 2018.\n',
    );
    expect((await run('cite', REFERENCE, '--style', style, '--locator', '5')).out).toBe(
      '<South Front 2018, p. 5>\n',
    );
    const broken = await run(
      'cite',
      REFERENCE,
      '--style',
      join(ROOT, 'e2e/fixtures/not-a-style.csl'),
    );
    expect(broken.code).toBe(1);
    expect(broken.out).toBe('');
    expect(broken.err).toMatch(/^quire: This file is not well-formed XML/u);
  });

  it('refuses a locator the article does not have, with exit code 1', async () => {
    for (const [locator, message] of [
      ['para. 99', 'Paragraph 99 does not exist: this article has paragraphs 1 to 15'],
      ['abc', '"abc" is not a locator'],
      ['paras. 7-3', 'The range 7-3 runs backwards'],
    ]) {
      const { code, err, out } = await run(
        'cite',
        REFERENCE,
        '--style',
        'apa',
        '--locator',
        locator!,
      );
      expect(code).toBe(1);
      expect(out).toBe('');
      expect(err).toContain(message);
    }
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

describe('quire export', () => {
  it('exports several files with unique citation keys, in each data format', async () => {
    const copy = tempFile('copy.txt', `${readFileSync(REFERENCE, 'utf8')}\n`);
    const bib = await run('export', REFERENCE, copy, '--format', 'bibtex');
    expect(bib.code).toBe(0);
    expect(bib.out.match(/^@misc\{[^,]+,/gmu)).toEqual([
      '@misc{southfront2018video,',
      '@misc{southfront2018videoa,',
    ]);
    const json = JSON.parse((await run('export', REFERENCE, copy, '--format', 'csl-json')).out);
    expect(json.map((item: { id: string }) => item.id)).toEqual([
      'southfront2018video',
      'southfront2018videoa',
    ]);
    const ris = (await run('export', REFERENCE, '--format', 'ris')).out;
    expect(ris).toMatch(/^TY {2}- ELEC\r?$/mu);
    const biblatex = (await run('export', REFERENCE, '--format', 'biblatex')).out;
    expect(biblatex).toMatch(/^@online\{southfront2018video,/u);
  });

  it('prints a reference list in a style', async () => {
    const { code, out } = await run('export', REFERENCE, '--format', 'md', '--style', 'apa');
    expect(code).toBe(0);
    expect(out).toBe(
      'South Front. (2018, August 15). *Video: Taliban pushes back against ISIS expansion in Afghanistan. Increased US troops deployed*. Global Research.\n',
    );
  });

  it('gives CSL-JSON the titles cased for a style', async () => {
    const [item] = JSON.parse(
      (await run('export', REFERENCE, '--format', 'csl-json', '--style', 'mla')).out,
    );
    expect(item.title).toBe(
      'Video: Taliban Pushes Back against ISIS Expansion in Afghanistan. Increased US Troops Deployed',
    );
    expect(item.id).toBe('southfront2018video');
  });
});

describe('quire errors', () => {
  it.each([
    [[], /no command given/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [['parse'], /FILE is missing/],
    [['cite', REFERENCE], /--style is missing/],
    [['cite', REFERENCE, '--style', 'chicago-ish'], /--style must be one of .*, not "chicago-ish"/],
    [['cite', REFERENCE, '--style'], /--style needs a value/],
    [['cite', REFERENCE, '--style', 'bibtex', '--locator', 'para. 5'], /CSL styles only/],
    [['cite', REFERENCE, '--style', 'biblatex', '--in-text'], /CSL styles only/],
    [['export', REFERENCE, '--format', 'text'], /give its --style/],
    [['export', REFERENCE, '--format', 'ris', '--style', 'apa'], /not ris/],
    [['export', REFERENCE, '--format', 'bibtex', '--style', 'bibtex'], /--style must be one of/],
    [['export', '--format', 'bibtex'], /FILE is missing/],
  ])('exit 2 for usage %j', async (argv, message) => {
    const { code, err, out } = await run(...argv);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message);
  });

  it.each([
    // Each of these names a file that must not be read: a FIFO (reading it blocks) or a path
    // that does not exist (reading it fails with exit 1). Usage errors come first, unread.
    [['parse', 'FILE', '--bogus'], /unknown option "--bogus" for quire parse/],
    [['parse', 'FILE', '--bogus=1'], /unknown option "--bogus" for quire parse/],
    [['parse', 'FILE', '-x'], /unknown option "-x" for quire parse/],
    [['parse', 'FILE', '--style', 'apa'], /unknown option "--style" for quire parse/],
    [['parse', 'FILE', 'b.txt'], /unexpected argument "b.txt": quire parse takes FILE only/],
    [['parse', ''], /FILE is empty/],
    [['cite', 'FILE'], /--style is missing/],
    [
      ['cite', 'FILE', '--style', 'foo'],
      /--style must be one of apa, mla, chicago-author-date, .*, or a \.csl file, not "foo"/,
    ],
    [['cite', 'FILE', '--style=', '--format', 'text'], /--style needs a value/],
    [
      ['cite', 'FILE', '--style', 'apa', '--format', 'pdf'],
      /--format must be one of text, md, markdown, html, not "pdf"/,
    ],
    [['cite', 'FILE', '--style', 'apa', '--style', 'mla'], /--style is given twice/],
    [['cite', 'FILE', '--style', 'apa', '--in-text=yes'], /--in-text takes no value/],
    [['cite', 'FILE', '--style', 'apa', '--locator'], /--locator needs a value/],
    [['cite', 'FILE', '--style', 'apa', '--locator', ' '], /--locator needs a value/],
    [['cite', 'FILE', '--style', 'bibtex', '--in-text'], /CSL styles only/],
    [['export', 'FILE', 'FILE', '--format', 'pdf'], /--format must be one of bibtex/],
    [['cite', 'FILE', 'b.txt', '--style', 'apa'], /unexpected argument "b.txt"/],
    [['--style', 'apa', 'cite', 'FILE'], /give the command first/],
    [['frobnicate', 'FILE'], /unknown command "frobnicate"/],
    [['constructor', 'FILE'], /unknown command "constructor"/],
  ])('exit 2 before reading anything for %j', async (argv, message) => {
    for (const file of [FIFO, MISSING]) {
      if (!file) continue;
      const args = argv.map((arg) => (arg === 'FILE' ? file : arg));
      const { code, err, out } = await withinTime(run(...args), 3000, FIFO ?? undefined);
      expect(err).toMatch(message);
      expect(err).toMatch(/Run "quire --help" for usage\.\n$/);
      expect(code).toBe(2);
      expect(out).toBe('');
    }
  });

  it.each([
    [['--help']],
    [['-h']],
    [['help']],
    [['parse', 'FILE', '--help']],
    [['cite', 'FILE', '-h', '--style', 'foo']],
    [['parse', '--bogus', 'a', 'b', '--help']],
  ])('prints the help for %j, reading nothing', async (argv) => {
    const args = argv.map((arg) => (arg === 'FILE' ? (FIFO ?? MISSING) : arg));
    const { code, out, err } = await withinTime(run(...args), 3000, FIFO ?? undefined);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toBe(HELP);
  });

  it('reads a FILE named --help after --', async () => {
    const { code, err } = await run('parse', '--', '--help');
    expect(code).toBe(1);
    expect(err).toBe('quire: Cannot read "--help": no such file.\n');
  });

  it.each([
    ['empty.txt', new Uint8Array(), /empty/],
    ['image.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), /binary file/],
    ['latin1.txt', new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x61]), /not valid UTF-8/],
    [
      'binary.html',
      new Uint8Array([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 3, 0x4b, 0x4c]),
      /binary file/,
    ],
    [
      'no-body.html',
      '<!doctype html><html><head><title>Only a title</title></head></html>',
      /page has no text/,
    ],
    [
      'empty-body.htm',
      '<html><body>\n<script>x()</script>&nbsp;</body></html>',
      /page has no text/,
    ],
    [
      'klingon.html',
      new Uint8Array([...new TextEncoder().encode('<html><meta charset="klingon"><p>'), 0xe9]),
      /character encoding "klingon", which Quire does not know/,
    ],
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

  it('exit 1 for a 50 MB page, even a sparse one, refused unread', async () => {
    const path = tempFile('huge.html', '<!doctype html><html><body><p>Text</p>');
    truncateSync(path, 50 * 1024 * 1024);
    const { code, err, out } = await run('cite', path, '--style', 'apa');
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toBe(
      'quire: This file is 50.0 MB; Quire saves articles up to 10 MB. Is it really an article?\n',
    );
  });

  it('exit 1 for a directory', async () => {
    const dir = tempDir();
    const { code, err, out } = await run('parse', dir);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toBe(`quire: Cannot read "${dir}": it is a directory.\n`);
  });

  it('reads what a truncated page holds, cut off in the middle of a tag', async () => {
    const page = `<html><head><title>Flood Gates Hold</title></head><body><article>
<p>The river rose by two metres overnight and the town's new flood gates held for the first time.</p>
<p>Engineers said the gates had been tested in spring, when a smaller flood reached the same streets.</p>
<p class="last">The council will meet on Monday to decide what happens next with the gat`;
    const { code, err, out } = await run('parse', tempFile('truncated.html', page));
    expect(err).toBe('');
    expect(code).toBe(0);
    const record = JSON.parse(out);
    expect(record.csl.title).toBe('Flood Gates Hold');
    expect(record.body[0].text).toMatch(/^The river rose by two metres/);
  });

  it.each([
    ['malformed markup with no text', '<<<>>><div><<p></p></div>>><!-- -->'.repeat(50)],
    [
      'a page whose body is empty',
      '<!doctype html><html><head><title></title></head><body></body></html>',
    ],
    ['two megabytes of one repeated tag', '<div>'.repeat(400_000)],
    [
      'a page of navigation only',
      `<html><body><nav>${'<a href="/x">Home</a> '.repeat(50)}</nav></body></html>`,
    ],
  ])('exit 1 with a message for %s', async (_name, page) => {
    const { code, err, out } = await run('parse', tempFile('bad.html', page));
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toMatch(/^quire: This page has no text|^quire: Quire found no article text/);
  });

  it('exit 1 for a file that does not exist', async () => {
    const { code, err, out } = await run('parse', MISSING);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toBe(`quire: Cannot read "${MISSING}": no such file.\n`);
  });

  it.skipIf(!DEV_ZERO)('exit 1 for /dev/zero, at once', async () => {
    const { code, err, out } = await withinTime(run('parse', DEV_ZERO!), 3000);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toBe(
      'quire: Cannot read "/dev/zero": it is a device (like /dev/zero), not a file.\n',
    );
  });

  it.skipIf(!FIFO)('exit 1 for a FIFO, without waiting for a writer', async () => {
    const { code, err, out } = await withinTime(run('parse', FIFO!), 3000, FIFO!);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toMatch(/it is a named pipe \(FIFO\), not a file\.\n$/);
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
      '--in-text',
      '--format',
      '-h',
      '.html, .htm',
      '.md',
      '.txt',
      'sniffed',
      '10 MB',
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
