import { describe, expect, it } from 'vitest';
import { checkFetchUrl, isNonPublicAddress, UrlPolicyError } from './url-policy.ts';

describe('isNonPublicAddress', () => {
  it.each([
    '127.0.0.1',
    '127.255.0.9',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    '[::1]',
    'fe80::1',
    'fe80::1%eth0',
    'fc00::1',
    'fd12:3456::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    '0:0:0:0:0:ffff:c0a8:0101',
  ])('%s is not public', (address) => {
    expect(isNonPublicAddress(address)).toBe(true);
  });

  it.each([
    '8.8.8.8',
    '172.32.0.1',
    '172.15.255.255',
    '192.169.0.1',
    '100.128.0.1',
    '2606:4700::1111',
    '2a00:1450:4001:81c::200e',
    '::ffff:8.8.8.8',
    'example.org',
    '1.2.3',
  ])('%s is public (or not an address)', (address) => {
    expect(isNonPublicAddress(address)).toBe(false);
  });
});

describe('checkFetchUrl', () => {
  const refusal = (url: string, allowPrivate = false) => {
    try {
      checkFetchUrl(url, allowPrivate);
      return null;
    } catch (error) {
      return error instanceof UrlPolicyError ? error.code : 'other';
    }
  };

  it('accepts http and https addresses on the public internet', () => {
    expect(checkFetchUrl(' https://example.org/a?b=1 ', false).href).toBe(
      'https://example.org/a?b=1',
    );
    expect(refusal('http://93.184.216.34/')).toBe(null);
  });

  it.each([
    ['not a url', 'bad-url'],
    ['ftp://example.org/file', 'scheme'],
    ['file:///etc/passwd', 'scheme'],
    ['javascript:alert(1)', 'scheme'],
    ['data:text/html,hi', 'scheme'],
    ['https://user:secret@example.org/', 'credentials'],
    ['https://user@example.org/', 'credentials'],
    ['http://localhost:8080/', 'private-address'],
    ['http://printer.local/', 'private-address'],
    ['http://app.localhost/', 'private-address'],
    ['http://127.0.0.1:4000/page', 'private-address'],
    ['http://[::1]/', 'private-address'],
    ['http://10.0.0.5/', 'private-address'],
    ['http://169.254.169.254/latest/meta-data/', 'private-address'],
    ['http://2130706433/', 'private-address'],
    ['http://0x7f.0.0.1/', 'private-address'],
  ])('refuses %s (%s)', (url, code) => {
    expect(refusal(url)).toBe(code);
  });

  it('lets local and private addresses through when the user allowed them, but never other schemes or credentials', () => {
    expect(refusal('http://127.0.0.1:4000/page', true)).toBe(null);
    expect(refusal('http://localhost/', true)).toBe(null);
    expect(refusal('file:///etc/passwd', true)).toBe('scheme');
    expect(refusal('http://a:b@127.0.0.1/', true)).toBe('credentials');
  });
});
