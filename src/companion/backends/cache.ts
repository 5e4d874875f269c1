// django.contrib.sessions.backends.cache: the session dict itself lives in the cache (pickled there), under
// "django.contrib.sessions.cache<key>"; the cache TTL is the only expiry.
import { SessionBase } from '../engine/session-base.ts';
import { CreateError, ServerError, UpdateError } from '../engine/errors.ts';
import type { EngineContext } from '../engine/context.ts';
import { toNumber, type PyDict } from '../py/value.ts';
import type { CacheStore } from './cache-store.ts';

export const CACHE_KEY_PREFIX = 'django.contrib.sessions.cache';

export class CacheSession extends SessionBase {
  protected prefix = CACHE_KEY_PREFIX;

  protected get store(): CacheStore { return this.ctx.cache!; }
  protected get cacheKey(): string { return this.prefix + (this.sessionKey ?? 'None'); }

  /** cache timeout from get_expiry_age() (a TypeError for non-numbers, as Python's arithmetic would raise) */
  protected async timeout(): Promise<number> {
    const age = toNumber(await this.getExpiryAge());
    if (age === null) throw new ServerError('TypeError: unsupported cache timeout');
    return age;
  }

  async load(): Promise<PyDict> {
    let data = null;
    try { data = await this.store.get(this.cacheKey); } catch { data = null; }
    if (data instanceof Map) return data;
    this.setKey(null);
    return new Map();
  }

  async exists(key: string): Promise<boolean> { return !!key && this.store.has(this.prefix + key); }

  async create(): Promise<void> {
    // Django's cache backend gives up after 10000 collisions: the cache is most likely down
    if (await this.createWithFreshKey(10000)) return;
    throw new ServerError('RuntimeError: Unable to create a new session key. It is likely that the cache is unavailable.');
  }


  async save(mustCreate = false): Promise<void> {
    if (this.sessionKey === null) return this.create();
    if (mustCreate) {
      const ok = await this.store.add(this.cacheKey, this.snapshot(await this.session(true)), await this.timeout());
      if (!ok) throw new CreateError();
      return;
    }
    // Django tests `cache.get(key) is not None`; a session is never a stored None, so `has` answers the same
    // without unpickling the old copy (LRU order is unaffected: the set below moves the key to the end anyway)
    if (!(await this.store.has(this.cacheKey))) throw new UpdateError();
    await this.store.set(this.cacheKey, this.snapshot(await this.session()), await this.timeout());
    this.ctx.emit('modified', this.sessionKey);
  }

  async delete(key: string | null = null): Promise<void> {
    const k = key ?? this.sessionKey;
    if (k === null) return;
    if (await this.store.delete(this.prefix + k)) this.ctx.emit('deleted', k);
  }
}
