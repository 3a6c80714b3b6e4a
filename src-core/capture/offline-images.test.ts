import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CapturedImage } from '../article/model.ts';
import {
  collectOfflineImages,
  decodeDataImage,
  sniffImageType,
  type ImageFetcher,
} from './offline-images.ts';

const sha256 = async (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3]);
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);
const GIF = new TextEncoder().encode('GIF89a\x10\x00\x10\x00rest');
const WEBP = new TextEncoder().encode('RIFF\x10\x00\x00\x00WEBPVP8 ');
const AVIF = Uint8Array.from([
  0,
  0,
  0,
  28,
  ...new TextEncoder().encode('ftypavif\0\0\0\0avifmif1miaf'),
]);
const AVIF_COMPATIBLE = Uint8Array.from([
  0,
  0,
  0,
  24,
  ...new TextEncoder().encode('ftypheic\0\0\0\0mif1avif'),
]);
const SVG = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
const HTML = new TextEncoder().encode('<!doctype html><title>Not found</title>');

const image = (id: string, src: string): CapturedImage => ({
  id,
  src,
  alt: '',
  caption: null,
  before: 0,
});

type Responses = Record<string, { bytes: Uint8Array; type: string } | string | Error>;
const known = new WeakMap<ImageFetcher, Responses>();
const responsesOf = (fetcher: ImageFetcher): Responses => known.get(fetcher) ?? {};

/** A fake network: address → response; records what was asked. */
function fakeFetcher(responses: Responses): ImageFetcher & { calls: string[] } {
  const calls: string[] = [];
  const fetcher = async (url: string) => {
    calls.push(url);
    const r = responses[url];
    if (r === undefined) return { ok: false as const, message: 'HTTP 404' };
    if (r instanceof Error) throw r;
    if (typeof r === 'string') return { ok: false as const, message: r };
    return { ok: true as const, bytes: r.bytes, mediaType: r.type };
  };
  const fake = Object.assign(fetcher, { calls });
  known.set(fake, responses);
  return fake;
}

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const pct = (bytes: Uint8Array) =>
  Array.from(bytes, (b) => `%${b.toString(16).padStart(2, '0')}`).join('');

