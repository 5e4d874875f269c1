import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseSetCookie, splitSetCookieHeaders, utf8Length } from './parse-set-cookie.ts';

describe('parseSetCookie', () => {
  it('reads name, value and attributes in order, keeping raw names', () => {
    const p = parseSetCookie('sid=abc; Path=/app; HttpOnly; SameSite=Lax');
    expect(p.name).toBe('sid');
    expect(p.value).toBe('abc');
    expect(p.attributes).toEqual([{ name: 'Path', value: '/app' }, { name: 'HttpOnly', value: '' }, { name: 'SameSite', value: 'Lax' }]);
    expect(p).toMatchObject({ path: '/app', httpOnly: true, secure: false, sameSite: 'lax', sameSiteRaw: 'Lax' });
  });

  it('accepts an optional Set-Cookie: prefix in any case', () => {
    expect(parseSetCookie('set-COOKIE:  a=1; Secure')).toMatchObject({ name: 'a', value: '1', secure: true, header: 'a=1; Secure' });
  });

  it('trims only spaces and tabs, keeping quotes and inner spaces', () => {
    const p = parseSetCookie(' \t a b = "x y" \t; path = / ');
    expect([p.name, p.value, p.path]).toEqual(['a b', '"x y"', '/']);
    expect(parseSetCookie('\u00a0__Host-a=1').name).toBe('\u00a0__Host-a');
  });

  it('treats a pair without "=" as a nameless cookie', () => {
    const p = parseSetCookie('justvalue; Secure');
    expect(p).toMatchObject({ name: '', value: 'justvalue', nameless: true, secure: true });
    expect(p.problems).toContain('nameless');
    expect(parseSetCookie('=v').nameless).toBe(false);
  });

  it('keeps "=" inside the value', () => {
    expect(parseSetCookie('a=b=c==').value).toBe('b=c==');
  });

  it('flags empty name and value', () => {
    expect(parseSetCookie('=; Path=/').problems).toContain('no-content');
    expect(parseSetCookie('').problems).toContain('no-content');
  });

  it('lets the last attribute win, case-insensitively', () => {
    const p = parseSetCookie('a=1; path=/x; PATH=/y; SameSite=Strict; samesite=none; domain=A.test; Domain=.B.Test');
    expect(p).toMatchObject({ path: '/y', sameSite: 'none', domain: 'b.test' });
  });

  it('ignores attribute values over 1024 bytes, keeping the earlier one', () => {
    const p = parseSetCookie(`a=1; Path=/ok; Path=/${'x'.repeat(1024)}`);
    expect(p.path).toBe('/ok');
    expect(p.problems).toContain('attribute-oversize:path');
    expect(parseSetCookie(`a=1; Path=/${'x'.repeat(1023)}`).path).toHaveLength(1024);
  });

  it('counts the 4096-byte name+value limit in UTF-8 bytes', () => {
    expect(parseSetCookie(`a=${'x'.repeat(4095)}`).problems).not.toContain('name-value-oversize');
    expect(parseSetCookie(`a=${'x'.repeat(4096)}`).problems).toContain('name-value-oversize');
    expect(parseSetCookie(`a=${'é'.repeat(2048)}`).problems).toContain('name-value-oversize');
    expect(utf8Length('é😀a')).toBe(7);
  });

  it('flags control characters, and tabs except around names and values (as Chrome does)', () => {
    expect(parseSetCookie('a=b\u0001c').problems).toContain('control-character');
    expect(parseSetCookie('a=b\u007f').problems).toContain('control-character');
    expect(parseSetCookie('a=1; \u0002').problems).toContain('control-character');
    expect(parseSetCookie('a=b\tc').problems).toContain('control-character');
    expect(parseSetCookie('a=1; Foo=a\tb').problems).toContain('control-character');
    expect(parseSetCookie('\ta\t=\tb\t;\tSecure\t').problems).not.toContain('control-character');
  });

  it('normalises SameSite and reports unknown values', () => {
    expect(parseSetCookie('a=1; SameSite=STRICT').sameSite).toBe('strict');
    expect(parseSetCookie('a=1').sameSite).toBe('unspecified');
    const bad = parseSetCookie('a=1; SameSite=Lax2');
    expect(bad).toMatchObject({ sameSite: 'invalid', sameSiteRaw: 'Lax2' });
    expect(bad.problems).toContain('samesite-invalid');
    expect(parseSetCookie('a=1; SameSite').sameSite).toBe('invalid');
  });

  it('parses Max-Age as an integer and rejects other text', () => {
    expect(parseSetCookie('a=1; Max-Age=60').maxAge).toBe(60);
    expect(parseSetCookie('a=1; Max-Age=-1').maxAge).toBe(-1);
    const bad = parseSetCookie('a=1; Max-Age=6O');
    expect(bad.maxAge).toBeUndefined();
    expect(bad.problems).toContain('max-age-invalid');
  });

  it('parses Expires with the cookie-date algorithm', () => {
    expect(parseSetCookie('a=1; Expires=Wed, 21 Oct 2065 07:28:00 GMT').expires).toBe(Date.UTC(2065, 9, 21, 7, 28));
    const bad = parseSetCookie('a=1; Expires=tomorrow');
    expect(bad.expires).toBeNull();
    expect(bad.problems).toContain('expires-invalid');
  });

  it('reads Partitioned and Priority', () => {
    expect(parseSetCookie('a=1; Partitioned; Priority=HIGH')).toMatchObject({ partitioned: true, priority: 'high' });
    expect(parseSetCookie('a=1; Priority=urgent').priority).toBe('medium');
  });

  it('strips one leading dot from Domain, keeps an empty Domain as absent', () => {
    expect(parseSetCookie('a=1; Domain=..x.test').domain).toBe('.x.test');
    expect(parseSetCookie('a=1; Domain=').domain).toBeUndefined();
    expect(parseSetCookie('a=1; Domain=bücher.test').problems).toContain('domain-non-ascii');
  });

  it('never throws and returns strings for any input (fuzz)', () => {
    const chunk = fc.oneof(fc.string(), fc.constantFrom(';', '=', ' ', 'Secure', 'Path=/', 'Domain=', 'Expires=', 'SameSite=', '\u0000', '\t'));
    fc.assert(fc.property(fc.array(chunk, { maxLength: 40 }), (parts) => {
      const p = parseSetCookie(parts.join(''));
      return typeof p.name === 'string' && typeof p.value === 'string' && Array.isArray(p.problems);
    }), { numRuns: 2000 });
    expect(parseSetCookie(undefined as unknown as string).problems).toContain('no-content');
  });

  it('stays linear on pathological input (no quadratic scans)', () => {
    const header = `a=1${'; x'.repeat(50_000)}`;
    const p = parseSetCookie(header);
    expect(p.attributes).toHaveLength(50_000);
  });
});

describe('splitSetCookieHeaders', () => {
  it('splits Firefox newline-joined headers and flattens arrays', () => {
    expect(splitSetCookieHeaders('a=1\nb=2; Path=/\r\n\nc=3')).toEqual(['a=1', 'b=2; Path=/', 'c=3']);
    expect(splitSetCookieHeaders(['a=1', 'b=2\nc=3'])).toEqual(['a=1', 'b=2', 'c=3']);
    expect(splitSetCookieHeaders('')).toEqual(['']);
    expect(splitSetCookieHeaders('a=1\r')).toEqual(['a=1']);
  });
});
