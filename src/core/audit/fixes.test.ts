import { describe, expect, it } from 'vitest';
import { fixFor } from './fixes.ts';

describe('fixFor (Django)', () => {
  it('names the setting family of the cookie', () => {
    expect(fixFor('missing-secure', 'django', 'sessionid', true)).toBe('Django: SESSION_COOKIE_SECURE = True');
    expect(fixFor('missing-secure', 'django', 'csrftoken', false)).toBe('Django: CSRF_COOKIE_SECURE = True');
  });

  it('gives the messages cookie the session settings, which contrib.messages CookieStorage uses for it', () => {
    expect(fixFor('missing-secure', 'django', 'messages', false)).toBe('Django: SESSION_COOKIE_SECURE = True');
    expect(fixFor('samesite-missing', 'django', 'messages', false)).toBe("Django: SESSION_COOKIE_SAMESITE = 'Lax'");
  });

  it('falls back to the generic fix for a Django-signed cookie it cannot attribute', () => {
    expect(fixFor('missing-secure', 'django', 'prefs', false)).toBe('Add the Secure attribute so the cookie is only sent over HTTPS.');
  });
});
