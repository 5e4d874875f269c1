import { describe, expect, it } from 'vitest';
import { isIpAddress, isLocalhost, isPublicSuffix, isSecureOrigin, registrableDomain, siteForUrl } from './hosts.ts';

describe('hosts', () => {
  it('recognises localhost names and loopback addresses', () => {
    for (const h of ['localhost', 'LOCALHOST', 'a.localhost', '127.0.0.1', '127.8.9.10', '[::1]', '::1', 'localhost.']) expect(isLocalhost(h), h).toBe(true);
    for (const h of ['localhost.test', 'mylocalhost', '128.0.0.1', '127.0.0.256', '10.0.0.1', '[::2]']) expect(isLocalhost(h), h).toBe(false);
  });

  it('treats https and localhost http as secure origins, nothing else', () => {
    expect(isSecureOrigin('https://x.test/')).toBe(true);
    expect(isSecureOrigin('wss://x.test/')).toBe(true);
    expect(isSecureOrigin('http://localhost:8000/')).toBe(true);
    expect(isSecureOrigin('http://127.0.0.1/')).toBe(true);
    expect(isSecureOrigin('http://[::1]:3000/')).toBe(true);
    expect(isSecureOrigin('http://x.test/')).toBe(false);
    expect(isSecureOrigin('ftp://localhost/')).toBe(false);
    expect(isSecureOrigin('not a url')).toBe(false);
  });

  it('knows public suffixes, private ones included', () => {
    for (const h of ['com', 'co.uk', 'github.io', 'test']) expect(isPublicSuffix(h), h).toBe(true);
    for (const h of ['example.com', 'example.co.uk', 'foo.github.io', '127.0.0.1', '']) expect(isPublicSuffix(h), h).toBe(false);
  });

  it('finds the registrable domain, none for IPs and suffixes', () => {
    expect(registrableDomain('a.b.example.co.uk')).toBe('example.co.uk');
    expect(registrableDomain('co.uk')).toBeNull();
    expect(registrableDomain('10.1.2.3')).toBeNull();
    expect(registrableDomain('[::1]')).toBeNull();
    expect(isIpAddress('10.1.2.3')).toBe(true);
    expect(isIpAddress('example.com')).toBe(false);
  });

  it('builds Chrome schemeful sites', () => {
    expect(siteForUrl('https://a.b.example.com:8443/x')).toBe('https://example.com');
    expect(siteForUrl('http://localhost:3000/')).toBe('http://localhost');
    expect(siteForUrl('::')).toBeNull();
  });
});
