// django.contrib.sessions.backends.base.SessionBase (3.2 semantics; 4.2/5.2 differences switched by ctx.django).
// Every operation is async because the backends (SQL, Redis, files, WebCrypto signing) are.
import { clonePy, CONST_KEY, isTruthy, keyIdentity, newIdentity, PyDateTime, setKeyed, toNumber, type PyDict, type PyValue } from '../py/value.ts';
import { fromisoformat, isoformat } from '../py/datetime.ts';
import type { EngineContext } from './context.ts';
import { isoExpiry } from './context.ts';
import { CreateError, KeyError, ServerError } from './errors.ts';
import { decodeSessionDict, encodeSessionDict } from './codec.ts';

export const VALID_KEY_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789';
const EXPIRY = '_session_expiry';

/** get_random_string(32, VALID_KEY_CHARS) with a CSPRNG and no modulo bias. */
export function randomSessionKey(length = 32): string {
  let out = '';
  while (out.length < length) {
    for (const b of globalThis.crypto.getRandomValues(new Uint8Array(length))) {
      if (b < 252 && out.length < length) out += VALID_KEY_CHARS[b % 36];
    }
  }
  return out;
}

/** A timedelta argument for setExpiry (Python: set_expiry(timedelta(seconds=N))). */
export interface TimeDelta { timedeltaSeconds: number }

export abstract class SessionBase {
  accessed = false;
  modified = false;
  protected cache: PyDict | null = null;
  private key: string | null = null;

  constructor(readonly ctx: EngineContext, sessionKey: string | null) {
    this.setKey(sessionKey);
  }

  get sessionKey(): string | null { return this.key; }
  /** _session_key's setter: anything falsy or shorter than 8 characters becomes None. */
  protected setKey(value: string | null): void { this.key = value && value.length >= 8 ? value : null; }
  protected get keySalt(): string { return 'django.contrib.sessions.SessionStore'; }
  protected nowMicros(): number { return Math.round(this.ctx.clock.now() * 1e6); }

  // ---- backend primitives ----
  abstract exists(key: string): Promise<boolean>;
  abstract create(): Promise<void>;
  abstract save(mustCreate?: boolean): Promise<void>;
  abstract delete(key?: string | null): Promise<void>;
  abstract load(): Promise<PyDict>;

  /** _get_new_session_key: a random key no stored session uses yet. */
  protected async newKey(): Promise<string> {
    for (;;) {
      const key = randomSessionKey();
      if (!(await this.exists(key))) return key;
    }
  }

  /**
   * The create() loop the db, cache and file backends share in Django: take a fresh key and save with
   * must_create, retrying on CreateError (a concurrent writer took the key). False when attempts run out.
   */
  protected async createWithFreshKey(attempts = Number.POSITIVE_INFINITY): Promise<boolean> {
    for (let i = 0; i < attempts; i++) {
      this.setKey(await this.newKey());
      try {
        await this.save(true);
      } catch (e) {
        if (e instanceof CreateError) continue;
        throw e;
      }
      this.modified = true;
      this.ctx.emit('created', this.sessionKey);
      return true;
    }
    return false;
  }

  async encode(data: PyDict): Promise<string> { return encodeSessionDict(this.ctx, data, this.keySalt); }
  async decode(text: string): Promise<PyDict> { return decodeSessionDict(this.ctx, text, this.keySalt); }

  /** _get_session: the lazily loaded dict. */
  protected async session(noLoad = false): Promise<PyDict> {
    this.accessed = true;
    if (this.cache) return this.cache;
    this.cache = this.key === null || noLoad ? new Map() : await this.load();
    return this.cache;
  }

  /** The loaded dict, for read-only views (items(), keys()). */
  async data(): Promise<PyDict> { return this.session(); }

  async getItem(k: string): Promise<PyValue> {
    const s = await this.session();
    if (!s.has(k)) throw new KeyError(k);
    return s.get(k)!;
  }
  /**
   * session[k] = v. `keyId` is the key's object identity (value.ts; default: a constant written by code) and
   * `freshValue` marks a one-character value made by code; both only shape the pickles of cache backends.
   */
  async setItem(k: string, v: PyValue, opts: { keyId?: string; freshValue?: boolean } = {}): Promise<void> {
    setKeyed(await this.session(), k, v, opts.keyId ?? CONST_KEY, opts.freshValue);
    this.modified = true;
  }
  async deleteItem(k: string): Promise<void> {
    const s = await this.session();
    if (!s.has(k)) throw new KeyError(k);
    s.delete(k);
    this.modified = true;
  }
  async get(k: string, fallback: PyValue = null): Promise<PyValue> {
    const s = await this.session();
    return s.has(k) ? s.get(k)! : fallback;
  }
  async has(k: string): Promise<boolean> { return (await this.session()).has(k); }
  async items(): Promise<[string, PyValue][]> { return [...(await this.session())]; }