describe('collectOfflineImages', () => {
  it('stores each allowed raster image with its hash, in order, and reports every outcome', async () => {
    const fetcher = fakeFetcher({
      'https://a.example/1.png': { bytes: PNG, type: 'image/png' },
      'https://a.example/2.jpg': { bytes: JPEG, type: 'image/jpeg; charset=binary' },
      'https://a.example/3.gif': { bytes: GIF, type: 'IMAGE/GIF' },
      'https://a.example/4.webp': { bytes: WEBP, type: 'image/webp' },
      'https://a.example/5.avif': { bytes: AVIF, type: 'image/avif' },
      'https://a.example/6.avif': { bytes: AVIF_COMPATIBLE, type: 'image/avif' },
      'https://a.example/7.jpg': { bytes: JPEG, type: 'image/jpg' },
    });
    const images = Object.keys(responsesOf(fetcher)).map((url, i) => image(`i${i + 1}`, url));
    const { stored, outcomes } = await collectOfflineImages(images, fetcher, sha256);
    expect(outcomes.map((o) => o.status)).toEqual(Array(7).fill('stored'));
    expect(stored.map((s) => [s.id, s.mediaType])).toEqual([
      ['i1', 'image/png'],
      ['i2', 'image/jpeg'],
      ['i3', 'image/gif'],
      ['i4', 'image/webp'],
      ['i5', 'image/avif'],
      ['i6', 'image/avif'],
      ['i7', 'image/jpeg'],
    ]);
    expect(stored[0]).toEqual({
      id: 'i1',
      src: 'https://a.example/1.png',
      mediaType: 'image/png',
      bytes: PNG,
      sha256: createHash('sha256').update(PNG).digest('hex'),
      byteLength: PNG.byteLength,
    });
    expect(fetcher.calls).toHaveLength(7);
  });

  it('decodes data: images locally (base64 and percent-encoded) and never fetches them', async () => {
    const fetcher = fakeFetcher({});
    const images = [
      image('b', `data:image/png;base64,${b64(PNG)}`),
      image('p', `data:image/jpeg,${pct(JPEG)}`),
      image('u', `data:image/gif;base64,${b64(GIF).replace(/=+$/, '')}`),
    ];
    const { stored, outcomes } = await collectOfflineImages(images, fetcher, sha256);
    expect(fetcher.calls).toEqual([]);
    expect(outcomes.map((o) => o.status)).toEqual(['stored', 'stored', 'stored']);
    expect(stored.map((s) => s.bytes)).toEqual([PNG, JPEG, GIF]);
  });

  it('fails lying and broken images, SVG and HTML, and goes on with the rest', async () => {
    const fetcher = fakeFetcher({
      'https://a.example/svg': { bytes: SVG, type: 'image/svg+xml' },
      'https://a.example/svg-as-png': { bytes: SVG, type: 'image/png' },
      'https://a.example/html': { bytes: HTML, type: 'text/html' },
      'https://a.example/png-as-jpeg': { bytes: PNG, type: 'image/jpeg' },
      'https://a.example/truncated': { bytes: PNG.slice(0, 4), type: 'image/png' },
      'https://a.example/empty': { bytes: new Uint8Array(), type: 'image/gif' },
      'https://a.example/timeout': 'timed out after 20 s',
      'https://a.example/throws': new Error('socket hang up'),
      'https://a.example/good': { bytes: JPEG, type: 'image/jpeg' },
    });
    const names = ['svg', 'svg-as-png', 'html', 'png-as-jpeg', 'truncated', 'empty', 'timeout'];
    const images = [
      ...[...names, 'throws', 'missing'].map((n) => image(n, `https://a.example/${n}`)),
      image('bad64', 'data:image/png;base64,!!!!'),
      image('svgdata', `data:image/svg+xml;base64,${b64(SVG)}`),
      image('ftp', 'ftp://a.example/x.png'),
      image('good', 'https://a.example/good'),
    ];
    const { stored, outcomes } = await collectOfflineImages(images, fetcher, sha256);
    expect(stored.map((s) => s.id)).toEqual(['good']);
    const byId = Object.fromEntries(outcomes.map((o) => [o.id, o]));
    for (const id of [...names, 'throws', 'missing', 'bad64', 'svgdata', 'ftp'])
      expect(byId[id]?.status, id).toBe('failed');
    expect(byId['svg']?.reason).toBe('not an image type Quire stores (image/svg+xml)');
    expect(byId['svg-as-png']?.reason).toMatch(/declared image\/png but the bytes are not/);
    expect(byId['png-as-jpeg']?.reason).toBe('declared image/jpeg but the bytes are image/png');
    expect(byId['timeout']?.reason).toBe('timed out after 20 s');
    expect(byId['throws']?.reason).toBe('socket hang up');
    expect(byId['missing']?.reason).toBe('HTTP 404');
    expect(byId['good']).toEqual({ id: 'good', src: 'https://a.example/good', status: 'stored' });
    expect(fetcher.calls).not.toContain('ftp://a.example/x.png');
  });

  it('skips an image over the per-image cap, and those past the running total', async () => {
    const big = new Uint8Array(600);
    big.set(PNG);
    const fetcher = fakeFetcher({
      'https://a.example/big': { bytes: big, type: 'image/png' },
      'https://a.example/a': { bytes: PNG, type: 'image/png' },
      'https://a.example/b': { bytes: JPEG, type: 'image/jpeg' },
      'https://a.example/c': { bytes: GIF, type: 'image/gif' },
    });
    const images = ['big', 'a', 'b', 'c'].map((n) => image(n, `https://a.example/${n}`));
    const { stored, outcomes } = await collectOfflineImages(images, fetcher, sha256, {
      maxImageBytes: 500,
      maxArticleBytes: PNG.byteLength + JPEG.byteLength + 5,
    });
    expect(stored.map((s) => s.id)).toEqual(['a', 'b']);
    expect(outcomes.map((o) => [o.id, o.status])).toEqual([
      ['big', 'skipped'],
      ['a', 'stored'],
      ['b', 'stored'],
      ['c', 'skipped'],
    ]);
    expect(outcomes[0]?.reason).toMatch(/^larger than/);
    expect(outcomes[3]?.reason).toMatch(/would exceed/);
  });

  it('skips a huge data: image without decoding it, and images past the count limit', async () => {
    const huge = `data:image/png;base64,${'A'.repeat(2000)}`;
    const fetcher = fakeFetcher({ 'https://a.example/a': { bytes: PNG, type: 'image/png' } });
    const result = await collectOfflineImages(
      [
        image('huge', huge),
        image('a', 'https://a.example/a'),
        image('b', `data:image/png;base64,${b64(PNG)}`),
      ],
      fetcher,
      sha256,
      { maxImageBytes: 100, maxImages: 1 },
    );
    expect(result.outcomes.map((o) => [o.id, o.status])).toEqual([
      ['huge', 'skipped'],
      ['a', 'stored'],
      ['b', 'skipped'],
    ]);
    expect(result.outcomes[2]?.reason).toBe('more than 1 images in one article');
  });

  it('stops when aborted, before fetching anything more', async () => {
    const controller = new AbortController();
    const fetcher: ImageFetcher = async () => {
      controller.abort(new Error('cancelled by the user'));
      return { ok: true, bytes: PNG, mediaType: 'image/png' };
    };
    const images = [image('a', 'https://a.example/a'), image('b', 'https://a.example/b')];
    await expect(
      collectOfflineImages(images, fetcher, sha256, { signal: controller.signal }),
    ).rejects.toThrow('cancelled by the user');
  });

  it('never keeps a view of the fetcher’s buffer', async () => {
    const buffer = new Uint8Array(64);
    buffer.set(PNG, 8);
    const view = buffer.subarray(8, 8 + PNG.length);
    const fetcher: ImageFetcher = async () => ({ ok: true, bytes: view, mediaType: 'image/png' });
    const { stored } = await collectOfflineImages(
      [image('a', 'https://a.example/a')],
      fetcher,
      sha256,
    );
    expect(stored[0]!.bytes.buffer.byteLength).toBe(PNG.length);
  });
});

describe('sniffImageType and decodeDataImage', () => {
  it('knows each signature and nothing else', () => {
    expect([PNG, JPEG, GIF, WEBP, AVIF].map(sniffImageType)).toEqual([
      'image/png',
      'image/jpeg',
      'image/gif',
      'image/webp',
      'image/avif',
    ]);
    expect([SVG, HTML, new Uint8Array(), PNG.slice(0, 7)].map(sniffImageType)).toEqual([
      null,
      null,
      null,
      null,
    ]);
    const mp4 = Uint8Array.from([0, 0, 0, 20, ...new TextEncoder().encode('ftypisom\0\0\0\0mp41')]);
    expect(sniffImageType(mp4)).toBeNull();
  });

  it('refuses malformed data: addresses', () => {
    expect(decodeDataImage('data:image/png;base64,AAA=A')).toMatchObject({ ok: false });
    expect(decodeDataImage('data:image/png,%ZZ')).toMatchObject({ ok: false });
    expect(decodeDataImage('data:,plain')).toMatchObject({ ok: false });
    expect(decodeDataImage('data:image/png;base64,iVBORw0KGgo=')).toMatchObject({
      ok: true,
      mediaType: 'image/png',
      bytes: PNG.slice(0, 8),
    });
  });
});
