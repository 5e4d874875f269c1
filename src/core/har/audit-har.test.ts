import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditHar } from './index.ts';
import { decodeCookie } from '../decode/index.ts';

const fixture = (name: string): string => readFileSync(new URL(`../../../test/audit/fixtures/${name}`, import.meta.url), 'utf8');
const pairs = (findings: Awaited<ReturnType<typeof auditHar>>) => findings.map((f) => `${f.rule}:${f.cookie.name}`);

describe('auditHar', () => {
  it('audits a Chrome export, including the login that kept the session id', async () => {
    const found = pairs(await auditHar(fixture('chrome.har'), { decode: decodeCookie }));
    expect(found).toEqual(expect.arrayContaining(['missing-secure:sessionid', 'missing-secure:csrftoken', 'session-fixation:sessionid', 'samesite-missing:csrftoken']));
    expect(found.filter((p) => p.endsWith(':legacy'))).toEqual([]); // a deletion
    expect(found.filter((p) => p.endsWith(':remember'))).toEqual([]); // well configured
  });

  it('audits a Firefox export with newline-joined Set-Cookie', async () => {
    const found = pairs(await auditHar(fixture('firefox.har'), { decode: decodeCookie }));
    expect(found).toEqual(expect.arrayContaining([
      'weak-session-id:PHPSESSID', 'prefix-secure-violation:__Secure-pref', 'samesite-none-insecure:tracker',
      'expiry-over-400-days:tracker', 'session-in-url:PHPSESSID', 'missing-httponly:PHPSESSID',
    ]));
  });
});
