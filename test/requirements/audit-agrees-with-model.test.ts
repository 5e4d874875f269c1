// audit-rules.md: severity "error" means "the browser rejects or ignores the cookie". The cookie model is checked
// against real Chromium (test/differential); here the audit's rejection rules are checked against the model on
// the same corpus of Set-Cookie lines: a rejection finding exactly when the model rejects. Deletions are never
// audited, so they are left out.
import { describe, expect, it } from 'vitest';
import { auditExchanges } from '../../src/core/audit/exchanges.ts';
import { isDeletion, parseAuditCookie } from '../../src/core/audit/parse-cookie.ts';
import { applySetCookies } from '../../src/core/cookies/index.ts';
import { CURATED_SINGLE } from '../differential/curated-cases.ts';
import { generateCases } from '../differential/generated-cases.ts';
import { MORE_CASES } from '../differential/more-cases.ts';
import { generateWideCases } from '../differential/wide-cases.ts';

const REJECTION_RULES = new Set(['secure-from-insecure-origin', 'samesite-none-insecure', 'prefix-secure-violation', 'prefix-host-violation',
  'domain-invalid', 'domain-non-ascii', 'oversize', 'invalid-characters', 'partitioned-insecure']);

// Where the catalog itself names another rule or a stricter verdict than today's Chromium.
const KNOWN: Record<string, string> = {
  'prefix/nameless-secure': 'a nameless "__Secure-a" is reported as prefix-shadowing (high), the catalog\'s rule for it',
  'prefix/nameless-host-lower': 'likewise for "__host-x"',
  'more/idn-domain-unicode': 'domain-non-ascii is an error by the catalog (CDP ExcludeDomainNonASCII); this Chromium still stores the cookie',
};

const cases = [...CURATED_SINGLE, ...MORE_CASES, ...generateCases(400), ...generateWideCases(300)]
  .filter((c) => c.steps.length === 1 && c.steps[0].headers.length === 1 && !c.steps[0].script && !c.steps[0].embedIn)
  .map((c) => ({ id: c.id, url: c.steps[0].origin + (c.steps[0].path ?? '/'), header: c.steps[0].headers[0] }))
  .filter((c) => !isDeletion(parseAuditCookie(c.header), Date.now()));

describe('audit rejection rules agree with the cookie model', () => {
  it(`on ${cases.length} single Set-Cookie cases of the differential corpus`, async () => {
    const disagreements: string[] = [];
    for (const c of cases) {
      const decision = applySetCookies({ url: c.url, headers: [c.header], jar: [], now: Date.now() }).decisions[0];
      const findings = await auditExchanges([{ request: { url: c.url }, response: { status: 200, setCookieHeaders: [c.header] } }]);
      const rejects = findings.filter((f) => REJECTION_RULES.has(f.rule)).map((f) => f.rule);
      if ((decision.action === 'rejected') !== (rejects.length > 0) && !(c.id in KNOWN)) {
        disagreements.push(`${c.id} ${c.url} ${JSON.stringify(c.header)}: model ${decision.action} ${decision.reasons.join(',')}, audit [${rejects.join(',')}]`);
      }
    }
    expect(disagreements).toEqual([]);
  });
});
