// Demo data for `?mock=1`, screenshots and tests: real signed values (made with the core encoders
// and a demo secret), so the decoded view shows a verified signature rather than a canned one.
import { dumpsDjango } from '../../core/decode/django/signing.ts';
import { signJwtHs } from '../../core/decode/jwt/jwt-sign.ts';
import type { CookieRecord, Finding, TabSnapshot, TimelineEvent } from '../../core/protocol/index.ts';
import { DEFAULT_SETTINGS } from '../../core/protocol/index.ts';

export const DEMO_SECRET = 'django-insecure-demo-secret-key-for-the-sessionscope-panel-0123';
export const DEMO_SALT = 'django.contrib.sessions.backends.signed_cookies';
const DAY = 86_400;

export function makeCookie(name: string, value: string, domain: string, extra: Partial<CookieRecord> = {}): CookieRecord {
  return {
    name, value, domain, hostOnly: !domain.startsWith('.'), path: '/', secure: false, httpOnly: false,
    sameSite: 'lax', session: true, storeId: '0', size: name.length + value.length, ...extra,
  };
}

function change(seq: number, time: number, cookie: CookieRecord, extra: Partial<TimelineEvent> = {}): TimelineEvent {
  return { kind: 'change', seq, time, tabId: 1, cookie, removed: false, cause: 'explicit', source: 'http', origin: 'http://localhost:8000/login', ...extra } as TimelineEvent;
}

function finding(rule: string, severity: Finding['severity'], cookie: CookieRecord, message: string, fix: string, session = false): Finding {
  return { rule, severity, cookie: { name: cookie.name, domain: cookie.domain, path: cookie.path }, message, fix,
    evidence: `${cookie.name}=${cookie.value.slice(0, 6)}…`, session: session ? { is: true, reason: 'decoded as django signed_cookies' } : { is: false } };
}

/** A small, realistic tab: a logged-in Django site, a JWT in a script-readable cookie, a tracker. */
export async function createDemoSnapshot(nowSec = Math.floor(Date.now() / 1000)): Promise<TabSnapshot> {
  const before = await dumpsDjango({ cart: ['apple'] }, { key: DEMO_SECRET, salt: DEMO_SALT, compress: true, timestamp: nowSec - 600 });
  const after = await dumpsDjango({ cart: ['apple', 'pear'], _auth_user_id: '42', _auth_user_backend: 'django.contrib.auth.backends.ModelBackend' },
    { key: DEMO_SECRET, salt: DEMO_SALT, compress: true, timestamp: nowSec - 60 });
  const jwt = await signJwtHs({ sub: '42', role: 'admin', iat: nowSec - 60, exp: nowSec + 3600 }, 'secret');
  const exp = nowSec + 14 * DAY;
  const session = makeCookie('sessionid', after, 'localhost', { httpOnly: true, session: false, expirationDate: exp, size: 9 + after.length });
  const csrf = makeCookie('csrftoken', 'Xb3kq9ZP1vT0mWc8yLr2Hs5Ue7Ai4Dn6', 'localhost', { sameSite: 'unspecified', session: false, expirationDate: nowSec + 364 * DAY });
  const token = makeCookie('auth_token', jwt, 'localhost', { sameSite: 'strict' });
  const tracker = makeCookie('_ga', 'GA1.1.123456789.1764460000', '.ads.example.net', {
    secure: true, sameSite: 'no_restriction', partitionKey: { topLevelSite: 'http://localhost' }, session: false, expirationDate: nowSec + 500 * DAY });
  const old = makeCookie('sessionid', before, 'localhost', { httpOnly: true, session: false, expirationDate: exp - 540 });
  const t = (s: number) => (nowSec - s) * 1000;
  const events: TimelineEvent[] = [
    { kind: 'navigation', seq: 1, time: t(700), tabId: 1, url: 'http://localhost:8000/shop' },
    change(2, t(600), old),
    change(3, t(590), csrf),
    { kind: 'login', seq: 4, time: t(70), tabId: 1, pageUrl: 'http://localhost:8000/login', action: 'http://localhost:8000/login' },
    change(5, t(60), old, { removed: true, cause: 'overwrite' }),
    change(6, t(60), session),
    change(7, t(55), token, { source: 'script', origin: 'http://localhost:8000/static/app.js' }),
    change(8, t(30), tracker, { origin: 'https://ads.example.net/pixel' }),
  ];
  const findings = [
    finding('missing-httponly', 'high', token, 'auth_token is a session cookie without HttpOnly: any script on the page can steal it.', 'Set httpOnly: true where the cookie is issued.', true),
    finding('script-set-session-cookie', 'medium', token, 'auth_token was written by page script (it can never be HttpOnly).', 'Issue the token from the server with Set-Cookie.', true),
    finding('jwt-weak', 'high', token, 'JWT verified with the weak secret "secret".', 'Use a random 256-bit key.', true),
    finding('samesite-missing', 'info', csrf, 'csrftoken has no SameSite attribute.', 'Django: CSRF_COOKIE_SAMESITE = "Lax"'),
    finding('missing-secure', 'info', session, 'sessionid is set without Secure (fine on localhost, not in production).', 'Django: SESSION_COOKIE_SECURE = True', true),
    finding('expiry-over-400-days', 'info', tracker, '_ga expires in 500 days; browsers cap it at 400.', 'Set Max-Age to at most 34560000.'),
  ];
  return { tabId: 1, url: 'http://localhost:8000/shop', cookies: [session, csrf, token, tracker], events, findings, dropped: 0,
    settings: { ...DEFAULT_SETTINGS, companionUrl: 'http://localhost:8765' }, startedAt: nowSec * 1000 };
}

/** Many synthetic cookies and events, for the performance bench and virtualisation tests. */
export function createBulkSnapshot(cookieCount: number, eventCount: number, nowSec = 1_796_000_000): TabSnapshot {
  const cookies: CookieRecord[] = [];
  for (let i = 0; i < cookieCount; i++) {
    cookies.push(makeCookie(`cookie_${String(i).padStart(5, '0')}`, `v${(i * 2654435761) % 1e9}`, `host${i % 97}.example.test`, {
      secure: i % 3 === 0, httpOnly: i % 4 === 0, sameSite: (['lax', 'strict', 'no_restriction', 'unspecified'] as const)[i % 4],
      session: i % 5 === 0, ...(i % 5 === 0 ? {} : { expirationDate: nowSec + i }),
    }));
  }
  const events: TimelineEvent[] = [];
  for (let i = 0; i < eventCount; i++) events.push(change(i + 1, (nowSec - eventCount + i) * 1000, cookies[i % Math.max(1, cookieCount)] ?? makeCookie('x', String(i), 'a.test')));
  const findings = cookies.filter((_, i) => i % 10 === 0).map((c) => finding('samesite-missing', 'low', c, `${c.name} has no SameSite`, 'Set SameSite=Lax'));
  return { tabId: 1, url: 'http://host0.example.test/', cookies, events, findings, dropped: 0, settings: DEFAULT_SETTINGS, startedAt: nowSec * 1000 };
}
