// django.core.cache.backends.locmem.LocMemCache: pickled values, per-key expiry, LRU order and culling a
// third of the entries once MAX_ENTRIES (300) is reached — sessions silently disappear under load, as in Django.
import type { Clock } from '../types.ts';
import { pickleDumps, pickleLoads } from '../py/pickle.ts';
import type { PyValue } from '../py/value.ts';
import { makeDjangoCacheKey, type CacheStore } from './cache-store.ts';

export interface LocMemOptions { maxEntries?: number; cullFrequency?: number }

export function createLocMemCache(clock: Clock, opts: LocMemOptions = {}): CacheStore {
  const maxEntries = opts.maxEntries ?? 300;
  const cullFrequency = opts.cullFrequency ?? 3;
  // Map order = recency: the most recently used key is last.
  const data = new Map<string, Uint8Array>();
  const expires = new Map<string, number | null>();

  const hasExpired = (k: string): boolean => {
    const exp = expires.has(k) ? expires.get(k)! : -1;
    return exp !== null && exp <= clock.now();
  };
  const drop = (k: string): boolean => { expires.delete(k); return data.delete(k); };
  const touch = (k: string): void => { const v = data.get(k)!; data.delete(k); data.set(k, v); };
  const backendTimeout = (t: number | null): number | null => (t === null ? null : clock.now() + (t === 0 ? -1 : t));
  const cull = (): void => {
    if (cullFrequency === 0) { data.clear(); expires.clear(); return; }
    const victims = [...data.keys()].slice(0, Math.floor(data.size / cullFrequency));
    victims.forEach(drop);
  };
  const store = (k: string, v: PyValue, t: number | null): void => {
    const pickled = pickleDumps(v);
    if (data.size >= maxEntries) cull();
    data.delete(k);
    data.set(k, pickled);
    expires.set(k, backendTimeout(t));
  };
  const key = (k: string): string => makeDjangoCacheKey(k);

  return {
    backendName: 'sessionscope emulation of django.core.cache.backends.locmem.LocMemCache',
    location: 'in-process (LocMemCache)',
    makeKey: key,
    get: async (k) => {
      const pk = key(k);
      if (hasExpired(pk)) { drop(pk); return null; }
      touch(pk);
      return pickleLoads(data.get(pk)!);
    },
    add: async (k, v, t) => {
      const pk = key(k);
      if (!hasExpired(pk)) return false;
      store(pk, v, t);
      return true;
    },
    set: async (k, v, t) => { store(key(k), v, t); },
    delete: async (k) => drop(key(k)),
    has: async (k) => {
      const pk = key(k);
      if (hasExpired(pk)) { drop(pk); return false; }
      return true;
    },
    raw: async (pk) => {
      if (!data.has(pk) || hasExpired(pk)) return null;
      const exp = expires.get(pk) ?? null;
      return { raw: data.get(pk)!, ttl: exp === null ? null : exp - clock.now() };
    },
    keys: async (prefix) => [...data.keys()].filter((pk) => !hasExpired(pk))
      .map((pk) => pk.slice(3)).filter((k) => k.startsWith(prefix)),
    clear: async () => { data.clear(); expires.clear(); },
    close: async () => {},
  };
}
