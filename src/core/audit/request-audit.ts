// observeRequest: session ids leaking into URLs/Referer, and Cookie headers too large for servers.
import { classifySession } from './classify.ts';
import { makeFinding } from './finding.ts';
import { maskIn, maskValue } from './mask.ts';
import { idsAreDistinct, record, rememberId, rememberSessionValue, type AuditState } from './state.ts';
import { checkSessionId, extractSessionId } from './session-id.ts';
import type { Finding, RequestObservation } from './types.ts';

const MAX_COOKIE_HEADER = 8192;
// URL parameters (query or ;path-parameters) that carry session ids by convention (ZAP rule 3).
const SESSION_PARAM = /[;?&](jsessionid|phpsessid|sessionid|session_id|sid|sessid|connect\.sid)=([^&;#]{16,})/i;

export function parseCookieHeader(header: string): Array<{ name: string; value: string }> {
  return header.split(';').map((part) => {
    const eq = part.indexOf('=');
    return eq < 0 ? { name: '', value: part.trim() } : { name: part.slice(0, eq).trim(), value: part.slice(eq + 1).trim() };
  }).filter((c) => c.name !== '' || c.value !== '');
}

/** Session cookies the request carries: remembered for leak checks, and their ids judged (a HAR may hold no Set-Cookie). */
function learnSessions(state: AuditState, obs: RequestObservation, host: string): Finding[] {
  const findings: Finding[] = [];
  for (const c of parseCookieHeader(obs.cookieHeader ?? '')) {
    const session = classifySession(c.name, c.value);
    if (!session.is || state.sessionValues.has(c.value)) continue;
    rememberSessionValue(state, { name: c.name, domain: host, path: '/', url: obs.url, value: c.value });
    const id = extractSessionId(c.value);
    if (id === null) continue;
    const evidence = `Cookie: ${c.name}=${state.options.showValues ? c.value : maskValue(c.value)}`;
    const history = rememberId(state, c.name, id);
    const weak = checkSessionId(id, history, evidence, idsAreDistinct(state, c.name));
    if (weak) findings.push(makeFinding({ name: c.name, domain: host, path: '/', url: obs.url, session }, weak));
  }
  return findings;
}

function leakIn(state: AuditState, where: string, text: string, obs: RequestObservation): Finding | null {
  let decoded = text;
  try { decoded = decodeURIComponent(text); } catch { /* keep raw */ }
  const show = Boolean(state.options.showValues);
  for (const s of state.sessionValues.values()) {
    if (s.value.length < 8 || !(text.includes(s.value) || decoded.includes(s.value))) continue;
    const session = classifySession(s.name, s.value);
    const url = show ? obs.url : maskIn(maskIn(obs.url, s.value), encodeURIComponent(s.value));
    return makeFinding({ ...s, url, session }, {
      rule: 'session-in-url', message: `the value of session cookie "${s.name}" appears in the ${where}`,
      evidence: `${where}: ${show ? text : maskIn(maskIn(text, s.value), encodeURIComponent(s.value))}`,
    });
  }
  const param = SESSION_PARAM.exec(text);
  if (!param) return null;
  const url = new URL(obs.url);
  const shownUrl = show ? obs.url : obs.url.replace(param[2], maskValue(param[2]));
  return makeFinding({ name: param[1], domain: url.hostname, path: '/', url: shownUrl, session: { is: true, reason: `URL parameter named like a session id (${param[1]})` } }, {
    rule: 'session-in-url', message: `a session id parameter "${param[1]}" appears in the ${where}`,
    evidence: `${where}: ${show ? text : text.replace(param[2], maskValue(param[2]))}`,
  });
}

export function auditRequest(state: AuditState, obs: RequestObservation): Finding[] {
  const url = new URL(obs.url);
  const findings = learnSessions(state, obs, url.hostname);
  const inUrl = leakIn(state, 'request URL', obs.url, obs);
  if (inUrl) findings.push(inUrl);
  const inReferer = obs.referer ? leakIn(state, 'Referer header', obs.referer, obs) : null;
  if (inReferer) findings.push(inReferer);
  const size = new TextEncoder().encode(obs.cookieHeader ?? '').length;
  if (size > MAX_COOKIE_HEADER) {
    const count = parseCookieHeader(obs.cookieHeader ?? '').length;
    findings.push(makeFinding({ name: '*', domain: url.hostname, path: '/', url: obs.url, session: { is: false, reason: 'applies to all cookies of the request' } }, {
      rule: 'cookie-budget', message: `the Cookie request header is ${size} bytes (${count} cookies), over 8 KiB: many servers reject it`, evidence: `Cookie: (${size} bytes, ${count} cookies)`,
    }));
  }
  return record(state, findings);
}
