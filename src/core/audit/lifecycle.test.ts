import { describe, expect, it } from 'vitest';
import { createAuditor } from './auditor.ts';
import { auditExchanges } from './exchanges.ts';

const SID = 'q7kfl3s0d1m2k9v5o4c3b2a1e0';
const url = 'https://app.example.com/';

describe('browser-signal rules', () => {
  it('script-set-session-cookie fires for a session cookie written by script only', () => {
    const a = createAuditor();
    expect(a.observeScriptWrite({ url, cookie: 'theme=dark; path=/' })).toEqual([]);
    expect(a.observeScriptWrite({ url, cookie: `PHPSESSID=${SID}; path=/`, api: 'cookieStore' })[0]).toMatchObject({ rule: 'script-set-session-cookie', severity: 'medium' });
  });

  it('script-readable-session fires for session cookies visible in document.cookie', () => {
    const found = createAuditor().observeScriptRead({ url, documentCookie: `theme=dark; sessionid=${SID}abcdef` });
    expect(found.map((f) => [f.rule, f.cookie.name, f.severity])).toEqual([['script-readable-session', 'sessionid', 'high']]);
    expect(found[0].evidence).not.toContain(SID);
  });

  it('session-fixation: same id before and after a login that changed auth state', () => {
    const a = createAuditor();
    const before = [{ name: 'PHPSESSID', value: SID }];
    expect(a.observeLogin({ url, before, after: [{ name: 'PHPSESSID', value: 'rotated0000000000000000000' }], passwordSubmitted: true, authChanged: true })).toEqual([]);
    expect(a.observeLogin({ url, before, after: before, passwordSubmitted: true, authChanged: false })).toEqual([]);
    const hit = a.observeLogin({ url, before, after: before, passwordSubmitted: true, authChanged: true });
    expect(hit[0]).toMatchObject({ rule: 'session-fixation', severity: 'high', framework: 'php' });
    expect(hit[0].fix).toMatch(/session_regenerate_id/);
  });

  it('logout-not-revoked: server still accepts the id, or a signed client-side session', () => {
    const a = createAuditor();
    expect(a.observeLogout({ url, cookie: { name: 'PHPSESSID', value: SID } })).toEqual([]);
    expect(a.observeLogout({ url, cookie: { name: 'PHPSESSID', value: SID }, stillAccepted: true, via: 'companion' })[0].rule).toBe('logout-not-revoked');
    expect(createAuditor().observeLogout({ url, cookie: { name: 'session', value: 'eyJ1c2VyX2lkIjo0Mn0.awzcLA.lv7aeX9cntVOqCfayR8XfD8ca2I' } })[0].message).toMatch(/flask/);
  });

  it('session-in-url: a known session value in the URL or Referer; nothing for clean URLs', () => {
    const a = createAuditor();
    a.observeResponse({ url, setCookieHeaders: [`PHPSESSID=${SID}; Secure; HttpOnly; SameSite=Lax; Path=/`] });
    expect(a.observeRequest({ url: 'https://app.example.com/next?x=1' })).toEqual([]);
    const leak = a.observeRequest({ url: 'https://cdn.example.net/a.js', referer: `https://app.example.com/page?PHPSESSID=${SID}` });
    expect(leak[0]).toMatchObject({ rule: 'session-in-url', severity: 'medium' });
    expect(leak[0].evidence).not.toContain(SID);
    const b = createAuditor();
    b.observeResponse({ url, setCookieHeaders: [`PHPSESSID=${SID}; Secure; HttpOnly; SameSite=Lax; Path=/`] });
    const inUrl = b.observeRequest({ url: `https://app.example.com/x?sid=${SID}` });
    expect(inUrl[0].rule).toBe('session-in-url');
    expect(JSON.stringify(inUrl)).not.toContain(SID);
    expect(createAuditor().observeRequest({ url: `https://x.example.com/app;jsessionid=${SID}` })[0].rule).toBe('session-in-url');
  });

  it('weak-session-id also from the Cookie request header (a HAR recorded after login)', () => {
    const found = createAuditor().observeRequest({ url, cookieHeader: 'theme=dark; JSESSIONID=1000234' });
    expect(found.map((f) => [f.rule, f.cookie.name])).toEqual([['weak-session-id', 'JSESSIONID']]);
    expect(found[0].evidence).not.toContain('1000234');
    expect(createAuditor().observeRequest({ url, cookieHeader: `PHPSESSID=${SID}` })).toEqual([]);
  });

  it('cookie-budget: a Cookie request header over 8 KiB', () => {
    expect(createAuditor().observeRequest({ url, cookieHeader: `a=${'x'.repeat(8200)}` })[0].rule).toBe('cookie-budget');
    expect(createAuditor().observeRequest({ url, cookieHeader: 'a=1; b=2' })).toEqual([]);
  });

  it('batch mode recognises a password login that keeps the session id', async () => {
    const findings = await auditExchanges([{
      request: { url: 'https://app.example.com/login', method: 'POST', cookieHeader: `PHPSESSID=${SID}`, formFields: ['user', 'password'] },
      response: { status: 302, setCookieHeaders: ['remember=1; Secure; HttpOnly; SameSite=Lax'] },
    }]);
    expect(findings.map((f) => f.rule)).toContain('session-fixation');
  });
});
