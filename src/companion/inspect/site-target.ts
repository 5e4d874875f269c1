// Adapts a live companion Site (its reference-app /store view, key listing, clock, cache and change feed)
// to the InspectTarget the /__sessionscope/ routes serve. Read paths never load a session through the
// engine, because Django's file backend load() deletes and re-creates expired sessions.
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import type { Json } from '../../core/protocol/index.ts';
import { b62Decode } from '../../core/decode/django/signing.ts';
import type { CacheStore } from '../backends/cache-store.ts';
import { toJsonable, toPlainJson } from '../py/json.ts';
import type { Site } from '../types.ts';
import { customExpiryAge, decodeStoredData, sessionExpiry } from '../attach/stored-data.ts';
import { BadRequestError, StoreUnavailableError, type Acceptance, type AcceptReason, type Fault, type InspectTarget, type SessionListing, type SessionView, type StoreChange } from './types.ts';

type Obj = { [k: string]: Json };
const CACHE_PREFIX: Record<string, string> = { cache: 'django.contrib.sessions.cache', cached_db: 'django.contrib.sessions.cached_db' };
const isoSeconds = (iso: unknown): number | null => (typeof iso === 'string' && !Number.isNaN(Date.parse(iso)) ? Date.parse(iso) / 1000 : null);

function cacheRecord(c: Obj): Obj {
  return { cacheKey: c.backend_key, rawBase64: c.raw_b64, rawFormat: c.raw_format, ttlSeconds: c.ttl_seconds };
}
const dbRecord = (d: Obj): Obj => ({ session_key: d.session_key, session_data: d.session_data, expire_date: d.expire_date });

export class SiteTarget implements InspectTarget {
  /** fault injection changes what the store holds or when it expires without any session request */
  private readonly faultChanges = new EventEmitter();

  constructor(private readonly live: Site, private readonly cache?: CacheStore) {}

  get site() {
    const { engine, host, url, django, settings } = this.live;
    return { engine, host, url, djangoVersion: django, cookieName: settings.SESSION_COOKIE_NAME, readOnly: false };
  }

  private now(): number { return this.live.clock.now(); }

  async inspect(key: string): Promise<SessionView> {
    let status: number, body: Parameters<typeof toJsonable>[0];
    try {
      ({ status, body } = await this.live.inspect(key));
    } catch (err) {
      throw new StoreUnavailableError(`${this.live.engine} store unavailable: ${(err as Error).message}`);
    }
    const b = toPlainJson(toJsonable(body)) as Obj;
    const base = { engine: this.live.engine, key, location: this.live.store.location };
    const missing: SessionView = { ...base, found: false, record: null, decoded: null, expiresAt: null, expired: null };
    if (status !== 200) return this.live.engine === 'signed_cookies' ? { ...missing, location: 'cookie', error: String(b.error ?? 'BadSignature') } : missing;
    switch (this.live.engine) {
      case 'db': return this.fromDb(base, b.db as Obj);
      case 'cache': return this.fromCache(base, b.cache as Obj);
      case 'cached_db': return this.fromCachedDb(base, b);
      case 'file': return this.fromFile(base, b.file as Obj);
      case 'signed_cookies': return this.fromSigned(base, b);
    }
  }

  private async fromDb(base: Pick<SessionView, 'engine' | 'key' | 'location'>, d: Obj): Promise<SessionView> {
    const { error } = await decodeStoredData(String(d.session_data), { secretKeys: [this.live.settings.SECRET_KEY], cookieName: '', cookieAge: 0 });
    const view: SessionView = { ...base, found: true, record: dbRecord(d), decoded: d.decoded, expiresAt: isoSeconds(d.expire_date), expired: d.expired === true };
    return error ? { ...view, error } : view;
  }

  private fromCache(base: Pick<SessionView, 'engine' | 'key' | 'location'>, c: Obj): SessionView {
    const ttl = typeof c.ttl_seconds === 'number' ? c.ttl_seconds : null;
    return { ...base, location: String(c.backend_key), found: true, record: cacheRecord(c), decoded: c.decoded, expired: false, expiresAt: ttl === null ? null : Math.floor(this.now() + ttl) };
  }

  private async fromCachedDb(base: Pick<SessionView, 'engine' | 'key' | 'location'>, b: Obj): Promise<SessionView> {
    const db = b.db ? await this.fromDb(base, b.db as Obj) : null;
    const cache = b.cache ? this.fromCache(base, b.cache as Obj) : null;
    const main = (cache ?? db)!; // a cache hit is used as is, without the row's expiry (Django trusts it)
    return { ...main, record: { db: db?.record ?? null, cache: cache?.record ?? null }, expiresAt: db?.expiresAt ?? cache?.expiresAt ?? null, location: cache?.location ?? this.live.store.location, ...(db?.error && !cache ? { error: db.error } : {}) };
  }

