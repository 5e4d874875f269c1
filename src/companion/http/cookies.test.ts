import { describe, expect, it } from 'vitest';
import { formatDeleteCookie, formatSetCookie, httpDate, parseCookieHeader, patchVary, quoteCookieValue } from './cookies.ts';

describe('Django cookie text', () => {
  it('parse_cookie: last duplicate wins, chunks without "=" get the empty name, quotes are undone', () => {
    const c = parseCookieHeader('sessionid=aaa; other=1; sessionid=bbb; flag; q="a\\"b\\054c"');
    expect(c.get('sessionid')).toBe('bbb');
    expect(c.get('')).toBe('flag');
    expect(c.get('q')).toBe('a"b,c');
    expect(parseCookieHeader('sessionid=').has('sessionid')).toBe(true);
  });

  it('formats every attribute in Morsel order (the documented full example)', () => {
    expect(formatSetCookie('sessionid', 'abc', {
      domain: '.example.com', expires: 'Mon, 30 Nov 2026 02:09:23 GMT', httponly: true, maxAge: 10, path: '/', samesite: 'Strict', secure: true,
    })).toBe('sessionid=abc; Domain=.example.com; expires=Mon, 30 Nov 2026 02:09:23 GMT; HttpOnly; Max-Age=10; Path=/; SameSite=Strict; Secure');
    expect(formatSetCookie('s', 'k', { maxAge: 90.5, path: '/' })).toBe('s=k; Max-Age=90; Path=/');
    expect(formatSetCookie('s', 'k', { maxAge: -10 })).toBe('s=k; Max-Age=-10');
  });

  it('quotes values outside the legal cookie characters', () => {
    expect(quoteCookieValue('')).toBe('""');
    expect(quoteCookieValue('a b')).toBe('"a b"');
    expect(quoteCookieValue('é')).toBe('"\\303\\251"');
    expect(quoteCookieValue('eyJhIjoxfQ:1r31eq:abc-_')).toBe('eyJhIjoxfQ:1r31eq:abc-_');
  });

  it('deletes with Secure only for SameSite=None or __Secure-/__Host- names', () => {
    expect(formatDeleteCookie('sessionid', '/', null, 'Lax')).toBe('sessionid=""; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; SameSite=Lax');
    expect(formatDeleteCookie('sessionid', '/', '.x.com', 'none')).toContain('SameSite=none; Secure');
    expect(formatDeleteCookie('__Host-s', '/', null, null)).toBe('__Host-s=""; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; Secure');
  });

  it('httpDate truncates like formatdate(usegmt=True) and refuses years past 9999', () => {
    expect(httpDate(1700000000.9)).toBe('Tue, 14 Nov 2023 22:13:20 GMT');
    expect(() => httpDate(1e15)).toThrow(/out of range/);
  });

  it('patch_vary_headers appends once, case-insensitively', () => {
    const h: [string, string][] = [['Vary', 'Accept-Encoding']];
    patchVary(h, 'Cookie');
    patchVary(h, 'cookie');
    expect(h).toEqual([['Vary', 'Accept-Encoding, Cookie']]);
  });
});
