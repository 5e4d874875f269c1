// Rules fed by browser-only signals (content script, login/logout detection, companion replays). The
// extension observes; these functions only judge, so they stay pure and testable.
import { classifySession, sniffFormat } from './classify.ts';
import { makeFinding } from './finding.ts';
import { maskSetCookie, maskValue } from './mask.ts';
import { parseAuditCookie } from './parse-cookie.ts';
import { parseCookieHeader } from './request-audit.ts';
import { record, type AuditState } from './state.ts';
import type { Finding, LoginObservation, LogoutObservation, ScriptReadObservation, ScriptWriteObservation } from './types.ts';

const hostOf = (url: string): string => new URL(url).hostname;
const show = (state: AuditState, value: string): string => (state.options.showValues ? value : maskValue(value));

export function auditScriptWrite(state: AuditState, obs: ScriptWriteObservation): Finding[] {
  const cookie = parseAuditCookie(obs.cookie);
  const session = classifySession(cookie.name, cookie.value);
  if (!session.is || cookie.name === '') return [];
  const api = obs.api ?? 'document.cookie';
  return record(state, [makeFinding({ name: cookie.name, domain: cookie.domain ?? hostOf(obs.url), path: cookie.path ?? '/', url: obs.url, session }, {
    rule: 'script-set-session-cookie', message: `session cookie "${cookie.name}" was written by ${api}, so it can never be HttpOnly`,
    evidence: `${api} = ${state.options.showValues ? cookie.header : maskSetCookie(cookie.header)}`,
  })]);
}

export function auditScriptRead(state: AuditState, obs: ScriptReadObservation): Finding[] {
  const findings = parseCookieHeader(obs.documentCookie).flatMap(({ name, value }) => {
    const session = classifySession(name, value);
    if (!session.is) return [];
    return [makeFinding({ name, domain: hostOf(obs.url), path: '/', url: obs.url, session }, {
      rule: 'script-readable-session', message: `page script can read session cookie "${name}" through document.cookie (no HttpOnly)`,
      evidence: `document.cookie contains ${name}=${show(state, value)}`,
    })];
  });
  return record(state, findings);
}

/** Session fixation: a session cookie whose value survived a password login that changed the auth state. */
export function auditLogin(state: AuditState, obs: LoginObservation): Finding[] {
  if (!obs.passwordSubmitted || !obs.authChanged) return [];
  const findings = obs.before.flatMap(({ name, value }) => {
    const session = classifySession(name, value);
    const after = obs.after.find((c) => c.name === name);
    if (!session.is || !after || after.value !== value || value === '') return [];
    return [makeFinding({ name, domain: hostOf(obs.url), path: '/', url: obs.url, session }, {
      rule: 'session-fixation', message: `session cookie "${name}" kept the same value across the login: an id planted before login stays valid after it`,
      evidence: `before and after login: ${name}=${show(state, value)}`,
    })];
  });
  return record(state, findings);
}

const CLIENT_SIDE = new Set(['flask', 'django', 'cookie-session', 'rails', 'jwt']);

/** logout-not-revoked: the server still accepts the old id, or the session lives in a signed cookie. */
export function auditLogout(state: AuditState, obs: LogoutObservation): Finding[] {
  const { name, value } = obs.cookie;
  const session = classifySession(name, value);
  const format = sniffFormat(value) ?? (/^eyJ[\w+/=]+$/.test(value) && session.framework === 'express' ? 'cookie-session' : null);
  let message: string | null = null;
  if (obs.stillAccepted) message = `after logout the old "${name}" value is still accepted by the server (${obs.via ?? 'replay'})`;
  else if (format && CLIENT_SIDE.has(format)) message = `"${name}" is a client-side signed session (${format}): a copy taken before logout stays valid until it expires`;
  if (!message) return [];
  return record(state, [makeFinding({ name, domain: obs.cookie.domain ?? hostOf(obs.url), path: obs.cookie.path ?? '/', url: obs.url, session }, {
    rule: 'logout-not-revoked', message, evidence: `${name}=${show(state, value)}`,
  })]);
}
