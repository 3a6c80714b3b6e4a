import { describe, expect, it } from 'vitest';
import { canonicalUrl } from './canonical-url.ts';

describe('canonicalUrl', () => {
  it.each([
    ['https://example.com/a/b', 'https://example.com/a/b'],
    ['HTTPS://Example.COM/Path/Case', 'https://example.com/Path/Case'],
    ['http://example.com:80/a', 'http://example.com/a'],
    ['https://example.com:443/a', 'https://example.com/a'],
    ['https://example.com:8443/a', 'https://example.com:8443/a'],
    ['https://example.com', 'https://example.com/'],
    ['https://example.com/a#section-2', 'https://example.com/a'],
    ['https://example.com/a?', 'https://example.com/a'],
    ['https://example.com/a?#top', 'https://example.com/a'],
    [
      'https://example.com/a?utm_source=tw&utm_medium=social&UTM_Campaign=x',
      'https://example.com/a',
    ],
    ['https://example.com/a?id=7&fbclid=IwAR0&page=2', 'https://example.com/a?id=7&page=2'],
    ['https://example.com/a?page=2&id=7&gclid=x', 'https://example.com/a?page=2&id=7'],
    [
      'https://example.com/a?dclid=1&msclkid=2&mc_cid=3&mc_eid=4&igshid=5&ref_src=6&_ga=7&yclid=8',
      'https://example.com/a',
    ],
    ['https://example.com/a?q=a%20b&&x=1', 'https://example.com/a?q=a%20b&x=1'],
    ['https://example.com/a?ref=homepage', 'https://example.com/a?ref=homepage'],
    ['https://www.example.com/a', 'https://www.example.com/a'],
    ['  https://example.com/a  ', 'https://example.com/a'],
    ['https://exämple.com/a', 'https://xn--exmple-cua.com/a'],
  ])('%s → %s', (input, expected) => {
    expect(canonicalUrl(input)).toBe(expected);
  });

  it.each([
    'ftp://example.com/a',
    'mailto:a@example.com',
    'javascript:alert(1)',
    'data:text/html,x',
    'file:///etc/passwd',
    '/relative/path',
    'not a url',
    '',
    'https://',
  ])('%s → null', (input) => {
    expect(canonicalUrl(input)).toBeNull();
  });

  it('treats www. and the bare host as different pages', () => {
    expect(canonicalUrl('https://www.example.com/a')).not.toBe(
      canonicalUrl('https://example.com/a'),
    );
  });

  it('gives the same form for the same page shared with different tracking', () => {
    expect(canonicalUrl('https://Example.com:443/story?utm_source=a#comments')).toBe(
      canonicalUrl('https://example.com/story?fbclid=b'),
    );
  });
});
