// audit-rules.md domain-too-broad: "Domain attribute set (scope wider than host-only)". On an IP host the only
// Domain a browser accepts is the IP itself, and the cookie stays host-only: nothing is wider.
import { describe, expect, it } from 'vitest';
import { auditExchanges } from '../../src/core/audit/exchanges.ts';

async function rulesFor(url: string, setCookie: string): Promise<string[]> {
  const findings = await auditExchanges([{ request: { url }, response: { status: 200, setCookieHeaders: [setCookie] } }]);
  return findings.map((f) => f.rule);
}

describe('domain-too-broad', () => {
  it.each([['http://192.0.2.2:8000/', '192.0.2.2'], ['http://[2001:db8::1]/', '[2001:db8::1]']])('does not fire on the IP host %s naming itself', async (url, domain) => {
    const rules = await rulesFor(url, `sessionid=abcdefghijklmnopqrstuvwxyz012345; Domain=${domain}; Path=/; HttpOnly; SameSite=Lax`);
    expect(rules).not.toContain('domain-too-broad');
    expect(rules).not.toContain('domain-invalid');
  });

  it('still fires for a registrable domain', async () => {
    expect(await rulesFor('https://app.example.com/', 'sessionid=abcdefghijklmnopqrstuvwxyz012345; Domain=example.com; Secure; HttpOnly; SameSite=Lax')).toContain('domain-too-broad');
  });
});
