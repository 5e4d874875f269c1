import { describe, expect, it } from 'vitest';
import { applySetCookie, applySetCookies } from './apply-set-cookie.ts';
import { MAX_COOKIE_AGE_MS } from './create-cookie.ts';
import { parseSetCookie } from './parse-set-cookie.ts';
import type { StoredCookie } from './types.ts';

const NOW = Date.UTC(2026, 10, 30, 12);
const set = (url: string, header: string, jar: StoredCookie[] = [], extra: { fromScript?: boolean } = {}) =>
  applySetCookie({ url, header, jar, now: NOW, ...extra });
const jarAfter = (url: string, headers: string[], jar: StoredCookie[] = []) => applySetCookies({ url, headers, jar, now: NOW }).jar;

describe('applySetCookie: creation', () => {
  it('stores a host-only session cookie with the defaults', () => {
    const d = set('https://x.test/a/b', 'sid=1');
    expect(d.action).toBe('stored');
    expect(d.cookie).toMatchObject({
      name: 'sid', value: '1', domain: 'x.test', hostOnly: true, path: '/a', secure: false, httpOnly: false,
      sameSite: 'unspecified', partitioned: false, expiresAt: null, creationTime: NOW, priority: 'medium',
    });
  });

  it('stores a domain cookie for a parent domain and rejects foreign or public-suffix domains', () => {
    expect(set('https://sub.x.test/', 'a=1; Domain=.X.test').cookie).toMatchObject({ domain: 'x.test', hostOnly: false });
    expect(set('https://sub.x.test/', 'a=1; Domain=y.test').reasons).toEqual(['InvalidDomain']);
    expect(set('https://www.example.com/', 'a=1; Domain=com').reasons).toEqual(['InvalidDomain']);
    expect(set('https://co.uk/', 'a=1; Domain=co.uk').cookie).toMatchObject({ domain: 'co.uk', hostOnly: true });
    expect(set('http://127.0.0.1/', 'a=1; Domain=127.0.0.1').cookie).toMatchObject({ domain: '127.0.0.1', hostOnly: true });
    expect(set('http://127.0.0.1/', 'a=1; Domain=0.0.1').action).toBe('rejected');
  });

  it('rejects Secure from non-secure origins but allows localhost and loopback', () => {
    expect(set('http://x.test/', 'a=1; Secure').reasons).toEqual(['SecureOnly']);
    for (const url of ['http://localhost:8000/', 'http://a.localhost/', 'http://127.0.0.1/', 'http://[::1]/', 'https://x.test/']) {
      expect(set(url, 'a=1; Secure').action, url).toBe('stored');
    }
  });

  it('enforces __Secure- and __Host- prefixes case-insensitively', () => {
    expect(set('https://x.test/', '__Secure-a=1').reasons).toEqual(['InvalidPrefix']);
    expect(set('https://x.test/', '__SECURE-a=1').reasons).toEqual(['InvalidPrefix']);
    expect(set('https://x.test/', '__secure-a=1; Secure').action).toBe('stored');
    expect(set('https://x.test/', '__Host-a=1; Secure; Path=/').action).toBe('stored');
    expect(set('https://x.test/', '__Host-a=1; Secure').reasons).toEqual(['InvalidPrefix']);
    expect(set('https://x.test/', '__host-a=1; Secure; Path=/; Domain=x.test').reasons).toEqual(['InvalidPrefix']);
    expect(set('http://localhost/', '__Host-a=1; Secure; Path=/').action).toBe('stored');
    expect(set('http://x.test/', '__Secure-a=1; Secure').reasons).toEqual(['InvalidPrefix']);
    expect(set('https://x.test/', '__Host-x').reasons).toEqual(['InvalidPrefix']);
  });

  it('reports creation reasons together and storage reasons only after them', () => {
    expect(set('http://x.test/', '__Host-a=1; Domain=y.test; SameSite=None').reasons).toEqual(['InvalidDomain', 'InvalidPrefix']);
    expect(set('https://x.test/', 'a=1; SameSite=None').reasons).toEqual(['SameSiteNoneInsecure']);
  });

  it('maps SameSite to the chrome.cookies vocabulary, unknown values to unspecified', () => {
    expect(set('https://x.test/', 'a=1; SameSite=None; Secure').cookie?.sameSite).toBe('no_restriction');
    expect(set('https://x.test/', 'a=1; SameSite=strict').cookie?.sameSite).toBe('strict');
    const invalid = set('https://x.test/', 'a=1; SameSite=Lax2');
    expect(invalid.cookie?.sameSite).toBe('unspecified');
    expect(invalid.warnings).toContain('samesite-invalid');
  });

  it('requires Secure (and a secure origin) for Partitioned, and keys the partition by top-level site', () => {
    expect(set('https://x.test/', 'a=1; Partitioned').reasons).toEqual(['InvalidPartitioned']);
    expect(set('http://x.test/', 'a=1; Partitioned; Secure').reasons).toEqual(['InvalidPartitioned']);
    const ok = set('https://sub.x.test/', 'a=1; Partitioned; Secure');
    expect(ok.cookie?.partitionKey).toEqual({ topLevelSite: 'https://x.test', hasCrossSiteAncestor: false });
    const embedded = applySetCookie({ url: 'https://x.test/', header: 'a=1; Partitioned; Secure', jar: [], now: NOW,
      partitionKey: { topLevelSite: 'https://top.test', hasCrossSiteAncestor: true } });
    expect(embedded.cookie?.partitionKey?.topLevelSite).toBe('https://top.test');
  });

  it('rejects oversize pairs, control characters, empty and ambiguous nameless cookies', () => {
    expect(set('https://x.test/', `a=${'x'.repeat(4096)}`).reasons).toEqual(['NameValuePairExceedsMaxSize']);
    expect(set('https://x.test/', `a=${'x'.repeat(4095)}`).action).toBe('stored');
    expect(set('https://x.test/', 'a=b\u0001').reasons).toEqual(['DisallowedCharacter']);
    expect(set('https://x.test/', '=').reasons).toEqual(['NoCookieContent']);
    expect(set('https://x.test/', '=a=b').reasons).toEqual(['NamelessValueWithEquals']);
    expect(set('https://x.test/', 'justvalue').cookie).toMatchObject({ name: '', value: 'justvalue' });
    expect(set('file:///etc/passwd', 'a=1').reasons).toEqual(['SchemeNotSupported']);
  });

  it('ignores oversize attributes with a warning', () => {
    const d = set('https://x.test/d/e', `a=1; Path=/${'p'.repeat(1024)}`);
    expect(d.cookie?.path).toBe('/d');
    expect(d.warnings).toContain('attribute-oversize:path');
  });

  it('uses Max-Age over Expires and caps lifetimes at 400 days', () => {
    expect(set('https://x.test/', 'a=1; Max-Age=60; Expires=Thu, 01 Jan 1970 00:00:00 GMT').cookie?.expiresAt).toBe(NOW + 60_000);
    expect(set('https://x.test/', 'a=1; Expires=Wed, 21 Oct 2026 07:28:00 GMT; Max-Age=abc').action).toBe('deleted');
    const capped = set('https://x.test/', 'a=1; Max-Age=99999999999');
    expect(capped.cookie?.expiresAt).toBe(NOW + MAX_COOKIE_AGE_MS);
    expect(capped.warnings).toContain('expiry-capped-400-days');
    expect(set('https://x.test/', 'a=1; Expires=garbage').cookie?.expiresAt).toBeNull();
  });

  it('refuses HttpOnly from script', () => {
    expect(set('https://x.test/', 'a=1; HttpOnly', [], { fromScript: true }).reasons).toEqual(['HttpOnly']);
  });
});

