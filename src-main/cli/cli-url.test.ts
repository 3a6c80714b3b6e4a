import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../capture/test-server.ts';
import { runCli } from './main.ts';
import { removeTempDirs, tempFile } from './test-paths.ts';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

const PAGE = `<!doctype html><html lang="en-GB"><head><title>Rivers Rise Again | The Northern Review</title>
<meta property="og:site_name" content="The Northern Review">
<meta name="author" content="Ann Lee"></head><body>
<article><h1>Rivers Rise Again</h1><p class="byline">By Ann Lee</p>
<p>The river rose by two metres overnight, and the town&rsquo;s flood gates held for the first time since they were built.</p>
<figure><img src="/img/gates.jpg" alt="The flood gates" width="800" height="500"><figcaption>The gates held.</figcaption></figure>
<p>Engineers said the gates had been tested in spring, when a smaller flood reached the same streets.</p></article>
<footer><p>&copy; 2021 The Northern Review. All rights reserved.</p></footer></body></html>`;

/** A fragment too small to pass for HTML on its content: only the server's type says so. */
const LATIN1_FRAGMENT = new Uint8Array([
  ...new TextEncoder().encode('<h1>Caf'),
  0xe9,
  ...new TextEncoder().encode(' Society</h1><p>The caf'),
  0xe9,
  ...new TextEncoder().encode(' opened in 1920 and has served the town ever since.</p>'),
]);

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  server.route('/news/rivers-rise-again', (_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(PAGE);
  });
  server.route('/old/rivers', (_request, response) => {
    response.writeHead(301, { Location: '/news/rivers-rise-again' }).end();
  });
  server.route('/cafe', (_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=ISO-8859-1' });
    response.end(LATIN1_FRAGMENT);
  });
  server.route('/report.pdf', (_request, response) => {
    response.writeHead(200, { 'Content-Type': 'application/pdf' }).end('%PDF-1.7');
  });
});

afterAll(async () => {
  await server.close();
  removeTempDirs();
});

describe('quire parse --url', () => {
  it('gives the same record as the same bytes from a file, but for what the URL tells', async () => {
    const url = `${server.origin}/news/rivers-rise-again`;
    const fetched = await run('parse', '--url', url, '--allow-private');
    expect(fetched.err).toBe('');
    expect(fetched.code).toBe(0);
    const fromFile = await run('parse', tempFile('page.html', PAGE));
    const web = JSON.parse(fetched.out);
    const file = JSON.parse(fromFile.out);
    expect(web.csl.URL).toBe(url);
    expect(web.source.fileName).toBe('rivers-rise-again');
    expect(file.source.fileName).toBe('page.html');
    // What the server declared is kept, so the stored bytes are re-read the same way.
    expect(web.source.fetched).toEqual({ url, charset: 'utf-8', mediaType: 'text/html' });
    expect(file.source.fetched).toBeUndefined();
    // A relative image address resolves only against the address the page came from.
    expect(web.images).toHaveLength(1);
    expect(file.images).toEqual([]);
    for (const record of [web, file]) {
      delete record.images;
      delete record.csl.URL;
      delete record.source.fileName;
      delete record.source.fetched;
    }
    expect(web).toEqual(file);
    expect(web.csl.title).toBe('Rivers Rise Again');
  });

  it('lists the body images, resolved against the final address', async () => {
    const { out } = await run(
      'parse',
      '--url',
      `${server.origin}/news/rivers-rise-again`,
      '--allow-private',
    );
    const images = JSON.parse(out).images as { src: string; alt: string; before: number }[];
    expect(images).toMatchObject([
      {
        src: `${server.origin}/img/gates.jpg`,
        alt: 'The flood gates',
        caption: 'The gates held.',
        before: 1,
      },
    ]);
  });

  it('follows redirects and records the final address', async () => {
    const { code, out } = await run(
      'parse',
      '--url',
      `${server.origin}/old/rivers`,
      '--allow-private',
    );
    expect(code).toBe(0);
    const record = JSON.parse(out);
    expect(record.csl.URL).toBe(`${server.origin}/news/rivers-rise-again`);
    expect(record.source.fileName).toBe('rivers-rise-again');
  });

  it('decodes with the charset of the header and reads the page as the type it was sent as', async () => {
    const { code, out, err } = await run('parse', '--allow-private', `--url=${server.origin}/cafe`);
    expect(err).toBe('');
    expect(code).toBe(0);
    const record = JSON.parse(out);
    expect(record.source.mediaType).toBe('text/html');
    expect(record.csl.title).toBe('Café Society');
    expect(record.body[0].text).toMatch(/^The café opened in 1920/);
  });

  it('exit 1 with the server status for a missing page', async () => {
    const { code, out, err } = await run(
      'parse',
      '--url',
      `${server.origin}/nothing-here`,
      '--allow-private',
    );
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toBe(
      `quire: The server at 127.0.0.1:${server.port} answered 404 Not Found. Check the address.\n`,
    );
  });

  it('exit 1 for something that is not a page', async () => {
    const { code, err } = await run(
      'parse',
      '--url',
      `${server.origin}/report.pdf`,
      '--allow-private',
    );
    expect(code).toBe(1);
    expect(err).toMatch(/^quire: .*a PDF document \(application\/pdf\), not a web page/);
  });

  it('exit 1 for a private address without --allow-private, asking the server nothing', async () => {
    const before = server.requests.length;
    const { code, out, err } = await run(
      'parse',
      '--url',
      `${server.origin}/news/rivers-rise-again`,
    );
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toMatch(
      /^quire: 127\.0\.0\.1:\d+ points to 127\.0\.0\.1, this computer\. Quire does not fetch/,
    );
    expect(server.requests.length).toBe(before);
  });

  it.each([
    [
      ['parse', '--url', 'file:///etc/passwd'],
      /--url "file:\/\/\/etc\/passwd": Only http and https/,
    ],
    [['parse', '--url', 'https://user:pw@example.org/'], /contains a user name or password/],
    [['parse', '--url', 'not a url'], /--url "not a url": Enter a full web address/],
  ])(
    'exit 2 for the address %j, refused with the command line, unfetched',
    async (argv, message) => {
      const { code, out, err } = await run(...argv);
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err).toMatch(message);
    },
  );

  it.each([
    [['parse'], /FILE is missing \(or give --url URL\)/],
    [['parse', 'page.html', '--url', 'https://example.org/'], /give FILE or --url URL, not both/],
    [['parse', 'page.html', '--allow-private'], /--allow-private applies to --url only/],
    [['parse', '--url'], /--url needs a value/],
    [['parse', '--url', 'https://example.org/', '--url', 'https://a.b/'], /--url is given twice/],
    [['cite', 'page.html', '--style', 'apa', '--url', 'https://a.b/'], /unknown option "--url"/],
  ])('exit 2 for usage %j', async (argv, message) => {
    const { code, out, err } = await run(...argv);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message);
  });
});
