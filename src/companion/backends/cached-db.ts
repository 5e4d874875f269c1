// django.contrib.sessions.backends.cached_db: write-through cache in front of db. A cache hit is trusted
// blindly (no expire_date check); saves go to the database first, then the cache.
import { DbSession } from './db.ts';
import { ServerError } from '../engine/errors.ts';
import { toNumber, type PyDict } from '../py/value.ts';
import type { CacheStore } from './cache-store.ts';

export const CACHED_DB_KEY_PREFIX = 'django.contrib.sessions.cached_db';

export class CachedDbSession extends DbSession {
  protected get store(): CacheStore { return this.ctx.cache!; }
  protected get cacheKey(): string { return CACHED_DB_KEY_PREFIX + (this.sessionKey ?? 'None'); }

  private async age(): Promise<number> {
    const age = toNumber(await this.getExpiryAge());
    if (age === null) throw new ServerError('TypeError: unsupported cache timeout');
    return age;
  }

  async load(): Promise<PyDict> {
    let data = null;
    try { data = await this.store.get(this.cacheKey); } catch { data = null; }
    if (data instanceof Map) return data;
    const row = await this.liveRow();
    if (!row) return new Map();
    const decoded = await this.decode(row.session_data);
    // the cache copy lives as long as the row: get_expiry_age(expiry=row.expire_date)
    const ttl = Math.floor((row.expire_date - this.nowMicros()) / 1e6);
    await this.store.set(this.cacheKey, this.snapshot(decoded), ttl);
    return decoded;
  }

  async exists(key: string): Promise<boolean> {
    return (!!key && (await this.store.has(CACHED_DB_KEY_PREFIX + key))) || super.exists(key);
  }

  async save(mustCreate = false): Promise<void> {
    await super.save(mustCreate);
    try {
      await this.store.set(this.cacheKey, this.snapshot(await this.session()), await this.age());
    } catch (e) {
      // Django >= 5.1 logs cache write errors and carries on from the database; 3.2/4.2 answer 500.
      if (this.ctx.django !== '5.2') throw e;
      this.ctx.warn('django.contrib.sessions', `Error saving to cache (${(e as Error).message})`);
    }
  }

  async delete(key: string | null = null): Promise<void> {
    await super.delete(key);
    const k = key ?? this.sessionKey;
    if (k === null) return;
    await this.store.delete(CACHED_DB_KEY_PREFIX + k);
  }
}
