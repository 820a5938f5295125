import { describe, expect, it } from 'vitest';
import { clientAddressOf, ipFamily, limitKeyOf, NO_TRUSTED_PROXIES, parseTrustedProxies } from './client-address';

describe('the client behind a reverse proxy', () => {
  const proxies = parseTrustedProxies('127.0.0.1, ::1, 10.0.0.0/8');

  it('is the socket peer when no proxy is trusted, whatever X-Forwarded-For claims', () => {
    expect(clientAddressOf('203.0.113.9', '198.51.100.1', NO_TRUSTED_PROXIES)).toBe('203.0.113.9');
    expect(clientAddressOf('127.0.0.1', '198.51.100.1', NO_TRUSTED_PROXIES)).toBe('127.0.0.1');
  });

  it('is the first untrusted hop from the right when the peer is a trusted proxy', () => {
    expect(clientAddressOf('127.0.0.1', '198.51.100.1', proxies)).toBe('198.51.100.1');
    // The client wrote "1.2.3.4" itself; our proxies appended what they saw.
    expect(clientAddressOf('10.1.2.3', '1.2.3.4, 198.51.100.1, 10.0.0.7', proxies)).toBe('198.51.100.1');
    expect(clientAddressOf('::ffff:127.0.0.1', '2001:db8::5', proxies)).toBe('2001:db8::5');
    expect(clientAddressOf('127.0.0.1', '[2001:db8::5]:4711', proxies)).toBe('2001:db8::5');
    expect(clientAddressOf('127.0.0.1', '198.51.100.1:4711', proxies)).toBe('198.51.100.1');
  });

  it('ignores the header of an untrusted peer and stops at a malformed hop', () => {
    expect(clientAddressOf('203.0.113.9', '10.0.0.1', proxies)).toBe('203.0.113.9');
    expect(clientAddressOf('127.0.0.1', '198.51.100.1, unknown', proxies)).toBe('127.0.0.1');
    expect(clientAddressOf('127.0.0.1', '', proxies)).toBe('127.0.0.1');
    expect(clientAddressOf('127.0.0.1', '10.0.0.1, 10.0.0.2', proxies)).toBe('10.0.0.1');
  });

  it('refuses a setting that is not a list of addresses and ranges', () => {
    expect(() => parseTrustedProxies('localhost')).toThrow(/not an IP address/);
    expect(() => parseTrustedProxies('10.0.0.0/33')).toThrow(/prefix length/);
    expect(() => parseTrustedProxies('fd00::/129')).toThrow(/prefix length/);
    expect(parseTrustedProxies('fd00::/8').contains('fd12:3456::1')).toBe(true);
    expect(parseTrustedProxies('fd00::/8').contains('2001:db8::1')).toBe(false);
  });
});

describe('the key a limit counts by', () => {
  it('is an IPv4 address as it is, and an IPv6 address by its /64', () => {
    expect(limitKeyOf('192.0.2.1')).toBe('192.0.2.1');
    expect(limitKeyOf('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(limitKeyOf('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(limitKeyOf('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(limitKeyOf('2001:db8::1')).toBe('2001:db8:0:0::/64');
  });

  it('knows an address when it sees one', () => {
    for (const good of ['192.0.2.1', '::1', '2001:db8::1', 'fe80::1%eth0', '::ffff:192.0.2.1'])
      expect(ipFamily(good)).not.toBe(0);
    for (const bad of ['256.1.1.1', '1.2.3', 'unknown', '', '2001:db8:::1', '12345::1', 'g::1'])
      expect(ipFamily(bad)).toBe(0);
  });
});
