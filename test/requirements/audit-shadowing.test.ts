// audit-rules.md prefix-shadowing: "a nameless cookie whose value starts with a prefix". A cookie is nameless
// both without "=" ("__Host-x=1" has name "__Host-x") and with an empty name ("=__Host-x=1"); the browser
// sends either back as the bare value, which a server reads as the prefixed cookie.
import { describe, expect, it } from 'vitest';
import { auditExchanges } from '../../src/core/audit/exchanges.ts';

async function rulesFor(setCookie: string): Promise<string[]> {
  const findings = await auditExchanges([{ request: { url: 'https://app.example.com/' }, response: { status: 200, setCookieHeaders: [setCookie] } }]);
  return findings.map((f) => f.rule);
}

describe('prefix-shadowing for nameless cookies', () => {
  it.each(['__Host-sid; Secure; Path=/', '=__Host-sid=evil; Secure; Path=/', '=__Secure-token; Secure', '=__HOST-sid=1; Secure'])('fires for %s', async (header) => {
    expect(await rulesFor(header)).toContain('prefix-shadowing');
  });

  it.each(['=plain; Secure', '__Host-sid=1; Secure; Path=/', 'x=__Host-sid; Secure'])('does not fire for %s', async (header) => {
    expect(await rulesFor(header)).not.toContain('prefix-shadowing');
  });
});
