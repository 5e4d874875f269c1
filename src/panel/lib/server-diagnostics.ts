// Joins the browser's view of a session cookie with the server's record. Rule ids for fixation and
// revocation are the audit catalogue's (reference/audit-rules.md), so they read the same everywhere.
import type { Json } from '../../core/protocol/index.ts';
import type { PanelCookie, PanelFinding, ServerRecord, Severity, TimelineEvent } from '../model/types.ts';

export type DiagnosticRule = 'no-server-record' | 'record-expired' | 'expiry-mismatch' | 'session-fixation' | 'logout-not-revoked';

/** Expiry differences below this are clock skew between the Set-Cookie and the store write. */
const EXPIRY_TOLERANCE_S = 120;

const DJANGO_FIX: Record<DiagnosticRule, string> = {
  'no-server-record': 'The browser sends a key the server no longer knows; Django will start a fresh session. Check SESSION_ENGINE and that the store was not flushed.',
  'record-expired': 'Keep SESSION_COOKIE_AGE and the store TTL in step, or call request.session.set_expiry() consistently.',
  'expiry-mismatch': 'The cookie outlives (or dies before) the server record: align SESSION_COOKIE_AGE, set_expiry() and SESSION_EXPIRE_AT_BROWSER_CLOSE.',
  'session-fixation': 'Call django.contrib.auth.login() (it runs request.session.cycle_key()) or cycle_key() yourself right after authenticating.',
  'logout-not-revoked': 'Use django.contrib.auth.logout() (request.session.flush()); with signed_cookies there is no revocation, prefer a server-side SESSION_ENGINE.',
};

/** Titles of the diagnostics the audit catalogue does not have (it has session-fixation and logout-not-revoked). */
export const PANEL_ONLY_RULES: Record<string, { title: string; severity: Severity }> = {
  'no-server-record': { title: 'Session cookie the server has no record for', severity: 'medium' },
  'record-expired': { title: 'Server record expired while the cookie lives', severity: 'medium' },
  'expiry-mismatch': { title: 'Cookie and server record expire at different times', severity: 'low' },
};

function make(rule: DiagnosticRule, severity: Severity, cookie: PanelCookie, message: string, evidence?: string): PanelFinding {
  return { rule, severity, cookie: { name: cookie.name, domain: cookie.domain, path: cookie.path }, message, evidence, fix: DJANGO_FIX[rule], session: 'server-side session record' };
}

function isAuthenticated(data: Json | null): boolean {
  return typeof data === 'object' && data !== null && !Array.isArray(data) && '_auth_user_id' in data;
}

/** Cookie vs record: missing, expired, or a different lifetime. */
export function diagnoseRecord(cookie: PanelCookie, record: ServerRecord, nowSec: number): PanelFinding[] {
  const out: PanelFinding[] = [];
  const cookieAlive = cookie.expires === null || cookie.expires > nowSec;
  if (!record.found) {
    if (cookieAlive) out.push(make('no-server-record', 'medium', cookie, `No ${record.engine ?? 'server'} record for this session key while the cookie is alive.`));
    return out;
  }
  if (record.expired && cookieAlive) {
    out.push(make('record-expired', 'medium', cookie, 'The server record has expired but the browser still sends the cookie.'));
  } else if (record.expiresAt !== null && cookie.expires !== null && Math.abs(record.expiresAt - cookie.expires) > EXPIRY_TOLERANCE_S) {
    const delta = Math.round(cookie.expires - record.expiresAt);
    out.push(make('expiry-mismatch', 'low', cookie, `Cookie expiry and server expiry differ by ${delta} s.`,
      `cookie ${new Date(cookie.expires * 1000).toISOString()} vs record ${new Date(record.expiresAt * 1000).toISOString()}`));
  }
  return out;
}

/** Key not rotated on login: the authenticated record lives under a key the browser held before the login. */
export function diagnoseFixation(cookie: PanelCookie, record: ServerRecord, rows: TimelineEvent[]): PanelFinding | null {
  if (!record.found || !isAuthenticated(record.data)) return null;
  const login = rows.findIndex((e) => e.kind === 'login');
  if (login < 0) return null;
  const heldBefore = rows.slice(0, login).some((e) => e.name === cookie.name && (e.value === record.key || e.previousValue === record.key));
  if (!heldBefore) return null;
  return make('session-fixation', 'high', cookie, 'The session key did not change across the login: the pre-login key now carries the authenticated session.', `key ${mask(record.key)}`);
}

/** Old key of a deleted (logged-out) session cookie that the server still accepts. */
export function diagnoseRevocation(cookie: PanelCookie, oldKey: string, accepted: boolean, reason: string): PanelFinding | null {
  if (!accepted) return null;
  return make('logout-not-revoked', 'medium', cookie, `After logout the old session key is still accepted by the server (${reason}).`, `key ${mask(oldKey)}`);
}

/** Keys of session cookies the timeline shows being deleted: candidates for the revocation check. */
export function loggedOutKeys(rows: TimelineEvent[], cookieName: string, limit = 5): string[] {
  const keys = rows.filter((e) => e.kind === 'deleted' && e.name === cookieName && e.previousValue).map((e) => e.previousValue!);
  return [...new Set(keys)].slice(-limit);
}

export function mask(value: string): string {
  return value.length <= 8 ? '••••' : `${value.slice(0, 4)}…${value.slice(-4)}`;
}
