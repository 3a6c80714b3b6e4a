// Web mode's fetch (src-renderer/host/web-fetch.ts) against a real loopback server. It lives in
// test/ because it needs Node's http server, which the renderer's own tests may not import.
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../src-main/capture/test-server.ts';
import { UserFacingError } from '../src-renderer/host/host.ts';
import { webFetchImage, webFetchPage } from '../src-renderer/host/web-fetch.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  server.route('/page', (_, response) =>
    response
      .writeHead(200, { 'Content-Type': 'text/html; charset=ISO-8859-1' })
      .end(Buffer.from('<h1>Caf\xe9</h1>', 'latin1')),
  );
  server.route('/gzip', (_, response) =>
    response
      .writeHead(200, { 'Content-Type': 'text/html', 'Content-Encoding': 'gzip' })
      .end(gzipSync('<p>Compressed page</p>')),
  );
  server.route('/moved', (_, response) => response.writeHead(302, { Location: '/page' }).end());
  server.route('/gone', (_, response) => response.writeHead(404, 'Not Found').end());
  server.route('/pdf', (_, response) =>
    response.writeHead(200, { 'Content-Type': 'application/pdf' }).end('%PDF-1.7'),
  );
  server.route('/endless', (_, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html' });
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const write = () => {
      while (response.write(chunk));
      if (!response.destroyed) response.once('drain', write);
    };
    write();
  });
  server.route('/big.png', (_, response) =>
    response
      .writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': 6 * 1024 * 1024 })
      .end(),
  );
  server.route('/img.png', (_, response) =>
    response
      .writeHead(200, { 'Content-Type': 'image/png' })
      .end(Buffer.from([0x89, 0x50, 0x4e, 0x47])),
  );
});
afterAll(() => server.close());

const refusal = async (promise: Promise<unknown>): Promise<string> => {
  try {
    await promise;
    return 'no refusal';
  } catch (error) {
    expect(error).toBeInstanceOf(UserFacingError);
    return (error as Error).message;
  }
};

describe('webFetchPage', () => {
  it('returns the bytes with the final address, media type and charset the server declared', async () => {
    const page = await webFetchPage(`${server.origin}/moved`, { allowPrivate: true });
    expect(page.url).toBe(`${server.origin}/page`);
    expect(page.mediaType).toBe('text/html');
    expect(page.charset).toBe('iso-8859-1');
    expect(Buffer.from(page.bytes).toString('latin1')).toBe('<h1>Caf\xe9</h1>');
  });

  it('reads a gzip body decompressed', async () => {
    const page = await webFetchPage(`${server.origin}/gzip`, { allowPrivate: true });
    expect(new TextDecoder().decode(page.bytes)).toBe('<p>Compressed page</p>');
  });

  it('refuses a private address unless allowed, without asking the server', async () => {
    const before = server.requests.length;
    expect(await refusal(webFetchPage(`${server.origin}/page`, { allowPrivate: false }))).toMatch(
      /^127\.0\.0\.1 is on this computer or a private network/,
    );
    expect(server.requests.length).toBe(before);
  });

  it.each([
    ['file:///etc/passwd', /only saves pages from http and https/],
    ['https://user:pw@example.org/', /user name or password/],
    ['not an address', /is not a web address/],
  ])('refuses %s', async (url, message) => {
    expect(await refusal(webFetchPage(url, { allowPrivate: true }))).toMatch(message);
  });

  it('says what the server answered for a missing page', async () => {
    expect(await refusal(webFetchPage(`${server.origin}/gone`, { allowPrivate: true }))).toBe(
      `${server.origin.replace('http://', '')} answered 404 Not Found: there is no page to save at this address.`,
    );
  });

  it('refuses what is not a web page, naming its type', async () => {
    expect(await refusal(webFetchPage(`${server.origin}/pdf`, { allowPrivate: true }))).toMatch(
      /^The address gives application\/pdf, not a web page\./,
    );
  });

  it('stops reading an endless body at the size limit', async () => {
    expect(await refusal(webFetchPage(`${server.origin}/endless`, { allowPrivate: true }))).toMatch(
      /is larger than 10 MB, too large to be an article/,
    );
  });

  it('says the page could not be read when nothing answers', async () => {
    const closed = await startTestServer();
    const origin = closed.origin;
    await closed.close();
    expect(await refusal(webFetchPage(`${origin}/page`, { allowPrivate: true }))).toMatch(
      /could not read the page at 127\.0\.0\.1:\d+.*Use the Quire desktop app/,
    );
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    expect(
      await refusal(
        webFetchPage(`${server.origin}/page`, { allowPrivate: true, signal: controller.signal }),
      ),
    ).toBe('Cancelled.');
  });
});

describe('webFetchImage', () => {
  it('returns an image, and refuses one over 5 MB by its declared length, never throwing', async () => {
    expect(await webFetchImage(`${server.origin}/img.png`, { allowPrivate: true })).toEqual({
      ok: true,
      bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
      mediaType: 'image/png',
    });
    expect(await webFetchImage(`${server.origin}/big.png`, { allowPrivate: true })).toEqual({
      ok: false,
      message: 'The image is larger than 5 MB.',
    });
    expect(await webFetchImage(`${server.origin}/img.png`, { allowPrivate: false })).toMatchObject({
      ok: false,
    });
  });
});