  private async fromFile(base: Pick<SessionView, 'engine' | 'key' | 'location'>, f: Obj): Promise<SessionView> {
    const mtime = isoSeconds(f.mtime) ?? 0;
    const now = this.now();
    const expiry = sessionExpiry(f.decoded);
    const custom = customExpiryAge(expiry, now);
    const age = custom ?? mtime + this.live.settings.SESSION_COOKIE_AGE - now;
    const path = join(this.live.settings.SESSION_FILE_PATH ?? this.live.store.location, String(f.file_prefix) + String(f.file_key));
    const { error } = await decodeStoredData(String(f.raw), { secretKeys: [this.live.settings.SECRET_KEY], cookieName: '', cookieAge: 0 });
    const view: SessionView = { ...base, location: path, found: true, decoded: f.decoded, record: { path, raw: f.raw, mtime, mode: f.mode },
      expiresAt: typeof expiry === 'number' && custom !== null ? null : Math.floor(now + age), expired: age <= 0 };
    return error ? { ...view, error } : view;
  }

  private fromSigned(base: Pick<SessionView, 'engine' | 'key' | 'location'>, b: Obj): SessionView {
    const parts = base.key.split(':');
    const signedAt = parts.length >= 3 ? b62Decode(parts[parts.length - 2]) : null;
    const expiresAt = signedAt === null ? null : signedAt + this.live.settings.SESSION_COOKIE_AGE;
    return { ...base, location: 'cookie', found: true, record: { value: base.key }, decoded: b.decoded, expiresAt, expired: false };
  }

  async list(limit: number): Promise<SessionListing> {
    if (this.live.engine === 'signed_cookies') return { engine: 'signed_cookies', count: 0, truncated: false, sessions: [], serverSide: false };
    const keys = await this.store(() => this.live.listKeys());
    const views = await Promise.all(keys.slice(0, limit).map((k) => this.inspect(k)));
    const sessions = views.filter((v) => v.found).map(({ key, expiresAt, expired, location }) => ({ key, expiresAt, expired, location }))
      .sort((a, b) => (b.expiresAt ?? Infinity) - (a.expiresAt ?? Infinity));
    return { engine: this.live.engine, count: sessions.length, truncated: keys.length > limit, sessions };
  }

  async accepted(key: string): Promise<Acceptance> {
    const reply = (accepted: boolean, reason: AcceptReason): Acceptance => ({ engine: this.live.engine, key, accepted, reason });
    if (key.length < 8) return reply(false, 'invalid key');
    const view = await this.inspect(key);
    if (this.live.engine === 'signed_cookies') {
      if (view.found) return reply(true, 'signature valid and not expired');
      return reply(false, view.error === 'SignatureExpired' ? 'signature expired' : 'bad signature');
    }
    if (this.live.engine === 'file' && !/^[a-z0-9]+$/.test(key)) return reply(false, 'invalid key');
    if (!view.found) return reply(false, 'no stored session with this key');
    return view.expired ? reply(false, 'stored session has expired') : reply(true, 'stored session is live');
  }

  async clearSessions(): Promise<{ removed: number | null }> {
    const counted = this.live.engine === 'db' || this.live.engine === 'cached_db' || this.live.engine === 'file';
    return this.store(async () => {
      const before = counted ? (await this.live.listKeys()).length : 0;
      await this.live.clearExpired();
      return { removed: counted ? before - (await this.live.listKeys()).length : null };
    });
  }

  /** A store that cannot be reached (Redis down) is a 503 naming the engine, as for a lookup, not a bare 500. */
  private async store<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      throw new StoreUnavailableError(`${this.live.engine} store unavailable: ${(err as Error).message}`);
    }
  }

  async fault(fault: Fault): Promise<{ [key: string]: Json }> {
    if (fault.action === 'shift-clock') {
      this.live.clock.shift(fault.seconds);
      this.announce('clock-shifted', null);
      return { clockOffset: this.live.clock.offset() };
    }
    const prefix = CACHE_PREFIX[this.live.engine];
    if (!prefix || !this.cache) throw new BadRequestError(`engine ${this.live.engine} has no cache`);
    const cache = this.cache;
    await this.store(async () => { if (fault.action === 'restart-cache') await cache.clear(); else await cache.delete(prefix + fault.key); });
    this.announce('evicted', fault.action === 'evict' ? fault.key : null);
    return { clockOffset: this.live.clock.offset() };
  }

  subscribe(listener: (change: StoreChange) => void): () => void {
    // `key` is always the session the change is about: the engine reports a flush as (null, previous key)
    const forward = (e: StoreChange): void => listener(e.type === 'flushed' && e.key === null && e.previousKey ? { ...e, key: e.previousKey } : { ...e });
    this.live.events.on('change', forward);
    this.faultChanges.on('change', listener);
    return () => { this.live.events.off('change', forward); this.faultChanges.off('change', listener); };
  }

  private announce(type: 'evicted' | 'clock-shifted', key: string | null): void {
    const change: StoreChange = { type, engine: this.live.engine, key, at: this.now() };
    this.faultChanges.emit('change', change);
  }
}
