// audit-rules.md: on localhost missing-secure is info "with the advice to set Secure before deploying", added
// to the framework-specific fix. The two sentences must stay two sentences.
import { describe, expect, it } from 'vitest';
import { auditExchanges } from '../../src/core/audit/exchanges.ts';

async function missingSecureFix(name: string, value: string): Promise<string | undefined> {
  const findings = await auditExchanges([{ request: { url: 'http://localhost:8000/' }, response: { status: 200, setCookieHeaders: [`${name}=${value}; Path=/; HttpOnly; SameSite=Lax`] } }]);
  return findings.find((f) => f.rule === 'missing-secure')?.fix;
}

describe('missing-secure on localhost', () => {
  it('ends the framework setting with a full stop before the deployment advice', async () => {
    expect(await missingSecureFix('sessionid', 'abcdefghijklmnopqrstuvwxyz012345'))
      .toBe('Django: SESSION_COOKIE_SECURE = True. Set Secure before deploying: localhost is a secure context, production http(s) is not.');
  });

  it('keeps a generic fix that already ends a sentence as it is', async () => {
    expect(await missingSecureFix('theme', 'dark')).toBe('Add the Secure attribute so the cookie is only sent over HTTPS. Set Secure before deploying: localhost is a secure context, production http(s) is not.');
  });
});