describe('applySetCookie: the jar', () => {
  it('updates the equivalent cookie and keeps its creation time', () => {
    const jar = [{ ...set('https://x.test/', 'a=1').cookie!, creationTime: NOW - 1000 }];
    const d = set('https://x.test/', 'a=2; HttpOnly', jar);
    expect(d.action).toBe('updated');
    expect(d.previous?.value).toBe('1');
    expect(d.cookie).toMatchObject({ value: '2', httpOnly: true, creationTime: NOW - 1000 });
    // the stored cookie is the decision's, last used now; the jar given is untouched
    const next = applySetCookies({ url: 'https://x.test/', headers: ['a=3', 'b=1'], jar, now: NOW + 5 });
    expect(next.jar).toEqual(next.decisions.map((x) => x.cookie));
    expect(Object.keys(next.jar[0])).toEqual(['name', 'value', 'domain', 'hostOnly', 'path', 'secure', 'httpOnly', 'sameSite', 'partitioned', 'expiresAt', 'creationTime', 'priority', 'lastAccess']);
    expect(next.jar.map((c) => [c.creationTime, c.lastAccess])).toEqual([[NOW - 1000, NOW + 5], [NOW + 5, NOW + 5]]);
    expect(jar[0]).toMatchObject({ value: '1', creationTime: NOW - 1000 });
  });

  it('keeps host-only, domain and per-path cookies apart', () => {
    const jar = jarAfter('https://x.test/', ['a=1', 'a=2; Domain=x.test', 'a=3; Path=/p']);
    expect(jar.map((c) => c.value)).toEqual(['1', '2', '3']);
  });

  it('deletes with a past Expires or Max-Age <= 0, only the matching cookie', () => {
    const jar = jarAfter('https://x.test/', ['a=1', 'b=1']);
    const d = set('https://x.test/', 'a=; Max-Age=0', jar);
    expect(d.action).toBe('deleted');
    expect(d.previous?.name).toBe('a');
    expect(jarAfter('https://x.test/', ['a=; Expires=Thu, 01 Jan 1970 00:00:00 GMT'], jar).map((c) => c.name)).toEqual(['b']);
    expect(jarAfter('https://x.test/', ['a=; Max-Age=0; Path=/other'], jar)).toHaveLength(2);
    expect(set('https://x.test/', 'zz=; Max-Age=-1').action).toBe('deleted');
  });

  it('stops a non-secure origin from overwriting or shadowing a Secure cookie', () => {
    const jar = jarAfter('https://x.test/', ['a=1; Secure; Path=/']);
    expect(set('http://x.test/', 'a=2', jar).reasons).toEqual(['OverwriteSecure']);
    expect(set('http://x.test/', 'a=2; Path=/deep', jar).reasons).toEqual(['OverwriteSecure']);
    expect(set('http://sub.x.test/', 'a=2; Domain=x.test', jar).reasons).toEqual(['OverwriteSecure']);
    expect(set('http://x.test/', 'a=; Max-Age=0', jar).reasons).toEqual(['OverwriteSecure']);
    expect(set('http://x.test/', 'a=; Secure; Max-Age=0', jar).reasons).toEqual(['SecureOnly', 'OverwriteSecure']);
    expect(set('http://x.test/', 'b=2', jar).action).toBe('stored');
    expect(set('https://x.test/', 'a=2', jar).action).toBe('updated');
    const deep = jarAfter('https://x.test/', ['a=1; Secure; Path=/deep']);
    expect(set('http://x.test/', 'a=2; Path=/', deep).action).toBe('stored');
  });

  it('stops script from overwriting an HttpOnly cookie', () => {
    const jar = jarAfter('https://x.test/', ['a=1; HttpOnly']);
    expect(set('https://x.test/', 'a=2', jar, { fromScript: true }).reasons).toEqual(['OverwriteHttpOnly']);
  });

  it('applies headers in order and accepts Firefox newline-joined values', () => {
    const r = applySetCookies({ url: 'https://x.test/', headers: 'a=1\nb=2\na=3', jar: [], now: NOW });
    expect(r.decisions.map((d) => d.action)).toEqual(['stored', 'stored', 'updated']);
    expect(r.jar.map((c) => `${c.name}=${c.value}`)).toEqual(['b=2', 'a=3']);
  });

  it('never mutates the jar it was given', () => {
    const jar = jarAfter('https://x.test/', ['a=1']);
    const copy = structuredClone(jar);
    applySetCookies({ url: 'https://x.test/', headers: ['a=2', 'a=; Max-Age=0', 'b=1'], jar, now: NOW });
    expect(jar).toEqual(copy);
  });

  it('uses the parses a caller already has, one per single header, and parses itself otherwise', () => {
    const headers = ['a=1; Secure; Path=/', 'b=2; SameSite=None', 'a=; Max-Age=0'];
    const parsed = headers.map((h) => parseSetCookie(h));
    const given = applySetCookies({ url: 'https://x.test/', headers, parsed, jar: [], now: NOW });
    expect(given).toEqual(applySetCookies({ url: 'https://x.test/', headers, jar: [], now: NOW }));
    expect(given.decisions.map((d) => d.parsed)).toEqual(parsed);
    expect(given.decisions[0].parsed).toBe(parsed[0]);
    // a newline-joined entry splits into more lines than parses given: those are ignored
    const joined = applySetCookies({ url: 'https://x.test/', headers: ['a=1\nb=2'], parsed: [parseSetCookie('a=1\nb=2')], jar: [], now: NOW });
    expect(joined.jar.map((c) => `${c.name}=${c.value}`)).toEqual(['a=1', 'b=2']);
  });
});
