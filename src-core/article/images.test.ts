import { describe, expect, it } from 'vitest';
import { captureSource } from './capture.ts';
import { imageAddress } from './images.ts';
import { parseHtmlWithLinkedom } from './html/linkedom-parser.ts';
import { sanitizeParsedPage } from './html/sanitize-dom.ts';
import { capturePage, captureHtml } from '../testing/pages.ts';
import { capture } from '../testing/capture.ts';

const PAGE_URL = 'https://news.example/2024/05/harbour/story.html';

/** A PNG header (signature + IHDR) for a width × height picture, padded past the pixel limit. */
function pngDataUri(width: number, height: number, padding = 120): string {
  const bytes = new Uint8Array(24 + padding);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(bytes.buffer).setUint32(16, width);
  new DataView(bytes.buffer).setUint32(20, height);
  return `data:image/png;base64,${Buffer.from(bytes).toString('base64')}`;
}
const PIXEL_GIF = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';
const PNG = pngDataUri(64, 48);

const PROSE = [
  'The harbour authority voted on Tuesday to rebuild the old stone pier, ending a dispute that had divided the town for the better part of a decade and cost two harbour masters their jobs.',
  'Engineers told the board that the pier, built in 1887 from granite quarried a mile up the coast, had settled by more than a foot at its seaward end since the storms of the winter before last.',
  'Fishing crews, who land most of the catch at the pier, had argued for a cheaper repair that would have kept it open through the summer season, when the town depends on visitors and their money.',
  'The new plan closes the pier for eighteen months and moves the fish market to a temporary quay on the north shore, where the water is shallower and the boats must wait for the tide to come in.',
  'Residents who spoke at the meeting were divided, though most said they were relieved that a decision had finally been made after so many years of surveys, reports and public consultations.',
];

/** A news page: site chrome around an <article> of five paragraphs, with `parts` between them. */
function page(parts: Record<number, string>, head = ''): string {
  const body = PROSE.map((p, i) => `${parts[i] ?? ''}<p>${p}</p>`).join('\n');
  return `<!doctype html><html><head><title>Pier to be rebuilt</title>${head}</head><body>
<header class="site-header"><a href="/"><img src="/logo.png" alt="News Example" width="200" height="40"></a></header>
<nav class="menu"><img src="/nav-icon.png" alt=""><a href="/">Home</a> <a href="/local">Local</a></nav>
<article><h1>Pier to be rebuilt after decade of dispute</h1>
${body}
${parts[PROSE.length] ?? ''}
<div class="share-buttons"><img src="/share/facebook.png" alt="Share on Facebook" width="24" height="24"></div>
</article>
<aside class="sidebar"><img src="/ads/banner.jpg" alt="Advertisement"><p>Subscribe to our newsletter for the week's news from the coast.</p></aside>
<footer class="site-footer"><img src="/footer-logo.png" alt="News Example"><p>Contact us</p></footer>
</body></html>`;
}

const srcs = (html: string, url: string | null = PAGE_URL) =>
  captureHtml(html, url).images.map((i) => i.src);

