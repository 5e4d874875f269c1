import { describe, expect, it } from 'vitest';
import { defaultPath, domainMatch, pathMatch, resolveCookieDomain } from './cookie-scope.ts';

describe('domainMatch', () => {
  it('matches the domain itself and its subdomains on label boundaries', () => {
    expect(domainMatch('example.com', 'example.com')).toBe(true);
    expect(domainMatch('a.example.com', '.example.com')).toBe(true);
    expect(domainMatch('A.Example.COM', 'example.com')).toBe(true);
    expect(domainMatch('badexample.com', 'example.com')).toBe(false);
    expect(domainMatch('example.com', 'a.example.com')).toBe(false);
  });

  it('never suffix-matches IP addresses', () => {
    expect(domainMatch('1.2.3.4', '2.3.4')).toBe(false);
    expect(domainMatch('1.2.3.4', '1.2.3.4')).toBe(true);
  });
});

describe('defaultPath', () => {
  it('takes the directory of the request path', () => {
    expect(defaultPath('/a/b/c')).toBe('/a/b');
    expect(defaultPath('/a/b/')).toBe('/a/b');
    expect(defaultPath('/a')).toBe('/');
    expect(defaultPath('/')).toBe('/');
    expect(defaultPath('')).toBe('/');
    expect(defaultPath('relative')).toBe('/');
  });
});

describe('pathMatch', () => {
  it('matches equal paths and prefixes on "/" boundaries', () => {
    expect(pathMatch('/a/b', '/a')).toBe(true);
    expect(pathMatch('/a/b', '/a/')).toBe(true);
    expect(pathMatch('/a', '/a')).toBe(true);
    expect(pathMatch('/ab', '/a')).toBe(false);
    expect(pathMatch('/', '/a')).toBe(false);
  });
});

describe('resolveCookieDomain', () => {
  it('is host-only without a Domain attribute', () => {
    expect(resolveCookieDomain('sub.x.test', undefined)).toEqual({ ok: true, domain: 'sub.x.test', hostOnly: true });
    expect(resolveCookieDomain('sub.x.test', '')).toEqual({ ok: true, domain: 'sub.x.test', hostOnly: true });
  });

  it('accepts a parent domain in the same site, any case, with or without a leading dot', () => {
    for (const d of ['x.test', '.x.test', 'X.TEST', 'sub.x.test']) {
      expect(resolveCookieDomain('sub.x.test', d)).toMatchObject({ ok: true, hostOnly: false });
    }
  });

  it('rejects other sites, children, public suffixes, ports and percent escapes', () => {
    for (const d of ['y.test', 'test', 'a.sub.x.test', 'x.test:443', '%78.test', '.', '..x.test', 'bücher.test']) {
      expect(resolveCookieDomain('sub.x.test', d).ok, d).toBe(false);
    }
    expect(resolveCookieDomain('example.co.uk', 'co.uk').ok).toBe(false);
    expect(resolveCookieDomain('sub.x.test', 'bücher.test')).toEqual({ ok: false, nonAscii: true });
  });

  it('converts a non-ASCII Domain to punycode before matching, as Chromium does', () => {
    expect(resolveCookieDomain('sub.xn--bcher-kva.test', 'Bücher.test')).toEqual({ ok: true, domain: 'xn--bcher-kva.test', hostOnly: false });
  });

  it('accepts a Domain equal to a host without registrable domain as host-only', () => {
    expect(resolveCookieDomain('co.uk', 'co.uk')).toEqual({ ok: true, domain: 'co.uk', hostOnly: true });
    expect(resolveCookieDomain('127.0.0.1', '127.0.0.1')).toEqual({ ok: true, domain: '127.0.0.1', hostOnly: true });
    expect(resolveCookieDomain('127.0.0.1', '.127.0.0.1')).toEqual({ ok: true, domain: '127.0.0.1', hostOnly: true });
    expect(resolveCookieDomain('localhost', 'localhost')).toMatchObject({ ok: true, hostOnly: true });
    expect(resolveCookieDomain('127.0.0.1', '0.0.1').ok).toBe(false);
    expect(resolveCookieDomain('a.localhost', 'localhost').ok).toBe(false);
  });

  it('answers each (host, Domain) pair the same way however often and in whatever order it is asked', () => {
    const pairs: Array<[string, string]> = [
      ['sub.x.test', '.x.test'], ['sub.x.test', 'y.test'], ['x.test', 'X.TEST'], ['www.example.com', 'com'],
      ['sub.x.test', 'x.test:443'], ['a.x.test', 'b.x.test'], ['co.uk', 'co.uk'],
    ];
    const first = pairs.map(([h, d]) => JSON.stringify(resolveCookieDomain(h, d)));
    for (let round = 0; round < 3; round++) {
      for (const i of [...pairs.keys()].reverse()) expect(JSON.stringify(resolveCookieDomain(...pairs[i]))).toBe(first[i]);
    }
    // the attribute is not mistaken for another host's
    expect(resolveCookieDomain('sub.y.test', '.x.test').ok).toBe(false);
    expect(resolveCookieDomain('sub.x.test', '.x.test')).toEqual({ ok: true, domain: 'x.test', hostOnly: false });
  });
});

