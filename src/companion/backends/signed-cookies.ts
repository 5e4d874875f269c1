// django.contrib.sessions.backends.signed_cookies: no server-side storage; the cookie value is the session,
// signing.dumps(data, compress=True, salt=...signed_cookies), valid for SESSION_COOKIE_AGE since the last signing.
import { SessionBase } from '../engine/session-base.ts';
import { dumpsSession, loadsSigned, SIGNED_COOKIES_SALT } from '../engine/codec.ts';
import type { PyDict } from '../py/value.ts';

export class SignedCookieSession extends SessionBase {
  async load(): Promise<PyDict> {
    const out = await loadsSigned(this.ctx, this.sessionKey ?? '', SIGNED_COOKIES_SALT, this.ctx.settings.SESSION_COOKIE_AGE);
    if (out.ok && out.value instanceof Map) return out.value;
    // any failure: a new (empty) session; the bad value stays as the key, so the session is not "empty"
    await this.create();
    return new Map();
  }

  async create(): Promise<void> { this.modified = true; }

  async save(): Promise<void> {
    const previous = this.sessionKey;
    this.setKey(await dumpsSession(this.ctx, await this.session(), SIGNED_COOKIES_SALT));
    this.modified = true;
    this.ctx.emit(previous ? 'modified' : 'created', this.sessionKey, previous);
  }

  async exists(): Promise<boolean> { return false; }

  async delete(): Promise<void> {
    this.setKey('');
    this.cache = new Map();
    this.modified = true;
  }

  async cycleKey(): Promise<void> {
    const previous = this.sessionKey;
    await this.save();
    this.ctx.emit('cycled', this.sessionKey, previous);
  }
}