describe('images of a captured HTML page', () => {
  it('keeps figures and stand-alone pictures of the article, in reading order, with their place', () => {
    const html = page({
      0: '<figure><img src="images/pier.jpg" alt="The old pier at low tide"><figcaption>The pier in 1910. <span>Photo: Town archive</span></figcaption></figure>',
      2: '<p><img src="/media/crew.jpg" alt="A crew landing its catch" width="800" height="600"></p>',
      5: '<figure><img src="https://cdn.news.example/map.png" alt="Map of the new quay"></figure>',
    });
    const { images } = captureHtml(html, PAGE_URL);
    expect(images).toEqual([
      {
        id: expect.stringMatching(/^img-[0-9a-f]{16}$/),
        src: 'https://news.example/2024/05/harbour/images/pier.jpg',
        alt: 'The old pier at low tide',
        caption: 'The pier in 1910. Photo: Town archive',
        before: 0,
      },
      {
        id: expect.stringMatching(/^img-[0-9a-f]{16}$/),
        src: 'https://news.example/media/crew.jpg',
        alt: 'A crew landing its catch',
        caption: null,
        before: 2,
      },
      {
        id: expect.stringMatching(/^img-[0-9a-f]{16}$/),
        src: 'https://cdn.news.example/map.png',
        alt: 'Map of the new quay',
        caption: null,
        before: 5,
      },
    ]);
    expect(new Set(images.map((i) => i.id)).size).toBe(3);
  });

  it('gives the same id to the same address, whatever else changes', () => {
    const a = captureHtml(page({ 1: '<figure><img src="/a.jpg" alt="x"></figure>' }), PAGE_URL);
    const b = captureHtml(page({ 3: '<p><img src="https://news.example/a.jpg"></p>' }), PAGE_URL);
    expect(a.images[0]!.id).toBe(b.images[0]!.id);
  });

  it('never takes pictures from the site header, navigation, share widgets, sidebars or footer', () => {
    expect(srcs(page({}))).toEqual([]);
  });

  it('leaves out icons and emoji set inside a line of text', () => {
    const html = page({
      1: `<p>The vote was close <img src="/emoji/thumbs-up.png" alt="👍" width="72" height="72"> and the board chair said so.</p>`,
    });
    expect(srcs(html)).toEqual([]);
  });

  it('drops tracking pixels, spacers and repeats of the same picture', () => {
    const html = page({
      0: '<p><img src="https://track.example/p.gif?id=1" width="1" height="1"></p>',
      1: '<figure><img src="/spacer.gif" width="100%" height="2"></figure>',
      2: `<figure><img src="${PIXEL_GIF}" alt=""></figure>`,
      3: '<figure><img src="/pier.jpg" alt="first"></figure>',
      4: '<figure><img src="https://news.example/pier.jpg#zoom" alt="again"></figure>',
    });
    expect(captureHtml(html, PAGE_URL).images.map((i) => [i.src, i.alt])).toEqual([
      ['https://news.example/pier.jpg', 'first'],
    ]);
  });

  it('refuses every address it could not fetch safely: script, SVG, blob, file and the like', () => {
    const html = page({
      0: '<figure><img src="javascript:alert(1)" alt="a"></figure>',
      1: '<figure><img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+" alt="b"></figure>',
      2: '<figure><img src="blob:https://news.example/0d9c" alt="c"></figure><figure><img src="file:///etc/passwd" alt="d"></figure>',
      3: '<figure><img src="data:text/html,<script>alert(1)</script>" alt="e"></figure><figure><img src="ftp://news.example/f.jpg" alt="f"></figure>',
      4: `<figure><img src="${PNG}" alt="a chart"></figure><figure><img src="" alt="g"></figure>`,
    });
    expect(captureHtml(html, PAGE_URL).images.map((i) => i.alt)).toEqual(['a chart']);
    expect(captureHtml(html, PAGE_URL).images[0]!.src).toBe(PNG);
  });

  it('resolves against <base href> when the page has one, else the page address', () => {
    const html = page(
      { 1: '<figure><img src="pier.jpg" alt="x"></figure>' },
      '<base href="https://static.news.example/assets/">',
    );
    expect(srcs(html)).toEqual(['https://static.news.example/assets/pier.jpg']);
    const relativeBase = page(
      { 1: '<figure><img src="pier.jpg" alt="x"></figure>' },
      '<base href="/static/">',
    );
    expect(srcs(relativeBase)).toEqual(['https://news.example/static/pier.jpg']);
    expect(srcs(page({ 1: '<figure><img src="//cdn.example/p.jpg"></figure>' }))).toEqual([
      'https://cdn.example/p.jpg',
    ]);
  });

  it('falls back to the address the page states, and keeps no relative address without one', () => {
    const figure = { 1: '<figure><img src="pier.jpg" alt="x"></figure>' };
    const canonical = '<link rel="canonical" href="https://stated.example/news/pier">';
    expect(srcs(page(figure, canonical), null)).toEqual(['https://stated.example/news/pier.jpg']);
    expect(srcs(page(figure), null)).toEqual([]);
    expect(srcs(page({ 1: '<figure><img src="https://a.example/p.jpg"></figure>' }), null)).toEqual(
      ['https://a.example/p.jpg'],
    );
  });

  it('captures the same images from the sanitized page as from the raw one (app and CLI)', () => {
    const html = page(
      {
        0: '<figure><img src="images/pier.jpg" srcset="images/pier-2x.jpg 2x" alt="pier"><figcaption>The pier <script>x()</script>at dawn</figcaption></figure>',
        1: '<picture><source srcset="/big.webp"><img src="/small.jpg" alt="picture"></picture>',
        2: `<figure><img src="${PNG}" alt="png"><img src="javascript:alert(1)"><img data-src="/lazy.jpg" src="${PIXEL_GIF}"></figure>`,
        3: '<figure><img src=" /spaced.jpg " alt="spaced"></figure>',
      },
      '<base href="https://static.news.example/">',
    );
    const options = { parseHtml: parseHtmlWithLinkedom, url: PAGE_URL, id: 'a' };
    const raw = captureSource(html, 'text/html', options).images;
    const clean = captureSource(html, 'text/html', { ...options, sanitize: sanitizeParsedPage });
    expect(clean.images).toEqual(raw);
    expect(raw.map((i) => i.src)).toEqual([
      'https://static.news.example/images/pier.jpg',
      'https://static.news.example/small.jpg',
      PNG,
      'https://static.news.example/spaced.jpg',
    ]);
    expect(raw[0]!.caption).toBe('The pier at dawn');
  });
});

