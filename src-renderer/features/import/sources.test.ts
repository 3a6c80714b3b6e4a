import { describe, expect, it } from 'vitest';
import { isAcceptedName, isUrlList, urlSources } from './sources.ts';

describe('urlSources', () => {
  it('takes one address per line or space, in order, each once, without surrounding punctuation', () => {
    const sources = urlSources(
      ' https://a.example/1\n\n<https://b.example/2>, https://a.example/1\r\n(https://c.example/3).\nhttps://en.wikipedia.org/wiki/Tide_(disambiguation)\n',
    );
    expect(sources.map((s) => (s.kind === 'url' ? s.url : null))).toEqual([
      'https://a.example/1',
      'https://b.example/2',
      'https://c.example/3',
      'https://en.wikipedia.org/wiki/Tide_(disambiguation)',
    ]);
    expect(sources.map((s) => s.label)).toEqual(
      sources.map((s) => (s.kind === 'url' ? s.url : '')),
    );
  });

  it('keeps what is not an address, so its refusal is reported', () => {
    expect(urlSources('ftp://x.example/f not-a-url').map((s) => s.label)).toEqual([
      'ftp://x.example/f',
      'not-a-url',
    ]);
  });
});

describe('isUrlList', () => {
  it('is true only for text made of http(s) addresses', () => {
    expect(isUrlList('https://a.example/1\nhttp://b.example/')).toBe(true);
    expect(isUrlList('https://a.example/1 is worth reading')).toBe(false);
    expect(isUrlList('   ')).toBe(false);
  });
});

describe('isAcceptedName', () => {
  it.each([
    ['page.HTML', true],
    ['clip.md', true],
    ['notes.txt', true],
    ['scan.pdf', false],
    ['.html', false],
    ['README', false],
  ])('%s → %s', (name, accepted) => {
    expect(isAcceptedName(name)).toBe(accepted);
  });
});
