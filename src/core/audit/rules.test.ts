// Each rule of the catalog firing and not firing, through the public auditor API.
import { describe, expect, it } from 'vitest';
import { createAuditor } from './auditor.ts';
import { decodeCookie } from '../decode/index.ts';
import { parseSetCookie } from '../cookies/index.ts';
import type { ResponseObservation } from './types.ts';

const NOW = 1_795_976_873; // shortly after the fixture cookies below were signed

async function fire(url: string, setCookieHeaders: string[], extra: Partial<ResponseObservation> = {}) {
  const auditor = createAuditor({ decode: decodeCookie });
  auditor.observeResponse({ url, setCookieHeaders, now: NOW, ...extra });
  await auditor.settle();
  return auditor.findings();
}
const rulesOf = async (...args: Parameters<typeof fire>) => (await fire(...args)).map((f) => f.rule);

const SAFE = 'id=1; Secure; HttpOnly; SameSite=Lax; Path=/';
const HTTPS = 'https://app.example.com/login';
const HTTP = 'http://app.example.com/';

// [rule, url, header that fires it, header that does not]
const cases: Array<[string, string, string, string]> = [
  ['missing-secure', HTTPS, 'id=1; HttpOnly; SameSite=Lax', SAFE],
  ['secure-from-insecure-origin', HTTP, 'id=1; Secure; SameSite=Lax', 'id=1; SameSite=Lax'],
  ['missing-httponly', HTTPS, 'id=1; Secure; SameSite=Lax', SAFE],
  ['samesite-missing', HTTPS, 'id=1; Secure; HttpOnly', SAFE],
  ['samesite-none-insecure', HTTPS, 'id=1; SameSite=None', 'id=1; SameSite=None; Secure'],
  ['samesite-none-session', HTTPS, 'sessionid=abcdefghijklmnopqrstuvwxyz012345; SameSite=None; Secure; HttpOnly', SAFE],
  ['samesite-invalid', HTTPS, 'id=1; Secure; SameSite=Laxx', 'id=1; Secure; SameSite=STRICT'],
  ['csrf-cookie-no-samesite', HTTPS, 'csrftoken=abc; Secure', 'csrftoken=abc; Secure; SameSite=Lax'],
  ['prefix-secure-violation', HTTPS, '__Secure-id=1; SameSite=Lax', '__Secure-id=1; Secure; SameSite=Lax'],
  ['prefix-host-violation', HTTPS, '__Host-id=1; Secure; Path=/; Domain=example.com', '__Host-id=1; Secure; Path=/'],
  ['prefix-host-violation', HTTPS, '__Host-id=1; Secure', '__Host-id=1; Secure; Path=/'],
  ['prefix-case', HTTPS, '__SECURE-id=1; Secure', '__Secure-id=1; Secure'],
  ['prefix-recommended', HTTPS, 'sessionid=abcdefghijklmnopqrstuvwxyz012345; Secure; HttpOnly; Path=/', '__Host-sessionid=abcdefghijklmnopqrstuvwxyz012345; Secure; HttpOnly; Path=/'],
  ['prefix-shadowing', HTTPS, '\u00a0__Host-id=1; Secure; Path=/', '__Host-id=1; Secure; Path=/'],
  ['prefix-shadowing', HTTPS, '__Host-id; Secure', 'plain; Secure'],
  ['prefix-shadowing', HTTPS, '$Version=1,__Host-sid=evil; Secure', '$Version=1; Secure'],
  ['domain-too-broad', HTTPS, 'id=1; Secure; Domain=example.com', 'id=1; Secure'],
  ['domain-invalid', HTTPS, 'id=1; Secure; Domain=other.com', 'id=1; Secure; Domain=app.example.com'],
  ['domain-invalid', 'https://a.github.io/', 'id=1; Secure; Domain=github.io', 'id=1; Secure; Domain=a.github.io'],
  ['domain-non-ascii', HTTPS, 'id=1; Secure; Domain=exämple.com', 'id=1; Secure; Domain=example.com'],
  ['expiry-over-400-days', HTTPS, 'id=1; Secure; Max-Age=34560001', 'id=1; Secure; Max-Age=34560000'],
  ['persistent-session', HTTPS, 'sessionid=abcdefghijklmnopqrstuvwxyz012345; Secure; Max-Age=1209601', 'sessionid=abcdefghijklmnopqrstuvwxyz012345; Secure; Max-Age=1209600'],
  ['oversize', HTTPS, `big=${'x'.repeat(4094)}; Secure`, `big=${'x'.repeat(4093)}; Secure`],
  ['attribute-oversize', HTTPS, `id=1; Secure; Path=/${'p'.repeat(1100)}`, 'id=1; Secure; Path=/p'],
  ['invalid-characters', HTTPS, 'id=a\u0001b; Secure', 'id=a b; Secure'],
  ['invalid-characters', HTTPS, '=; Secure', 'a=; Secure'],
  ['partitioned-insecure', HTTPS, 'id=1; Partitioned; SameSite=None', 'id=1; Partitioned; Secure; SameSite=None'],
  ['weak-session-id', HTTPS, 'PHPSESSID=12345678; Secure', 'PHPSESSID=q7kfl3s0d1m2k9v5o4c3b2a1e0; Secure'],
  ['duplicate-cookie', HTTPS, 'id=1; Secure\nid=2; Secure', 'id=1; Secure\nother=2; Secure'],
];

