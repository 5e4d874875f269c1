// Decoder-driven rules: cookies below were produced by the real frameworks (Flask 2.2 / Django 3.2 via
// Debian's python3 packages) and node's crypto for the JWTs, with the secrets named in each case.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createAuditor } from './auditor.ts';
import { decodeCookie } from '../decode/index.ts';

const NOW = 1_795_976_873;
const FLASK_SECRET = 'eyJ1c2VyX2lkIjo3LCJlbWFpbCI6ImFsaWNlQGV4YW1wbGUuY29tIiwicGFzc3dvcmQiOiJodW50ZXIyIn0.awzubQ.YSmj1I9Pyevql3YL5mvDkVYv4zg';
const FLASK_KEYBOARD_CAT = 'eyJjYXJ0IjpbMSwyXX0.awzubQ.oQdnttYcGb1AovjC1LKtONUgX1c';
const DJANGO_CHANGEME = '.eJyrVopPLC3JiC8tTi2Kz0xRslIyVNJRSk4sAjFNDA0NFQxRCKVaAIO2DUI:1xXs8T:q6dUkXX2ywqbL7ZIfGUFWMafsPsreu4e7lGwyScNZBo';
const FLASK_STRONG = 'eyJ1c2VyX2lkIjo0Mn0.awzcLA.lv7aeX9cntVOqCfayR8XfD8ca2I'; // public vector, long random secret
const JWT_SECRET_NOEXP = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI0MiIsIm5hbWUiOiJib2IifQ.iXFtg38MvrIONYQwEwqnMUJidCsCg0iemSoRORT8QJQ';
const JWT_NONE = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIiwiZXhwIjo0MTAyNDQ0ODAwfQ.';
const JWT_STRONG = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxIiwiZXhwIjo0MTAyNDQ0ODAwfQ.QpSdMNIGLVY3AwQVR3SKeq5Y0PyMd8gsUsncY-WI47o';

async function audit(headers: string[], options: { secrets?: string[]; showValues?: boolean } = {}) {
  const auditor = createAuditor({ decode: decodeCookie, ...options });
  auditor.observeResponse({ url: 'https://app.example.com/', setCookieHeaders: headers, now: NOW });
  await auditor.settle();
  return auditor.findings();
}
const attrs = '; Secure; HttpOnly; SameSite=Lax; Path=/';

