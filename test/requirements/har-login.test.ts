// Issue 3 §3 (--har) + the session-fixation rule: a login recorded by Firefox DevTools is recognised whatever the
// body type. Firefox's HAR writer puts `params: []` on every body it did not parse (JSON, multipart).
import { describe, expect, it } from 'vitest';
import { auditExchanges } from '../../src/core/audit/exchanges.ts';
import { readHar } from '../../src/core/har/read-har.ts';

const SID = 'pre1login2id3abcdefghijklmnopq';
const BOUNDARY = '----geckoformboundary5f0e';
const MULTIPART = [`--${BOUNDARY}`, 'Content-Disposition: form-data; name="username"', '', 'alice', `--${BOUNDARY}`,
  'Content-Disposition: form-data; name="password"', '', 'hunter2', `--${BOUNDARY}--`, ''].join('\r\n');

function firefoxLogin(mimeType: string, text: string): string {
  const entry = (method: string, url: string, postData: object | undefined, status: number, setCookie: string[]) => ({
    startedDateTime: '2026-11-30T10:00:00.000Z', time: 1,
    request: { method, url, httpVersion: 'HTTP/1.1', headers: [{ name: 'Cookie', value: `sessionid=${SID}` }], cookies: [], queryString: [], headersSize: -1, bodySize: 0, ...(postData ? { postData } : {}) },
    response: { status, statusText: '', httpVersion: 'HTTP/1.1', headers: setCookie.map((value) => ({ name: 'Set-Cookie', value })), cookies: [], content: { size: 0, mimeType: 'text/html' }, redirectURL: '', headersSize: -1, bodySize: 0 },
    cache: {}, timings: { send: 0, wait: 1, receive: 0 },
  });
  return JSON.stringify({ log: { version: '1.2', creator: { name: 'Firefox', version: '128.0' }, entries: [
    entry('POST', 'https://shop.example.com/api/login', { mimeType, params: [], text }, 302, ['logged_in=1; Path=/; Secure; HttpOnly; SameSite=Lax']),
  ] } });
}

describe('Firefox HAR logins', () => {
  it.each([
    ['a JSON body', 'application/json', JSON.stringify({ username: 'alice', password: 'hunter2' })],
    ['a multipart form', `multipart/form-data; boundary=${BOUNDARY}`, MULTIPART],
    ['a urlencoded body without params', 'application/x-www-form-urlencoded', 'username=alice&password=hunter2'],
  ])('reads the field names of %s and reports the session id kept across the login', async (_label, mime, text) => {
    const exchanges = readHar(firefoxLogin(mime, text));
    expect(exchanges[0].request.formFields).toEqual(['username', 'password']);
    const findings = await auditExchanges(exchanges);
    expect(findings.find((f) => f.rule === 'session-fixation')).toMatchObject({ severity: 'high', cookie: { name: 'sessionid' } });
  });
});