describe('rule catalog: each rule fires and does not fire', () => {
  it.each(cases)('%s', async (rule, url, bad, good) => {
    expect(await rulesOf(url, bad.split('\n'))).toContain(rule);
    expect(await rulesOf(url, good.split('\n'))).not.toContain(rule);
  });

  it('missing-secure-hsts replaces missing-secure when the https response carries HSTS', async () => {
    const headers = { 'Strict-Transport-Security': 'max-age=31536000' };
    const rules = await rulesOf(HTTPS, ['sessionid=abcdefghijklmnopqrstuvwxyz012345; HttpOnly'], { responseHeaders: headers });
    expect(rules).toContain('missing-secure-hsts');
    expect(rules).not.toContain('missing-secure');
    expect(await rulesOf(HTTPS, [SAFE], { responseHeaders: headers })).not.toContain('missing-secure-hsts');
  });

  it('localhost: missing-secure is info with deployment advice, secure-from-insecure-origin never fires', async () => {
    const findings = await fire('http://localhost:8000/', ['sessionid=abcdefghijklmnopqrstuvwxyz012345; HttpOnly', 'a=1; Secure']);
    const missing = findings.find((f) => f.rule === 'missing-secure')!;
    expect(missing.severity).toBe('info');
    expect(missing.fix).toMatch(/before deploying/);
    expect(findings.map((f) => f.rule)).not.toContain('secure-from-insecure-origin');
    expect((await fire('http://127.0.0.5/', ['a=1; Secure'])).map((f) => f.rule)).not.toContain('secure-from-insecure-origin');
  });

  it('deletions are never audited', async () => {
    expect(await fire(HTTP, ['sessionid=; Max-Age=0', 'csrftoken=; expires=Thu, 01 Jan 1970 00:00:00 GMT'])).toEqual([]);
  });

  it('insecure-overwrites-secure: a non-Secure set over a Secure cookie', async () => {
    const jarBefore = [{ name: 'id', value: 'old', domain: 'app.example.com', path: '/', secure: true }];
    expect(await rulesOf(HTTP, ['id=new; Path=/'], { jarBefore })).toContain('insecure-overwrites-secure');
    expect(await rulesOf(HTTP, ['other=new; Path=/'], { jarBefore })).not.toContain('insecure-overwrites-secure');
  });

  it('duplicate-cookie: the same name alive for two paths', async () => {
    const jarBefore = [{ name: 'id', value: 'x', domain: 'app.example.com', path: '/admin', secure: true }];
    expect(await rulesOf(HTTPS, ['id=1; Secure; Path=/'], { jarBefore })).toContain('duplicate-cookie');
  });

  it('cookie-budget: more than 50 cookies for a site', async () => {
    const many = Array.from({ length: 51 }, (_, i) => `c${i}=1; Secure; HttpOnly; SameSite=Lax`);
    expect(await rulesOf(HTTPS, many)).toContain('cookie-budget');
    expect(await rulesOf(HTTPS, many.slice(0, 50))).not.toContain('cookie-budget');
  });

  it('blocked-by-browser: missing from the store after the response, with the model reason', async () => {
    const findings = await fire(HTTP, ['id=1; Secure', 'ok=1'], { storedAfter: [{ name: 'ok', value: '1', domain: 'app.example.com', path: '/', secure: false }] });
    const blocked = findings.filter((f) => f.rule === 'blocked-by-browser');
    expect(blocked.map((f) => f.cookie.name)).toEqual(['id']);
    expect(blocked[0].message).toMatch(/SecureOnly/);
    expect(await rulesOf(HTTP, ['ok=1'])).not.toContain('blocked-by-browser');
  });

  it('severity pairs: session cookies get the first severity, others the second', async () => {
    const findings = await fire(HTTPS, ['sessionid=abcdefghijklmnopqrstuvwxyz012345', 'theme=dark']);
    const sev = (name: string, rule: string) => findings.find((f) => f.cookie.name === name && f.rule === rule)?.severity;
    expect(sev('sessionid', 'missing-secure')).toBe('high');
    expect(sev('theme', 'missing-secure')).toBe('low');
    expect(sev('sessionid', 'missing-httponly')).toBe('high');
    expect(sev('theme', 'samesite-missing')).toBe('info');
  });
});

describe('observeResponse with the caller\'s parses', () => {
  const headers = ['sessionid=abcdefghijklmnopqrstuvwxyz012345; SameSite=None', 'csrftoken=abc', 'csrftoken=abd; Domain=example.com', 'old=; Max-Age=0'];
  const run = (obs: Partial<ResponseObservation>) => {
    const auditor = createAuditor({});
    const first = auditor.observeResponse({ url: HTTPS, setCookieHeaders: headers, now: NOW, ...obs });
    // the same flaws again: first report wins, nothing new
    const again = auditor.observeResponse({ url: HTTPS, setCookieHeaders: headers, now: NOW + 1, ...obs });
    return { first, again, all: auditor.findings() };
  };

  it('finds exactly what its own parse finds, once per flaw', () => {
    const own = run({});
    expect(own.first.length).toBeGreaterThan(5);
    expect(own.again).toEqual([]);
    expect(run({ parsed: headers.map((h) => parseSetCookie(h)) })).toEqual(own);
  });

  it('ignores parses that do not line up with the headers (Firefox newline-joined entries)', () => {
    const joined = [headers.join('\n')];
    const own = createAuditor({}).observeResponse({ url: HTTPS, setCookieHeaders: joined, now: NOW });
    const given = createAuditor({}).observeResponse({ url: HTTPS, setCookieHeaders: joined, now: NOW, parsed: [parseSetCookie(joined[0])] });
    expect(given).toEqual(own);
    expect(own.some((f) => f.rule === 'duplicate-cookie')).toBe(true);
  });
});