describe('images of the fixture pages', () => {
  it('news site: the lead picture above the body, with its caption', () => {
    expect(capturePage('news-site.html').article.images).toEqual([
      {
        id: expect.stringMatching(/^img-/),
        src: 'https://static.coastlinecourier.example/images/2024/03/turbine.jpg',
        alt: 'A tidal turbine being lowered from a barge',
        caption:
          'A turbine is lowered into the channel in October. Photo: Maria Santos for The Coastline Courier',
        before: 0,
      },
    ]);
  });

  it('Ghost post: the figure in the body, not the author avatar or the related-post cards', () => {
    const { images } = capturePage('ghost-post.html', 'https://tidewrack.example/ferry/').article;
    expect(images.map((i) => [i.src, i.before])).toEqual([
      ['https://tidewrack.example/content/images/2022/10/ferry-deck.jpg', 1],
    ]);
    expect(images[0]!.caption).toBe(
      'The car deck empties out after midnight. Photo by the author.',
    );
  });

  it('Medium (SingleFile): the picture between paragraphs 2 and 3, with an empty alt', () => {
    const { images } = capturePage('medium-singlefile.html').article;
    expect(images.map((i) => [i.src, i.alt, i.before])).toEqual([
      ['https://miro.medium.example/v2/resize:fit:1400/queue.jpeg', '', 2],
    ]);
  });

  it('WordPress: no commenter avatars; pages without pictures have none', () => {
    expect(capturePage('wordpress-blog.html').article.images).toEqual([]);
    expect(capturePage('government-guidance.html').article.images).toEqual([]);
  });
});

describe('images of Markdown clips and plain text', () => {
  const clip = (body: string, source = 'https://blog.example/posts/pier/') =>
    `---\ntitle: Pier to be rebuilt\nsource: ${source}\n---\n\n${body}`;

  it('keeps image paragraphs, resolved against the clip source, in place', () => {
    const md = clip(
      [
        '![The old pier](images/pier.jpg "The pier in 1910")',
        PROSE[0],
        PROSE[1],
        '[![Map of the quay](/map.png)](/map-large.png) ![Second](https://cdn.example/b.webp)',
        PROSE[2],
        '![Repeat](images/pier.jpg)',
      ].join('\n\n'),
    );
    const { images } = captureSource(md, 'text/markdown', { id: 'a' });
    expect(images.map(({ src, alt, caption, before }) => ({ src, alt, caption, before }))).toEqual([
      {
        src: 'https://blog.example/posts/pier/images/pier.jpg',
        alt: 'The old pier',
        caption: 'The pier in 1910',
        before: 0,
      },
      { src: 'https://blog.example/map.png', alt: 'Map of the quay', caption: null, before: 2 },
      { src: 'https://cdn.example/b.webp', alt: 'Second', caption: null, before: 2 },
    ]);
  });

  it('drops inline images, unsafe addresses and relative ones without a source', () => {
    const md = [
      `${PROSE[0]} ![icon](https://blog.example/icon.png) and more.`,
      '![x](javascript:alert(1))',
      '![y](data:image/svg+xml;base64,PHN2Zz4=)',
      '![z](relative.png)',
      PROSE[1],
    ].join('\n\n');
    expect(captureSource(md, 'text/markdown', { id: 'a' }).images).toEqual([]);
  });

  it('plain text has no images (an address on a line of its own is text)', () => {
    const text = `Pier to be rebuilt\n\n${PROSE.join('\n\n')}\n\nhttps://x.example/a.png\n`;
    expect(capture(text, 'text/plain').images).toEqual([]);
  });
});

describe('imageAddress', () => {
  it.each([
    ['pier.jpg', 'https://a.example/x/y.html', 'https://a.example/x/pier.jpg'],
    ['HTTPS://A.EXAMPLE/P.JPG', null, 'https://a.example/P.JPG'],
    ['https://a.example/p.jpg#frag', null, 'https://a.example/p.jpg'],
    ['https://user:pw@a.example/p.jpg', null, null],
    ['java\tscript:alert(1)', 'https://a.example/', null],
    ['vbscript:msgbox', null, null],
    ['data:image/svg+xml,<svg onload=alert(1)>', null, null],
    ['data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', null, null],
    ['data:application/octet-stream;base64,AAAA', null, null],
    ['relative.png', null, null],
    ['https://a.example/p.jpg--><b>', null, null],
  ])('%s against %s → %s', (raw, base, expected) => {
    expect(imageAddress(raw, base)).toBe(expected);
  });

  it('refuses addresses longer than 2048 characters', () => {
    expect(imageAddress(`https://a.example/${'a'.repeat(3000)}.jpg`, null)).toBeNull();
  });

  it('keeps raster data: images that are not pixels, percent-encoded or base64', () => {
    expect(imageAddress(PNG, null)).toBe(PNG);
    expect(imageAddress(pngDataUri(1, 1), null)).toBeNull();
    expect(imageAddress(pngDataUri(640, 2), null)).toBeNull();
    expect(imageAddress(pngDataUri(64, 64, 10), null)).toBeNull(); // under 100 bytes
    const encoded = `data:image/jpeg,${'%FF%D8%FF'.repeat(1)}${'x'.repeat(200)}`;
    expect(imageAddress(encoded, null)).toBe(encoded);
  });
});
