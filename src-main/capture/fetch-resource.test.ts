import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { classifyAddress } from '../../src-core/net/address.ts';
import { FetchError, fetchResource, USER_AGENT, type FetchOptions } from './fetch-resource.ts';
import type { FetchErrorCode } from './fetch-error.ts';
import { startTestServer, type Route, type TestServer } from './test-server.ts';

const PAGE =
  '<!doctype html><html><head><title>Rivers</title></head><body><p>Río</p></body></html>';
const LOCAL: FetchOptions = { purpose: 'page', allowPrivate: true };

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  const html = (body: string | Uint8Array, type = 'text/html; charset=utf-8') =>
    ((_request, response) => {
      response.writeHead(200, { 'Content-Type': type });
      response.end(body);
    }) satisfies Route;
  server.route('/page', html(PAGE));
  server.route(
    '/latin1',
    html(new Uint8Array([0x52, 0xed, 0x6f]), 'text/html; charset=ISO-8859-1'),
  );
  server.route('/quoted-charset', html('x', 'Text/Plain; format=flowed; Charset="UTF-8"'));
  server.route('/no-type', (_request, response) => response.end('plain words'));
  server.route('/markdown', html('# Title', 'text/markdown'));
  server.route('/pdf', html('%PDF-1.7', 'application/pdf'));
  server.route('/png', html(new Uint8Array([0x89, 0x50, 0x4e, 0x47]), 'image/png'));
  server.route('/svg', html('<svg onload="alert(1)"/>', 'image/svg+xml'));
  server.route('/never', () => {
    // Never answers: the request must time out.
  });
  server.route('/stalls', (_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html' });
    response.write('<p>first bytes');
  });
  server.route('/endless', (_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html' });
    const chunk = 'x'.repeat(16 * 1024);
    const timer = setInterval(() => response.write(chunk), 1);
    response.on('close', () => clearInterval(timer));
  });
  server.route('/declared-huge', (_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html', 'Content-Length': String(1 << 30) });
    response.write('<p>');
  });
  const compressed = (encoding: string, body: Uint8Array) =>
    ((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html', 'Content-Encoding': encoding });
      response.end(body);
    }) satisfies Route;
  server.route('/gzip', compressed('gzip', gzipSync(PAGE)));
  server.route('/br', compressed('br', brotliCompressSync(PAGE)));
  server.route('/deflate', compressed('deflate', deflateSync(PAGE)));
  server.route('/raw-deflate', compressed('deflate', deflateRawSync(PAGE)));
  server.route('/gzip-then-br', compressed('gzip, br', brotliCompressSync(gzipSync(PAGE))));
  server.route('/zstd', compressed('zstd', new Uint8Array([1, 2, 3])));
  // 64 MB of zeros, gzipped to about 64 KB.
  server.route('/bomb', compressed('gzip', gzipSync(new Uint8Array(64 * 1024 * 1024))));
  server.route('/404', (_request, response) => response.writeHead(404).end('gone'));
  server.route('/500', (_request, response) => response.writeHead(500).end('oops'));
  const redirect = (status: number, location: string) =>
    ((_request, response) => {
      response.writeHead(status, { Location: location }).end();
    }) satisfies Route;
  server.route('/loop-a', redirect(302, '/loop-b'));
  server.route('/loop-b', redirect(301, '/loop-a'));
  server.route('/hop-1', redirect(301, '/hop-2'));
  server.route('/hop-2', redirect(303, 'hop-3?x=1'));
  server.route('/hop-3', redirect(307, `${server.origin}/hop-4`));
  server.route('/hop-4', redirect(308, '/page'));
  server.route('/to-ftp', redirect(302, 'ftp://127.0.0.1/file'));
  server.route('/to-credentials', redirect(302, 'http://user:pw@127.0.0.1/'));
  server.route('/to-private-ip', redirect(302, 'http://10.1.2.3/admin'));
  server.route('/to-intranet', redirect(302, `http://intranet.test:${server.port}/page`));
  server.route('/redirect-without-location', (_request, response) => response.writeHead(302).end());
  server.route('/cut-off', (request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html', 'Content-Length': '1000' });
    response.write('<p>only part', () => request.socket.destroy());
  });
});

afterAll(() => server.close());

async function failure(promise: Promise<unknown>): Promise<FetchError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FetchError);
  return error as FetchError;
}

