// The audit against Django sessions as served by the companion (whose responses are diffed with real Django's
// transcripts in test/replay): responses are fetched for real over HTTP and replayed through the auditor.
import { afterAll, describe, expect, it } from 'vitest';
import { auditExchanges, type Exchange } from '../../src/core/audit/exchanges.ts';
import { decodeCookie } from '../../src/core/decode/index.ts';
import { startCompanion, type Running } from '../replay/processes.ts';

const apps: Running[] = [];

async function startDjango(args: string[]): Promise<string> {
  const app = await startCompanion(['--port', '0', '--quiet', ...args]);
  apps.push(app);
  return app.url;
}
afterAll(async () => { await Promise.all(apps.map((app) => app.stop())); });

/** One real request; returns it as an audit exchange and the cookie the jar now holds. */
async function exchange(base: string, path: string, cookie: string, body?: unknown, formFields?: string[]): Promise<{ ex: Exchange; cookie: string }> {
  const res = await fetch(base + path, { method: body === undefined ? 'GET' : 'POST', headers: cookie ? { cookie } : {}, body: body === undefined ? undefined : JSON.stringify(body) });
  await res.text();
  const setCookieHeaders = res.headers.getSetCookie();
  const next = setCookieHeaders.map((h) => h.split(';')[0]).find((p) => p.startsWith('sessionid='));
  const deleted = setCookieHeaders.some((h) => /max-age=0/i.test(h));
  return {
    ex: { request: { url: base + path, method: body === undefined ? 'GET' : 'POST', cookieHeader: cookie || undefined, formFields }, response: { status: res.status, setCookieHeaders } },
    cookie: deleted ? '' : next ?? cookie,
  };
}

describe('audit of Django sessions (companion)', { timeout: 60_000 }, () => {
  it('signed_cookies with a weak SECRET_KEY: weak secret, readable e-mail, replayable after logout', async () => {
    const base = await startDjango(['--engine', 'signed_cookies', '--secret-key', 'changeme']);
    const set = await exchange(base, '/session/set', '', { email: 'alice@example.com' });
    const logout = await exchange(base, '/logout', set.cookie, {});
    const findings = await auditExchanges([set.ex, logout.ex], { decode: decodeCookie });
    const rules = findings.filter((f) => f.cookie.name === 'sessionid').map((f) => f.rule);
    expect(rules).toEqual(expect.arrayContaining(['known-weak-secret', 'sensitive-data-in-cookie', 'logout-not-revoked', 'missing-secure']));
    expect(rules).not.toContain('missing-httponly'); // Django sets HttpOnly by default
    expect(rules).not.toContain('persistent-session'); // Max-Age=1209600 is exactly the policy
    const secure = findings.find((f) => f.rule === 'missing-secure')!;
    expect(secure).toMatchObject({ severity: 'info', framework: 'django' }); // 127.0.0.1 is a secure context
    expect(secure.fix).toMatch(/^Django: SESSION_COOKIE_SECURE = True/);
  });

  it('db engine: login cycles the key (no fixation), logout flushes (not reported)', async () => {
    const base = await startDjango(['--engine', 'db']);
    const first = await exchange(base, '/session/set', '', { cart: [1, 2] });
    const login = await exchange(base, '/login', first.cookie, { user_id: 7 }, ['username', 'password']);
    expect(login.cookie).not.toBe(first.cookie);
    const logout = await exchange(base, '/logout', login.cookie, {});
    const rules = (await auditExchanges([first.ex, login.ex, logout.ex], { decode: decodeCookie })).map((f) => f.rule);
    expect(rules).not.toContain('session-fixation');
    expect(rules).not.toContain('logout-not-revoked');
    expect(rules).not.toContain('weak-session-id');
    expect(rules).not.toContain('known-weak-secret');
  });

  it('a login that keeps the session key is fixation', async () => {
    const base = await startDjango(['--engine', 'db']);
    const first = await exchange(base, '/session/set', '', { cart: [1] });
    // /session/set after a password post stands in for a hand-rolled login that never calls cycle_key()
    const fake = await exchange(base, '/session/set', first.cookie, { user: 'alice' }, ['username', 'password']);
    fake.ex.response!.status = 302;
    const findings = await auditExchanges([first.ex, fake.ex], { decode: decodeCookie });
    expect(findings.find((f) => f.rule === 'session-fixation')?.fix).toMatch(/cycle_key/);
  });
});
