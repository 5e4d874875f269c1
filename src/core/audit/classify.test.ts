import { describe, expect, it } from 'vitest';
import { classifySession, sniffFormat, unquotedValue } from './classify.ts';
import type { DecodeResult } from '../decode/types.ts';

describe('classifySession', () => {
  it.each([
    ['sessionid', 'abcdefghijklmnopqrstuvwxyz012345', 'django', /sessionid/],
    ['PHPSESSID', 'q7kfl3s0d1m2k9v5o4c3b2a1e0', 'php', /PHPSESSID/],
    ['connect.sid', 's%3AAbCdEfGhIjKlMnOpQrStUvWxYz012345.Zm9vYmFyYmF6cXV4cXV1eHh4eHh4eHh4eHh4eHh4eA', 'express', /express-session format/],
    ['_shop_session', 'abc', 'rails', /_\*_session/],
    ['JSESSIONID', 'ABC123', 'java', /JSESSIONID/],
    ['__Host-session', 'eyJ1c2VyX2lkIjo0Mn0.awzcLA.lv7aeX9cntVOqCfayR8XfD8ca2I', 'flask', /flask format/],
  ])('%s is a session cookie', (name, value, framework, reason) => {
    const verdict = classifySession(name, value);
    expect(verdict.is).toBe(true);
    expect(verdict.framework).toBe(framework);
    expect(verdict.reason).toMatch(reason);
  });

  it('a name with sess/sid/auth/token/login and an opaque 16+ character value counts', () => {
    expect(classifySession('my_auth', 'Zx81kQ0pLm3vB7tY').is).toBe(true);
    expect(classifySession('my_auth', 'short').is).toBe(false);
    expect(classifySession('theme', 'Zx81kQ0pLm3vB7tYaaaa').is).toBe(false);
  });

  it('a keygrip signature cookie is the companion, not a second session cookie', () => {
    expect(classifySession('session.sig', 'AbCdEfGhIjKlMnOpQrStUvWxYz0')).toMatchObject({ is: false, framework: 'express' });
  });

  it('anti-CSRF cookies are not session cookies but keep their framework', () => {
    expect(classifySession('csrftoken', 'Zx81kQ0pLm3vB7tYZx81kQ0pLm3vB7tY')).toMatchObject({ is: false, framework: 'django' });
  });

  it('a decoder verdict wins, and says so', () => {
    const decoded = { format: 'rails', payload: null, signature: 'unverified', compressed: null, timestamp: null, expired: null, reasons: [] } as DecodeResult;
    expect(classifySession('prefs', 'opaque', decoded)).toEqual({ is: true, reason: 'recognised by the rails decoder', framework: 'rails' });
  });

  it('judges each value on its own when one name comes back with other values (name facts are kept per name)', () => {
    const flask = 'eyJ1c2VyX2lkIjo0Mn0.awzcLA.lv7aeX9cntVOqCfayR8XfD8ca2I';
    const verdicts = ['my_auth', 'my_auth', 'my_auth'].map((name, i) => classifySession(name, [flask, 'short', `"${flask}"`][i]));
    expect(verdicts.map((v) => [v.is, v.framework])).toEqual([[true, 'flask'], [false, undefined], [true, 'flask']]);
    expect(sniffFormat('%22' + flask + '%22')).toBe('flask');
    expect(sniffFormat('%E0%A4%A' + flask)).toBeNull(); // malformed percent-encoding is read as it is
    expect(unquotedValue('"')).toBe('');
    expect(unquotedValue('""')).toBe('');
    expect(unquotedValue('a"b"')).toBe('a"b');
    expect(unquotedValue('%22x')).toBe('x');
    // the opaque-token reason names each value's own length
    expect(classifySession('my_auth', 'Zx81kQ0pLm3vB7tY').reason).toMatch(/of 16 characters/);
    expect(classifySession('my_auth', 'Zx81kQ0pLm3vB7tYabcd').reason).toMatch(/of 20 characters/);
    expect(classifySession('session', 'eyJhIjoxfQ==').framework).toBe('express');
    expect(classifySession('session', 'abc').framework).toBe('flask');
  });
});

