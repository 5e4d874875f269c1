import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatHarCookie, HarError, readHar } from './read-har.ts';

const fixture = (name: string): string => readFileSync(new URL(`../../../test/audit/fixtures/${name}`, import.meta.url), 'utf8');

describe('readHar', () => {
  it('reads a Chrome export: one set-cookie header per cookie, request cookies, form fields', () => {
    const [first, login] = readHar(fixture('chrome.har'));
    expect(first.response?.setCookieHeaders).toHaveLength(3);
    expect(first.response?.now).toBe(Date.parse('2026-11-30T10:00:00.000Z') / 1000);
    expect(login.request).toMatchObject({ method: 'POST', formFields: ['csrfmiddlewaretoken', 'username', 'password'], referer: 'https://shop.example.com/login' });
    expect(login.request.cookieHeader).toContain('sessionid=pre1login2id3abcdefghijklmnopq');
    expect(login.response?.status).toBe(302);
  });

  it('reads a Firefox export: Set-Cookie values joined with newlines stay one entry for the auditor to split', () => {
    const [first, second] = readHar(fixture('firefox.har'));
    expect(first.response?.setCookieHeaders).toHaveLength(1);
    expect(first.response!.setCookieHeaders[0].split('\n')).toHaveLength(3);
    expect(second.request.cookieHeader).toBe('PHPSESSID=1234567890; tracker=abc');
  });

  it('rebuilds Set-Cookie from the cookies array when headers were stripped', () => {
    const har = { log: { entries: [{ request: { url: 'https://a.example/', headers: [] }, response: { status: 200, headers: [], cookies: [{ name: 'sid', value: 'x', path: '/', httpOnly: true, secure: true, sameSite: 'Strict' }] } }] } };
    expect(readHar(JSON.stringify(har))[0].response?.setCookieHeaders).toEqual(['sid=x; Path=/; HttpOnly; Secure; SameSite=Strict']);
    expect(formatHarCookie({ name: 'a', value: 'b', expires: '2030-01-01T00:00:00.000Z' })).toBe('a=b; Expires=Tue, 01 Jan 2030 00:00:00 GMT');
  });

  it.each([
    ['binary junk', '\x00\x01\x02PK\x03\x04', /binary/],
    ['invalid JSON', '{"log": ', /invalid JSON/],
    ['JSON that is not a HAR', '{"hello": 1}', /no "log" object/],
    ['no entries', '{"log": {"version": "1.2"}}', /log.entries/],
    ['an entry without a URL', '{"log": {"entries": [{"request": {"method": "GET"}}]}}', /entry 0: request.url/],
    ['headers that are not a list', '{"log": {"entries": [{"request": {"url": "https://a.example/", "headers": {}}}]}}', /headers is not an array/],
  ])('rejects %s with a one-line HarError', (_label, text, message) => {
    expect(() => readHar(text)).toThrow(HarError);
    expect(() => readHar(text)).toThrow(message);
  });
});