describe('known-weak-secret', () => {
  it.each([
    ['Flask signed with "secret"', `session=${FLASK_SECRET}`],
    ['Flask signed with "keyboard cat"', `session=${FLASK_KEYBOARD_CAT}`],
    ['Django signed_cookies with "changeme"', `sessionid=${DJANGO_CHANGEME}`],
  ])('fires for %s, with the secret masked', async (_label, pair) => {
    const finding = (await audit([pair + attrs])).find((f) => f.rule === 'known-weak-secret');
    expect(finding?.severity).toBe('high');
    expect(finding?.message).toMatch(/built-in list/);
    expect(finding?.message).not.toMatch(/"(secret|keyboard cat|changeme)"/);
  });

  it('fires for express-session and cookie-session signed with tutorial secrets', async () => {
    // Signed per cookie-signature (HMAC-SHA256, base64 without padding) and keygrip (HMAC-SHA1 over "name=value").
    const id = 'k3Jd9sL0pQ2wE5rT7yU1iO4aS6dF8gH0';
    const sig = createHmac('sha256', 'keyboard cat').update(id).digest('base64').replace(/=+$/, '');
    const value = Buffer.from('{"user":"bob"}').toString('base64');
    const keygrip = createHmac('sha1', 'secret').update(`session=${value}`).digest('base64').replace(/\//g, '_').replace(/\+/g, '-').replace(/=/g, '');
    const findings = await audit([`connect.sid=${encodeURIComponent(`s:${id}.${sig}`)}${attrs}`, `session=${value}${attrs}`, `session.sig=${keygrip}${attrs}`]);
    const weak = findings.filter((f) => f.rule === 'known-weak-secret').map((f) => `${f.cookie.name}:${f.framework}`);
    expect(weak.sort()).toEqual(['connect.sid:express', 'session:express']);
  });

  it('does not fire for a strong secret, even when the user supplies it', async () => {
    const secret = 'flask-public-vectors-secret-2b7e151628aed2a6abf7158809cf4f3c';
    const rules = (await audit([`session=${FLASK_STRONG}${attrs}`], { secrets: [secret] })).map((f) => f.rule);
    expect(rules).not.toContain('known-weak-secret');
  });

  it('shows the secret with --show-values', async () => {
    const finding = (await audit([`session=${FLASK_SECRET}${attrs}`], { showValues: true })).find((f) => f.rule === 'known-weak-secret');
    expect(finding?.message).toContain('"secret"');
  });
});

describe('sensitive-data-in-cookie', () => {
  it('finds password and email in a readable Flask payload, masked', async () => {
    const finding = (await audit([`session=${FLASK_SECRET}${attrs}`])).find((f) => f.rule === 'sensitive-data-in-cookie')!;
    expect(finding.message).toMatch(/password/);
    expect(finding.message).toMatch(/email/);
    expect(finding.evidence).not.toContain('hunter2');
    expect(finding.evidence).not.toContain('alice@example.com');
  });

  it('finds a Luhn-valid card number in a compressed Django payload', async () => {
    const finding = (await audit([`sessionid=${DJANGO_CHANGEME}${attrs}`])).find((f) => f.rule === 'sensitive-data-in-cookie');
    expect(finding?.message).toMatch(/card number/);
  });

  it('finds a password cookie and an e-mail address as a plain value, not an opaque session token', async () => {
    const rules = async (pair: string) => (await audit([pair + attrs])).map((f) => f.rule);
    expect(await rules('password=hunter2')).toContain('sensitive-data-in-cookie');
    expect(await rules('user=alice%40example.com')).toContain('sensitive-data-in-cookie');
    expect(await rules('auth_token=Zk3q9XwL0pT7vB2nR5yJ8aC4')).not.toContain('sensitive-data-in-cookie');
  });

  it('finds tokens in plain JSON cookies and ignores harmless payloads', async () => {
    const json = encodeURIComponent(JSON.stringify({ api_key: 'sk_live_0123456789abcdef0123' }));
    expect((await audit([`prefs=${json}${attrs}`])).map((f) => f.rule)).toContain('sensitive-data-in-cookie');
    const harmless = encodeURIComponent(JSON.stringify({ theme: 'dark', csrf_token: '0123456789abcdef0123456789', n: 4111111111111112 }));
    expect((await audit([`prefs=${harmless}${attrs}`, `session=${FLASK_KEYBOARD_CAT}${attrs}`])).map((f) => f.rule)).not.toContain('sensitive-data-in-cookie');
  });
});

describe('jwt-weak', () => {
  it('fires for alg none, for a weak HS256 secret and for a missing exp', async () => {
    const none = (await audit([`token=${JWT_NONE}${attrs}`])).find((f) => f.rule === 'jwt-weak');
    expect(none?.message).toMatch(/none/);
    const weak = (await audit([`token=${JWT_SECRET_NOEXP}${attrs}`])).find((f) => f.rule === 'jwt-weak');
    expect(weak?.message).toMatch(/weak secret/);
    expect(weak?.message).toMatch(/no exp/);
  });

  it('does not fire for a strongly signed JWT with exp', async () => {
    expect((await audit([`token=${JWT_STRONG}${attrs}`])).map((f) => f.rule)).not.toContain('jwt-weak');
  });
});

describe('classification by the decoder', () => {
  it('a signed Flask cookie under an unusual name is judged a session cookie', async () => {
    const findings = await audit([`user=${FLASK_KEYBOARD_CAT}; Path=/`]);
    const httponly = findings.find((f) => f.rule === 'missing-httponly')!;
    expect(httponly.session.is).toBe(true);
    expect(httponly.severity).toBe('high');
    expect(httponly.framework).toBe('flask');
    expect(httponly.fix).toBe('Flask: SESSION_COOKIE_HTTPONLY = True');
  });
});
