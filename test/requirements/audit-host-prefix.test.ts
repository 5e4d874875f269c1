// audit-rules.md prefix-host-violation is an "error": the browser rejects the cookie. It must not fire for a
// __Host- cookie Chromium stores: an empty Domain attribute is ignored (differential case host-domain-empty),
// and an IP host may name itself (host-ip-domain).
import { describe, expect, it } from 'vitest';
import { auditExchanges } from '../../src/core/audit/exchanges.ts';
import { applySetCookies } from '../../src/core/cookies/index.ts';

async function hostViolation(url: string, header: string): Promise<boolean> {
  const findings = await auditExchanges([{ request: { url }, response: { status: 200, setCookieHeaders: [header] } }]);
  return findings.some((f) => f.rule === 'prefix-host-violation');
}
const stored = (url: string, header: string): boolean => applySetCookies({ url, headers: [header], jar: [], now: Date.now() }).jar.length === 1;

describe('prefix-host-violation agrees with the cookie model', () => {
  it.each([
    ['https://app.example.com/a/b', '__Host-sid=abc; Path=/; Secure; Domain='],
    ['http://127.0.0.1:8000/', '__Host-sid=abc; Path=/; Secure; Domain=127.0.0.1'],
  ])('does not fire on %s for %s, which the browser stores', async (url, header) => {
    expect(stored(url, header)).toBe(true);
    expect(await hostViolation(url, header)).toBe(false);
  });

  it.each([
    ['https://app.example.com/', '__Host-sid=abc; Path=/; Secure; Domain=app.example.com'],
    ['https://app.example.com/a/b', '__Host-sid=abc; Secure'],
    ['https://app.example.com/', '__Host-sid=abc; Path=/'],
  ])('fires on %s for %s, which the browser rejects', async (url, header) => {
    expect(stored(url, header)).toBe(false);
    expect(await hostViolation(url, header)).toBe(true);
  });
});