async function expectCode(
  promise: Promise<unknown>,
  code: FetchErrorCode,
  message?: RegExp,
): Promise<FetchError> {
  const error = await failure(promise);
  expect(error.code).toBe(code);
  if (message) expect(error.message).toMatch(message);
  return error;
}

const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

describe('fetchResource: pages', () => {
  it('fetches an HTML page with its type and charset, sending a plain request', async () => {
    const before = server.requests.length;
    const resource = await fetchResource(`${server.origin}/page#section`, LOCAL);
    expect(resource).toMatchObject({
      requestedUrl: `${server.origin}/page#section`,
      url: `${server.origin}/page#section`,
      status: 200,
      mediaType: 'text/html',
      charset: 'utf-8',
    });
    expect(text(resource.bytes)).toBe(PAGE);
    // A fresh buffer of its own, not a view into Node's pool.
    expect(resource.bytes.byteOffset).toBe(0);
    expect(resource.bytes.buffer.byteLength).toBe(resource.bytes.length);
    const [request] = server.requests.slice(before);
    expect(request?.path).toBe('/page');
    expect(request?.headers['user-agent']).toBe(USER_AGENT);
    expect(request?.headers['accept']).toMatch(/^text\/html/);
    expect(request?.headers['accept-encoding']).toBe('gzip, deflate, br');
    expect(request?.headers['cookie']).toBeUndefined();
    expect(request?.headers['host']).toBe(`127.0.0.1:${server.port}`);
  });

  it('reports the charset the header names, and no charset when there is none', async () => {
    const latin1 = await fetchResource(`${server.origin}/latin1`, LOCAL);
    expect(latin1.charset).toBe('iso-8859-1');
    expect([...latin1.bytes]).toEqual([0x52, 0xed, 0x6f]);
    const quoted = await fetchResource(`${server.origin}/quoted-charset`, LOCAL);
    expect(quoted).toMatchObject({ mediaType: 'text/plain', charset: 'utf-8' });
    const untyped = await fetchResource(`${server.origin}/no-type`, LOCAL);
    expect(untyped).toMatchObject({ mediaType: '', charset: null });
    expect(text(untyped.bytes)).toBe('plain words');
    expect((await fetchResource(`${server.origin}/markdown`, LOCAL)).mediaType).toBe(
      'text/markdown',
    );
  });

  it.each(['/gzip', '/br', '/deflate', '/raw-deflate', '/gzip-then-br'])(
    'decompresses a %s body',
    async (path) => {
      const resource = await fetchResource(`${server.origin}${path}`, LOCAL);
      expect(text(resource.bytes)).toBe(PAGE);
    },
  );

  it('refuses an encoding it did not ask for', async () => {
    await expectCode(
      fetchResource(`${server.origin}/zstd`, LOCAL),
      'unsupported-type',
      /compressed its answer as "zstd"/,
    );
  });

  it.each([
    [
      '/pdf',
      /a PDF document \(application\/pdf\), not a web page\. Quire saves web pages and text/,
    ],
    ['/png', /an image \(image\/png\), not a web page/],
  ])('refuses %s as a page, naming the type', async (path, message) => {
    await expectCode(fetchResource(`${server.origin}${path}`, LOCAL), 'unsupported-type', message);
  });
});

