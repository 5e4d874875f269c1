import { describe, expect, it } from 'vitest';
import { applySetCookies } from './apply-set-cookie.ts';
import { formatCookieHeader, matchCookies } from './match-cookies.ts';

const NOW = Date.UTC(2026, 10, 30, 12);
const jarOf = (url: string, headers: string[], now = NOW) => applySetCookies({ url, headers, jar: [], now }).jar;

describe('matchCookies', () => {
  const jar = [
    ...jarOf('https://x.test/', ['root=1', 'lax=1; SameSite=Lax', 'strict=1; SameSite=Strict', 'none=1; SameSite=None; Secure', 'sec=1; Secure']),
    ...jarOf('https://x.test/app/page', ['deep=1'], NOW - 10),
    ...jarOf('https://sub.x.test/', ['dom=1; Domain=x.test', 'host=1']),
  ];

  it('filters by host, domain and path, longest path first', () => {
    const names = matchCookies({ url: 'https://x.test/app/x', jar, now: NOW }).map((c) => c.name);
    expect(names[0]).toBe('deep');
    expect(names).toEqual(expect.arrayContaining(['root', 'dom', 'sec']));
    expect(names).not.toContain('host');
    expect(matchCookies({ url: 'https://sub.x.test/', jar, now: NOW }).map((c) => c.name)).toEqual(expect.arrayContaining(['dom', 'host']));
  });

  it('sends Secure cookies only to secure origins', () => {
    expect(matchCookies({ url: 'http://x.test/', jar, now: NOW }).map((c) => c.name)).not.toContain('sec');
  });

  it('applies SameSite, treating unspecified as Lax', () => {
    const top = matchCookies({ url: 'https://x.test/', jar, now: NOW, sameSiteContext: 'cross-site-top-level' }).map((c) => c.name);
    expect(top).toEqual(expect.arrayContaining(['root', 'lax', 'none']));
    expect(top).not.toContain('strict');
    const sub = matchCookies({ url: 'https://x.test/', jar, now: NOW, sameSiteContext: 'cross-site' }).map((c) => c.name);
    expect(sub).toEqual(['none']);
  });

  it('drops expired cookies and serialises nameless ones as the bare value', () => {
    const short = jarOf('https://x.test/', ['gone=1; Max-Age=1', 'bare']);
    expect(matchCookies({ url: 'https://x.test/', jar: short, now: NOW + 2000 }).map((c) => c.name)).toEqual(['']);
    expect(formatCookieHeader(jarOf('https://x.test/', ['a=1', 'bare']))).toBe('a=1; bare');
  });

  it('keeps partitioned cookies in their partition and blocks third-party cookies when asked', () => {
    const part = applySetCookies({ url: 'https://y.test/', headers: ['p=1; Secure; Partitioned; SameSite=None', 'u=1; Secure; SameSite=None'],
      jar: [], now: NOW, topLevelUrl: 'https://x.test/' }).jar;
    const key = { topLevelSite: 'https://x.test', hasCrossSiteAncestor: true };
    const names = (extra: object) => matchCookies({ url: 'https://y.test/', jar: part, now: NOW, sameSiteContext: 'cross-site', ...extra }).map((c) => c.name);
    expect(names({ partitionKey: key })).toEqual(['p', 'u']);
    expect(names({ partitionKey: { ...key, topLevelSite: 'https://z.test' } })).toEqual(['u']);
    expect(names({ partitionKey: key, blockThirdPartyCookies: true })).toEqual(['p']);
  });

  it('returns nothing for an unparseable URL', () => {
    expect(matchCookies({ url: 'nope', jar, now: NOW })).toEqual([]);
  });
});
