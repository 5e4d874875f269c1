// The rule catalog of reference/audit-rules.md: IDs and severities are the project's public contract.
import type { Severity } from './types.ts';

export interface RuleInfo {
  /** severity for session/auth cookies */
  session: Severity;
  /** severity for every other cookie */
  other: Severity;
  title: string;
}

const pair = (session: Severity, other: Severity, title: string): RuleInfo => ({ session, other, title });
const one = (severity: Severity, title: string): RuleInfo => ({ session: severity, other: severity, title });

export const RULES = {
  'missing-secure': pair('high', 'low', 'Cookie set without Secure'),
  'missing-secure-hsts': pair('medium', 'info', 'Cookie without Secure on an HSTS site'),
  'secure-from-insecure-origin': one('error', 'Secure cookie set from a non-secure origin'),
  'insecure-overwrites-secure': one('medium', 'Non-Secure cookie overwrites a Secure one'),
  'missing-httponly': pair('high', 'low', 'Cookie without HttpOnly'),
  'script-set-session-cookie': one('medium', 'Session cookie written by script'),
  'script-readable-session': one('high', 'Session cookie readable by page script'),
  'samesite-missing': pair('low', 'info', 'No SameSite attribute'),
  'samesite-none-insecure': one('error', 'SameSite=None without Secure'),
  'samesite-none-session': pair('medium', 'info', 'SameSite=None on a cookie'),
  'samesite-invalid': one('medium', 'Invalid SameSite value'),
  'csrf-cookie-no-samesite': one('medium', 'Anti-CSRF cookie without SameSite'),
  'prefix-secure-violation': one('error', '__Secure- cookie without Secure'),
  'prefix-host-violation': one('error', '__Host- cookie breaks the prefix rules'),
  'prefix-case': one('medium', 'Cookie prefix in non-canonical case'),
  'prefix-recommended': one('low', 'Session cookie could use the __Host- prefix'),
  'prefix-shadowing': one('high', 'Cookie can shadow a prefixed cookie'),
  'domain-too-broad': pair('medium', 'info', 'Domain attribute widens the cookie scope'),
  'domain-invalid': one('error', 'Domain attribute rejected'),
  'domain-non-ascii': one('error', 'Non-ASCII Domain attribute'),
  'duplicate-cookie': one('low', 'Duplicate cookie'),
  'expiry-over-400-days': one('info', 'Lifetime over 400 days is capped'),
  'persistent-session': pair('medium', 'info', 'Cookie outlives the session policy'),
  'oversize': one('error', 'Cookie over 4096 bytes'),
  'attribute-oversize': one('medium', 'Attribute value over 1024 bytes'),
  'invalid-characters': one('error', 'Cookie syntax the browser rejects'),
  'cookie-budget': one('low', 'Too many or too large cookies'),
  'partitioned-insecure': one('error', 'Partitioned without Secure'),
  'weak-session-id': one('high', 'Weak session id'),
  'session-in-url': one('medium', 'Session id in a URL'),
  'sensitive-data-in-cookie': one('high', 'Sensitive data in a readable cookie'),
  'known-weak-secret': one('high', 'Cookie signed with a weak secret'),
  'jwt-weak': one('high', 'Weak JWT'),
  'session-fixation': one('high', 'Session id not rotated at login'),
  'logout-not-revoked': one('medium', 'Session survives logout'),
  'blocked-by-browser': one('error', 'Cookie blocked by the browser'),
} satisfies Record<string, RuleInfo>;

export type RuleId = keyof typeof RULES;
export const RULE_IDS = Object.keys(RULES) as RuleId[];

export const SEVERITIES: readonly Severity[] = ['error', 'high', 'medium', 'low', 'info'];

/** Higher is more severe; `error` ranks first because the browser already breaks the app. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.length - SEVERITIES.indexOf(severity);
}

export function isSeverity(text: string): text is Severity {
  return (SEVERITIES as readonly string[]).includes(text);
}

export function severityFor(rule: RuleId, isSession: boolean): Severity {
  return isSession ? RULES[rule].session : RULES[rule].other;
}