  /** pop(k) / pop(k, default): `fallback` undefined means "no default" (KeyError when missing). */
  async pop(k: string, fallback?: PyValue): Promise<PyValue> {
    // Python evaluates `self.modified or key in self._session` before assigning, so a create() run by the
    // lazy load (signed_cookies, expired file) is overwritten here: Django then sends no cookie.
    const before = this.modified;
    const s = await this.session();
    this.modified = before || s.has(k);
    if (s.has(k)) { const v = s.get(k)!; s.delete(k); return v; }
    if (fallback === undefined) throw new KeyError(k);
    return fallback;
  }
  async setdefault(k: string, v: PyValue): Promise<PyValue> {
    const s = await this.session();
    if (s.has(k)) return s.get(k)!;
    this.modified = true;
    setKeyed(s, k, v, newIdentity());
    return v;
  }
  async update(d: PyDict): Promise<void> {
    const s = await this.session();
    for (const [k, v] of d) setKeyed(s, k, v, keyIdentity(d, k) ?? newIdentity());
    this.modified = true;
  }
  clear(): void { this.cache = new Map(); this.accessed = true; this.modified = true; }
  isEmpty(): boolean { return !this.key && (this.cache === null || this.cache.size === 0); }

  async flush(): Promise<void> {
    const key = this.key;
    this.clear();
    await this.delete();
    this.key = null;
    if (key) this.ctx.emit('flushed', null, key);
  }

  async cycleKey(): Promise<void> {
    const data = await this.session();
    const key = this.key;
    await this.create();
    this.cache = data;
    if (key) await this.delete(key);
    this.ctx.emit('cycled', this.key, key);
  }

  // ---- expiry (django-sessions.md §4) ----
  private async expiryValue(opts: { expiry?: PyValue }): Promise<PyValue> {
    return 'expiry' in opts ? opts.expiry! : this.get(EXPIRY);
  }

  /** Django >= 4.1 reads ISO strings back with datetime.fromisoformat (3.2 keeps the string as it is). */
  private parseStored(expiry: PyValue): PyValue {
    return isoExpiry(this.ctx) && typeof expiry === 'string' ? parseIso(expiry) : expiry;
  }

  async getExpiryAge(opts: { modification?: number; expiry?: PyValue } = {}): Promise<PyValue> {
    const modification = opts.modification ?? this.nowMicros();
    const raw = await this.expiryValue(opts);
    if (!isTruthy(raw)) return this.ctx.settings.SESSION_COOKIE_AGE;
    const expiry = this.parseStored(raw);
    if (!(expiry instanceof PyDateTime)) return expiry;
    if (expiry.tz === null) throw new ServerError("TypeError: can't subtract offset-naive and offset-aware datetimes");
    return Math.floor((expiry.micros - modification) / 1e6);
  }

  async getExpiryDate(opts: { modification?: number; expiry?: PyValue } = {}): Promise<PyDateTime> {
    const modification = opts.modification ?? this.nowMicros();
    const expiry = this.parseStored(await this.expiryValue(opts));
    if (expiry instanceof PyDateTime) return expiry;
    const seconds = isTruthy(expiry) ? toNumber(expiry) : this.ctx.settings.SESSION_COOKIE_AGE;
    if (seconds === null) throw new ServerError(`unsupported type for timedelta seconds component: ${typeof expiry}`);
    return checkedDateTime(modification + Math.round(seconds * 1e6), this.nowTz());
  }

  async getExpireAtBrowserClose(): Promise<boolean> {
    const expiry = await this.get(EXPIRY);
    if (expiry === null) return this.ctx.settings.SESSION_EXPIRE_AT_BROWSER_CLOSE;
    return toNumber(expiry) === 0;
  }

  async setExpiry(value: PyValue | TimeDelta): Promise<void> {
    if (value === null) {
      try { await this.deleteItem(EXPIRY); } catch (e) { if (!(e instanceof KeyError)) throw e; }
      return;
    }
    let v: PyValue;
    if (isTimeDelta(value)) v = checkedDateTime(this.nowMicros() + Math.round(value.timedeltaSeconds * 1e6), this.nowTz());
    else v = value;
    if (isoExpiry(this.ctx) && v instanceof PyDateTime) v = isoformat(v);
    await this.setItem(EXPIRY, v);
  }

  /** timezone.now()'s tzinfo: pytz.utc under Django 3.2, datetime.timezone.utc later (matters only to pickles). */
  protected nowTz(): 'utc' | 'pytz-utc' { return this.ctx.django === '3.2' ? 'pytz-utc' : 'utc'; }

  /** A copy of the current data for backends that store objects (caches pickle; never share the live dict). */
  protected snapshot(data: PyDict): PyDict { return clonePy(data); }
}

// datetime's range is years 1..9999; beyond it Python raises OverflowError (a 500 page).
const MAX_MICROS = Date.UTC(9999, 11, 31, 23, 59, 59, 999) * 1000 + 999;
export function checkedDateTime(micros: number, tz: PyDateTime['tz']): PyDateTime {
  if (!Number.isFinite(micros) || micros < -62135596800e6 || micros > MAX_MICROS) throw new ServerError('OverflowError: date value out of range');
  return new PyDateTime(micros, tz);
}

function isTimeDelta(v: unknown): v is TimeDelta {
  return typeof v === 'object' && v !== null && 'timedeltaSeconds' in v;
}

function parseIso(text: string): PyDateTime {
  try { return fromisoformat(text); } catch (e) { throw new ServerError((e as Error).message); }
}
