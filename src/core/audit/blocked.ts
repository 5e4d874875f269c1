// blocked-by-browser: the browser's truth (its own blocked list, or a store snapshot after the response)
// against the Set-Cookie headers; the cookie model's decision names the most likely reason.
import { makeFinding } from './finding.ts';
import type { AuditedCookie } from './response-audit.ts';
import type { AuditCookie } from './parse-cookie.ts';
import type { Finding, ResponseObservation } from './types.ts';

const REASON_TEXT: Record<string, string> = {
  SecureOnly: 'Secure cookie from a non-secure origin',
  SameSiteNoneInsecure: 'SameSite=None without Secure',
  InvalidDomain: 'the Domain attribute does not fit the host',
  InvalidPrefix: 'a __Secure-/__Host- prefix rule is broken',
  OverwriteSecure: 'it would overwrite a Secure cookie from an insecure origin',
  NameValuePairExceedsMaxSize: 'name+value over 4096 bytes',
  DisallowedCharacter: 'control characters in the cookie',
  NoCookieContent: 'empty name and value',
  InvalidPartitioned: 'Partitioned without Secure',
};

function describe(reasons: string[]): string {
  return reasons.map((r) => (REASON_TEXT[r] ? `${r}: ${REASON_TEXT[r]}` : r)).join('; ');
}

function missingFromStore(item: AuditedCookie, stored: NonNullable<ResponseObservation['storedAfter']>): boolean {
  const { subject } = item;
  return !stored.some((c) => c.name === subject.name && (c.path || '/') === subject.path
    && c.domain.replace(/^\./, '').toLowerCase() === subject.domain);
}

export function checkBlocked(obs: ResponseObservation, audited: AuditedCookie[], evidenceOf: (c: AuditCookie) => string): Finding[] {
  const findings: Finding[] = [];
  for (const item of audited) {
    const reported = obs.blockedByBrowser?.find((b) => b.name === item.ctx.cookie.name);
    const missing = !reported && obs.storedAfter !== undefined && missingFromStore(item, obs.storedAfter);
    if (!reported && !missing) continue;
    const predicted = item.decision?.action === 'rejected' ? item.decision.reasons : [];
    const reasons = reported?.reasons.length ? reported.reasons : predicted;
    const why = reasons.length ? describe(reasons) : 'no rule explains it: check DevTools › Network › Cookies for this response';
    const source = reported ? 'the browser reported it blocked' : 'it is missing from the cookie store after the response';
    findings.push(makeFinding(item.subject, {
      rule: 'blocked-by-browser', message: `"${item.ctx.cookie.name}" was sent but not stored (${source}); most likely reason: ${why}`,
      evidence: evidenceOf(item.ctx.cookie),
    }));
  }
  return findings;
}
