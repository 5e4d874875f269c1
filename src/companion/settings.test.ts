import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { coerceSetting, defaultSettings, parseEngine, settingsFromEnv, settingsFromFile, SettingsError } from './settings.ts';

describe('SESSION_* settings', () => {
  it('has Django 3.2 defaults', () => {
    expect(defaultSettings()).toMatchObject({
      SESSION_COOKIE_NAME: 'sessionid', SESSION_COOKIE_AGE: 1209600, SESSION_COOKIE_DOMAIN: null, SESSION_COOKIE_PATH: '/',
      SESSION_COOKIE_SECURE: false, SESSION_COOKIE_HTTPONLY: true, SESSION_COOKIE_SAMESITE: 'Lax', SESSION_SAVE_EVERY_REQUEST: false,
      SESSION_EXPIRE_AT_BROWSER_CLOSE: false, SESSION_CACHE_ALIAS: 'default', SESSION_FILE_PATH: null, SESSION_SERIALIZER: 'json',
    });
  });

  it('reads env vars by Django name and coerces them', () => {
    expect(settingsFromEnv({ SESSION_COOKIE_AGE: '60', SESSION_COOKIE_SECURE: 'true', SESSION_COOKIE_SAMESITE: 'off', PATH: '/bin' }))
      .toEqual({ SESSION_COOKIE_AGE: 60, SESSION_COOKIE_SECURE: true, SESSION_COOKIE_SAMESITE: null });
    expect(coerceSetting('SESSION_SERIALIZER', 'django.contrib.sessions.serializers.PickleSerializer')).toBe('pickle');
    expect(parseEngine('django.contrib.sessions.backends.cached_db')).toBe('cached_db');
    expect(parseEngine('signed-cookies')).toBe('signed_cookies');
  });

  it('refuses bad values and unknown config keys with a clear SettingsError', () => {
    expect(() => coerceSetting('SESSION_COOKIE_AGE', 'two weeks')).toThrow(SettingsError);
    expect(() => coerceSetting('SESSION_COOKIE_SAMESITE', 'Sometimes')).toThrow(/Lax, Strict, None or off/);
    expect(() => coerceSetting('SESSION_SAVE_EVERY_REQUEST', 'maybe')).toThrow(SettingsError);
    expect(() => parseEngine('memcached')).toThrow(/unknown session engine/);
    const dir = mkdtempSync(join(tmpdir(), 'ss-settings-'));
    writeFileSync(join(dir, 'typo.json'), '{"SESSION_COOKIE_AGEE": 1}');
    expect(() => settingsFromFile(join(dir, 'typo.json'))).toThrow(/unknown setting SESSION_COOKIE_AGEE/);
    writeFileSync(join(dir, 'ok.json'), '{"SESSION_COOKIE_AGE": 1, "SESSION_COOKIE_DOMAIN": null}');
    expect(settingsFromFile(join(dir, 'ok.json'))).toEqual({ SESSION_COOKIE_AGE: 1, SESSION_COOKIE_DOMAIN: null });
  });
});