describe('fetchResource: images', () => {
  const IMAGE: FetchOptions = { purpose: 'image', allowPrivate: true };

  it('fetches an image, asking for images', async () => {
    const before = server.requests.length;
    const resource = await fetchResource(`${server.origin}/png`, IMAGE);
    expect(resource.mediaType).toBe('image/png');
    expect(server.requests[before]?.headers['accept']).toMatch(/^image\//);
    expect(server.requests[before]?.headers['accept']).not.toContain('svg');
  });

  it('refuses SVG, which can carry script, and anything that is not an image', async () => {
    await expectCode(
      fetchResource(`${server.origin}/svg`, IMAGE),
      'unsupported-type',
      /SVG images can carry scripts/,
    );
    await expectCode(fetchResource(`${server.origin}/page`, IMAGE), 'unsupported-type');
    await expectCode(fetchResource(`${server.origin}/no-type`, IMAGE), 'unsupported-type');
  });
});

describe('fetchResource: limits', () => {
  it('times out when the headers never come', async () => {
    await expectCode(
      fetchResource(`${server.origin}/never`, { ...LOCAL, timeoutMs: 300 }),
      'timeout',
      new RegExp(`^127\\.0\\.0\\.1:${server.port} did not send the whole page within 300 ms`),
    );
  });

  it('times out when the body stalls', async () => {
    await expectCode(
      fetchResource(`${server.origin}/stalls`, { ...LOCAL, idleTimeoutMs: 300 }),
      'timeout',
      /stopped answering \(nothing for 300 ms\)/,
    );
  });

  it('cuts an endless body off at maxBytes', async () => {
    await expectCode(
      fetchResource(`${server.origin}/endless`, { ...LOCAL, maxBytes: 256 * 1024 }),
      'too-large',
      new RegExp(`^The page at 127\\.0\\.0\\.1:${server.port} is larger than 256 KB`),
    );
  });

  it('refuses a body whose Content-Length is over the limit before reading it', async () => {
    await expectCode(
      fetchResource(`${server.origin}/declared-huge`, { ...LOCAL, timeoutMs: 5000 }),
      'too-large',
      /larger than 10 MB/,
    );
  });

  it('cuts a gzip bomb off at maxBytes of decompressed data', async () => {
    await expectCode(
      fetchResource(`${server.origin}/bomb`, { ...LOCAL, maxBytes: 1024 * 1024 }),
      'too-large',
      /larger than 1 MB/,
    );
    // The same bytes fit under a limit above their size.
    const fits = await fetchResource(`${server.origin}/bomb`, {
      ...LOCAL,
      maxBytes: 64 * 1024 * 1024,
    });
    expect(fits.bytes.length).toBe(64 * 1024 * 1024);
  });

  it('reports a body cut off before its Content-Length as a network failure', async () => {
    await expectCode(fetchResource(`${server.origin}/cut-off`, LOCAL), 'network');
  });

  it('gives up on cancel, at once', async () => {
    const controller = new AbortController();
    const pending = fetchResource(`${server.origin}/never`, {
      ...LOCAL,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 50);
    await expectCode(pending, 'aborted', /was cancelled/);
    await expectCode(
      fetchResource(`${server.origin}/page`, { ...LOCAL, signal: AbortSignal.abort() }),
      'aborted',
    );
  });
});

describe('fetchResource: status and redirects', () => {
  it.each([
    ['/404', /^The server at 127\.0\.0\.1:\d+ answered 404 Not Found\. Check the address\.$/],
    ['/500', /answered 500 Internal Server Error\. .*try again later/],
    ['/redirect-without-location', /answered 302 Found/],
  ])('refuses %s with the status in the message', async (path, message) => {
    await expectCode(fetchResource(`${server.origin}${path}`, LOCAL), 'http-status', message);
  });

  it('follows a chain of redirects within the limit and reports the final URL', async () => {
    const resource = await fetchResource(`${server.origin}/hop-1`, { ...LOCAL, maxRedirects: 4 });
    expect(resource.requestedUrl).toBe(`${server.origin}/hop-1`);
    expect(resource.url).toBe(`${server.origin}/page`);
    expect(text(resource.bytes)).toBe(PAGE);
  });

  it('gives up on a chain longer than maxRedirects, and on a loop', async () => {
    await expectCode(
      fetchResource(`${server.origin}/hop-1`, { ...LOCAL, maxRedirects: 3 }),
      'too-many-redirects',
      /redirected more than 3 times/,
    );
    const before = server.requests.length;
    await expectCode(fetchResource(`${server.origin}/loop-a`, LOCAL), 'too-many-redirects');
    expect(server.requests.length - before).toBe(6);
  });

  it('checks the scheme and credentials of every redirect', async () => {
    await expectCode(fetchResource(`${server.origin}/to-ftp`, LOCAL), 'scheme', /ftp:/);
    await expectCode(fetchResource(`${server.origin}/to-credentials`, LOCAL), 'credentials');
  });
});

describe('fetchResource: addresses it refuses', () => {
  it.each([
    ['ftp://example.org/file', 'scheme'],
    ['file:///etc/passwd', 'scheme'],
    ['javascript:alert(1)', 'scheme'],
    ['data:text/html,<p>x', 'scheme'],
    ['not a url', 'bad-url'],
    ['https://user:secret@example.org/', 'credentials'],
    ['https://user@example.org/', 'credentials'],
  ] as const)('refuses %s (%s)', async (url, code) => {
    await expectCode(fetchResource(url, { purpose: 'page', allowPrivate: false }), code);
  });

  it('refuses 127.0.0.1 unless private addresses are allowed, and sends it nothing', async () => {
    const before = server.requests.length;
    await expectCode(
      fetchResource(`${server.origin}/page`, { purpose: 'page', allowPrivate: false }),
      'private-address',
      new RegExp(`^127\\.0\\.0\\.1:${server.port} points to 127\\.0\\.0\\.1, this computer\\.`),
    );
    expect(server.requests.length).toBe(before);
  });

  it.each([
    'http://[::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://10.0.0.1/',
    'http://192.168.1.1/',
    'http://169.254.169.254/latest/meta-data/',
    'http://0.0.0.0/',
    'http://2130706433/', // 127.0.0.1 as one number; the URL parser normalizes it
    'http://localhost/',
  ])('refuses the private address %s', async (url) => {
    await expectCode(
      fetchResource(url, { purpose: 'page', allowPrivate: false, timeoutMs: 5000 }),
      'private-address',
      /Quire does not fetch from this computer or your local network unless you allow it/,
    );
  });

  it('refuses a host if any of its addresses is private (a later connection could use it)', async () => {
    const resolve = async () => [
      { address: '93.184.216.34', family: 4 },
      { address: '10.0.0.5', family: 4 },
    ];
    await expectCode(
      fetchResource(
        'http://mixed.test/',
        { purpose: 'page', allowPrivate: false },
        { resolve, classify: classifyAddress },
      ),
      'private-address',
      /^mixed\.test points to 10\.0\.0\.5, a private network/,
    );
  });

  it('names the host it could not find', async () => {
    const resolve = async () => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
    };
    await expectCode(
      fetchResource('https://no-such-host.test/', LOCAL, { resolve, classify: classifyAddress }),
      'dns',
      /could not find the server no-such-host\.test/,
    );
  });

  describe('re-checks every redirect hop', () => {
    // public.test resolves to the test server, which this test treats as public; every other
    // address is judged by the real rules.
    const deps = {
      resolve: async (hostname: string) => [
        { address: hostname === 'intranet.test' ? '10.9.8.7' : '127.0.0.1', family: 4 },
      ],
      classify: (address: string) =>
        address === '127.0.0.1' ? ('public' as const) : classifyAddress(address),
    };
    const options: FetchOptions = { purpose: 'page', allowPrivate: false };

    it('fetches through the public host', async () => {
      const resource = await fetchResource(`http://public.test:${server.port}/page`, options, deps);
      expect(text(resource.bytes)).toBe(PAGE);
      expect(server.requests.at(-1)?.headers['host']).toBe(`public.test:${server.port}`);
    });

    it.each([
      ['/to-private-ip', /^10\.1\.2\.3 points to 10\.1\.2\.3, a private network/],
      ['/to-intranet', /^intranet\.test:\d+ points to 10\.9\.8\.7, a private network/],
    ])('refuses a redirect %s to a private address', async (path, message) => {
      const before = server.requests.length;
      await expectCode(
        fetchResource(`http://public.test:${server.port}${path}`, options, deps),
        'private-address',
        message,
      );
      expect(server.requests.slice(before).map((r) => r.path)).toEqual([path]);
    });
  });
});

describe('classifyAddress', () => {
  it.each([
    ['93.184.216.34', 'public'],
    ['8.8.8.8', 'public'],
    ['2606:4700:4700::1111', 'public'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['172.32.0.1', 'public'],
    ['192.168.0.10', 'private'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['febf::1', 'link-local'],
    ['100.64.0.1', 'shared'],
    ['100.127.255.255', 'shared'],
    ['100.128.0.1', 'public'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456:789a::1', 'unique-local'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['::', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved'],
    ['192.0.2.1', 'reserved'],
    ['2001:db8::1', 'reserved'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:192.168.1.1', 'private'],
    ['::ffff:8.8.8.8', 'public'],
    ['64:ff9b::a00:1', 'private'],
    ['2002:c0a8:0101::1', 'private'],
    ['::127.0.0.1', 'reserved'],
    ['fec0::1', 'private'],
    ['example.org', 'invalid'],
    ['1.2.3', 'invalid'],
    ['', 'invalid'],
  ])('%s is %s', (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
  });
});
