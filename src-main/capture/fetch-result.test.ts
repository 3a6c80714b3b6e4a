import { describe, expect, it, vi } from 'vitest';
import { FetchError, type fetchResource } from './fetch-resource.ts';
import { fetchForRenderer } from './fetch-result.ts';

const resource = {
  requestedUrl: 'https://example.org/',
  url: 'https://example.org/',
  status: 200,
  mediaType: 'text/html',
  charset: null,
  bytes: new Uint8Array([1]),
};

describe('fetchForRenderer', () => {
  it('passes the purpose and the setting on, and wraps the resource', async () => {
    const fetch = vi.fn<typeof fetchResource>(async () => resource);
    await expect(
      fetchForRenderer({ url: 'https://example.org/', allowPrivate: true }, 'image', fetch),
    ).resolves.toEqual({ ok: true, resource });
    expect(fetch).toHaveBeenCalledWith('https://example.org/', {
      purpose: 'image',
      allowPrivate: true,
    });
  });

  it('returns a FetchError as a value with its code and message', async () => {
    const fetch = vi.fn<typeof fetchResource>(async () => {
      throw new FetchError('timeout', 'example.org did not answer.');
    });
    await expect(
      fetchForRenderer({ url: 'https://example.org/', allowPrivate: false }, 'page', fetch),
    ).resolves.toEqual({ ok: false, code: 'timeout', message: 'example.org did not answer.' });
  });

  it('turns anything else into a plain message, logging the details', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const fetch = vi.fn<typeof fetchResource>(async () => {
      throw new TypeError('a bug');
    });
    const result = await fetchForRenderer(
      { url: 'https://example.org/', allowPrivate: false },
      'page',
      fetch,
    );
    expect(result).toMatchObject({ ok: false, code: 'network' });
    expect(result.ok === false && result.message).not.toContain('a bug');
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });
});
