import { describe, expect, it } from 'vitest';
import { cleanTitle, hostNames, siteOf } from './title.ts';

describe('cleanTitle', () => {
  it.each([
    ['Why Rivers Change | The River Review', { siteName: 'The River Review' }],
    ['Why Rivers Change - The River Review', { siteName: 'The River Review' }],
    ['Why Rivers Change – The River Review', { siteName: 'The River Review' }],
    ['Why Rivers Change — The River Review', { siteName: 'The River Review' }],
    ['Why Rivers Change · The River Review', { siteName: 'The River Review' }],
    ['Why Rivers Change | River Review', { siteName: 'The River Review' }],
    ['The River Review: Why Rivers Change', { siteName: 'The River Review' }],
    ['The River Review | Why Rivers Change', { siteName: 'The River Review' }],
    [
      'Why Rivers Change | Siân Ní Bhriain | The River Review',
      {
        siteName: 'The River Review',
        authors: ['Siân Ní Bhriain'],
      },
    ],
    [
      'Why Rivers Change - by Siân Ní Bhriain - Footnotes',
      {
        siteName: 'Footnotes',
        authors: ['Siân Ní Bhriain'],
      },
    ],
    ['Why Rivers Change - The Harbor Ledger', { host: 'www.harborledger.example' }],
    ['Why Rivers Change - harborledger.example', { host: 'www.harborledger.example' }],
    ['Why Rivers Change - BBC News', { host: 'www.bbc.co.uk' }],
    ['Why Rivers Change | Velo', { siteNames: [null, 'Velo'] }],
    ['  Why   Rivers\n Change \t|  The River Review ', { siteName: 'The River Review' }],
  ])('%j', (raw, known) => {
    expect(cleanTitle(raw, known)).toBe('Why Rivers Change');
  });

  it('keeps a title that contains " - " for its own reasons', () => {
    expect(cleanTitle('Spider-Man - A Retrospective', {})).toBe('Spider-Man - A Retrospective');
    expect(cleanTitle('Rivers - Why They Move', { siteName: 'The River Review' })).toBe(
      'Rivers - Why They Move',
    );
    expect(
      cleanTitle('Gulf Stream - Is It Slowing? - The River Review', {
        siteName: 'The River Review',
      }),
    ).toBe('Gulf Stream - Is It Slowing?');
  });

  it('keeps a colon title whose prefix is not the site', () => {
    expect(cleanTitle('Floods: A History', { siteName: 'The River Review' })).toBe(
      'Floods: A History',
    );
  });

  it('never strips a title down to nothing', () => {
    expect(cleanTitle('The River Review', { siteName: 'The River Review' })).toBe(
      'The River Review',
    );
    expect(cleanTitle('The River Review | River Review', { siteName: 'The River Review' })).toBe(
      'The River Review',
    );
  });

  it('does not strip an author part from the front', () => {
    expect(cleanTitle('Jane Doe: My Year', { authors: ['Jane Doe'] })).toBe('Jane Doe: My Year');
  });

  it('decodes nothing: the DOM already did', () => {
    expect(cleanTitle('Fish &amp; Chips | Site', { siteName: 'Site' })).toBe('Fish &amp; Chips');
  });

  it('returns an empty string for an empty title', () => {
    expect(cleanTitle('   ', { siteName: 'Site' })).toBe('');
  });

  it('runs in linear time on hostile titles', () => {
    const long = `${'a | '.repeat(50_000)}Site`;
    expect(cleanTitle(long, { siteName: 'Site' }).endsWith('a')).toBe(true);
    expect(cleanTitle(`x${' -'.repeat(100_000)}`, {}).length).toBeGreaterThan(0);
    expect(cleanTitle(`${'a'.repeat(100_000)}: b`, { siteName: 'a' })).toContain('a');
  });
});

describe('hostNames and siteOf', () => {
  it('name the site a host belongs to', () => {
    expect(hostNames('www.theguardian.com')).toEqual(['theguardian', 'theguardiancom']);
    expect(hostNames('https://www.bbc.co.uk/news/x')).toContain('bbc');
    expect(hostNames('footnotes.substack.com')).toContain('footnotes');
    expect(hostNames('')).toEqual([]);
    expect(siteOf('www.bbc.co.uk')).toBe('bbc.co.uk');
    expect(siteOf('m.example.com')).toBe('example.com');
    expect(siteOf('footnotes.substack.com')).toBe('footnotes.substack.com');
    expect(siteOf('localhost')).toBe('localhost');
  });
});
