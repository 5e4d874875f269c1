// Django >= 4.0's RedisCache storage format through node-redis: key ":1:<key>", value = pickle (protocol 5)
// except plain ints (decimal text), SET EX for timeouts (max(0, int(t)); 0 deletes), SET NX for add.
import { createClient, RESP_TYPES } from 'redis';
import { pickleDumps, pickleLoads } from '../py/pickle.ts';
import type { PyValue } from '../py/value.ts';
import { makeDjangoCacheKey, type CacheStore } from './cache-store.ts';

const encode = (v: PyValue): Buffer =>
  typeof v === 'number' && Number.isInteger(v) ? Buffer.from(String(v)) : Buffer.from(pickleDumps(v));

function decode(b: Buffer): PyValue {
  const text = b.toString('latin1');
  return /^-?\d+$/.test(text) ? Number(text) : pickleLoads(new Uint8Array(b));
}

const redisTimeout = (t: number | null): number | null => (t === null ? null : Math.max(0, Math.trunc(t)));

export async function createRedisCache(url: string): Promise<CacheStore> {
  // Bounded timeouts and reconnect: with Redis down, requests fail fast with a clear error, then recover.
  // Before the first connection succeeds there is no retry, so a wrong --redis URL fails at start-up.
  let everConnected = false;
  const safe = url.replace(/\/\/[^@]*@/, '//');
  const client = createClient({
    url,
    socket: {
      connectTimeout: 2000,
      reconnectStrategy: (retries, cause) => (everConnected ? Math.min(100 * 2 ** retries, 2000) : new Error(`cannot connect to Redis at ${safe}: ${cause.message}`)),
    },
    disableOfflineQueue: true,
    commandOptions: { timeout: 3000 },
  }).withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });
  client.on('error', () => { /* reported per command; keep the process alive while Redis is away */ });
  await client.connect();
  everConnected = true;
  const cmd = async <T>(args: (string | Buffer)[]): Promise<T> => {
    try {
      return await client.sendCommand(args) as T;
    } catch (e) {
      throw new Error(`Redis cache unavailable (${url.replace(/\/\/[^@]*@/, '//')}): ${(e as Error).message}`);
    }
  };
  const key = (k: string): string => makeDjangoCacheKey(k);

  return {
    backendName: 'sessionscope emulation of django.core.cache.backends.redis.RedisCache',
    location: safe,
    makeKey: key,
    get: async (k) => {
      const v = await cmd<Buffer | null>(['GET', key(k)]);
      return v === null ? null : decode(v);
    },
    add: async (k, v, t) => {
      const timeout = redisTimeout(t);
      if (timeout === 0) {
        const ok = (await cmd<unknown>(['SET', key(k), encode(v), 'NX'])) !== null;
        if (ok) await cmd(['DEL', key(k)]);
        return ok;
      }
      const args = ['SET', key(k), encode(v)] as (string | Buffer)[];
      if (timeout !== null) args.push('EX', String(timeout));
      args.push('NX');
      return (await cmd<unknown>(args)) !== null;
    },
    set: async (k, v, t) => {
      const timeout = redisTimeout(t);
      if (timeout === 0) await cmd(['DEL', key(k)]);
      else if (timeout === null) await cmd(['SET', key(k), encode(v)]);
      else await cmd(['SET', key(k), encode(v), 'EX', String(timeout)]);
    },
    delete: async (k) => (await cmd<number>(['DEL', key(k)])) > 0,
    has: async (k) => (await cmd<number>(['EXISTS', key(k)])) > 0,
    raw: async (pk) => {
      const v = await cmd<Buffer | null>(['GET', pk]);
      if (v === null) return null;
      const pttl = await cmd<number>(['PTTL', pk]);
      return { raw: new Uint8Array(v), ttl: pttl < 0 ? null : pttl / 1000 };
    },
    keys: async (prefix) => {
      const found: string[] = [];
      let cursor = '0';
      do {
        const [next, batch] = await cmd<[Buffer, Buffer[]]>(['SCAN', cursor, 'MATCH', `:1:${prefix.replace(/[*?[\]\\]/g, '\\$&')}*`, 'COUNT', '500']);
        cursor = next.toString();
        found.push(...batch.map((b) => b.toString().slice(3)));
      } while (cursor !== '0');
      return found;
    },
    clear: async () => { await cmd(['FLUSHDB']); },
    close: async () => { try { await client.close(); } catch { client.destroy(); } },
  };
}
