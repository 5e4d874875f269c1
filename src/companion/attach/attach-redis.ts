// Read-only view of a Django project's Redis cache (Django >= 4.0 RedisCache layout, §6.2/6.3):
// `<KEY_PREFIX>:<VERSION>:django.contrib.sessions.cache<key>` (and `…cached_db<key>`), value = pickled dict.
import { createClient, RESP_TYPES } from 'redis';
import type { Json } from '../../core/protocol/index.ts';
import { base64Encode } from '../../core/util/bytes.ts';
import { StoreUnavailableError, type Acceptance, type InspectTarget, type SessionListing, type SessionView, type SiteInfo } from '../inspect/types.ts';
import { readPickle } from '../../core/python/pickle-json.ts';
import { redact } from './row-sources.ts';
import { nowSeconds, type AttachOptions } from './stored-data.ts';

const PREFIXES = ['django.contrib.sessions.cache', 'django.contrib.sessions.cached_db'];
const TIMEOUT_MS = 2000;

export interface RedisAttachOptions extends AttachOptions { keyPrefix?: string; version?: number }

function openClient(url: string) {
  const client = createClient({
    url, disableOfflineQueue: true,
    socket: { connectTimeout: TIMEOUT_MS, reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2000) },
  }).withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });
  client.on('error', () => { /* surfaced per command as StoreUnavailableError; reconnects in the background */ });
  return client;
}

/** Decode a stored cache value: Django's Redis backend keeps plain ints as text and pickles everything else. */
export function decodeCacheValue(raw: Uint8Array): { decoded: Json; rawFormat: 'pickle' | 'int'; error?: string } {
  if (raw[0] !== 0x80) {
    const text = new TextDecoder().decode(raw);
    if (/^-?\d+$/.test(text)) return { decoded: Number(text), rawFormat: 'int' };
  }
  try {
    return { decoded: readPickle(raw), rawFormat: 'pickle' };
  } catch (err) {
    return { decoded: {}, rawFormat: 'pickle', error: (err as Error).message };
  }
}

export class AttachedRedis implements InspectTarget {
  private constructor(readonly site: SiteInfo, private readonly client: ReturnType<typeof openClient>,
    private readonly url: string, private readonly opts: RedisAttachOptions) {}

  static async open(site: SiteInfo, url: string, opts: RedisAttachOptions): Promise<AttachedRedis> {
    const store = new AttachedRedis(site, openClient(url), url, opts);
    await store.run(() => store.client.connect());
    return store;
  }

  private physical(logical: string): string { return `${this.opts.keyPrefix ?? ''}:${this.opts.version ?? 1}:${logical}`; }

  /** Every Redis call is bounded: a down Redis answers with a clear error, never a hang. */
  private async run<T>(op: () => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
    });
    try {
      return await Promise.race([op(), timeout]);
    } catch (err) {
      throw new StoreUnavailableError(`Redis ${redact(this.url)} unavailable: ${(err as Error).message}`);
    } finally {
      clearTimeout(timer);
    }
  }

  async inspect(key: string): Promise<SessionView> {
    for (const prefix of PREFIXES) {
      const cacheKey = this.physical(prefix + key);
      const [raw, pttl] = await this.run(() => Promise.all([this.client.get(cacheKey), this.client.pTTL(cacheKey)]));
      if (raw === null) continue;
      const { decoded, rawFormat, error } = decodeCacheValue(raw);
      const ttlSeconds = pttl >= 0 ? pttl / 1000 : null;
      const view: SessionView = {
        engine: this.site.engine, found: true, key, decoded, location: cacheKey, expired: false,
        record: { cacheKey, rawBase64: base64Encode(raw), rawFormat, ttlSeconds },
        expiresAt: ttlSeconds === null ? null : Math.floor(nowSeconds(this.opts) + ttlSeconds),
      };
      return error ? { ...view, error } : view;
    }
    return { engine: this.site.engine, found: false, key, record: null, decoded: null, expiresAt: null, expired: null, location: this.physical(PREFIXES[0] + key) };
  }

  async list(limit: number): Promise<SessionListing> {
    const keys: string[] = [];
    for (const prefix of PREFIXES) {
      const pattern = this.physical(prefix).replace(/[*?[\]\\]/g, '\\$&') + '*';
      await this.run(async () => {
        for await (const batch of this.client.scanIterator({ MATCH: pattern, COUNT: 200 })) {
          for (const k of batch) keys.push(k.toString());
          if (keys.length > limit) break;
        }
      });
    }
    const now = nowSeconds(this.opts);
    const shown = keys.slice(0, limit);
    const ttls = await this.run(() => Promise.all(shown.map((k) => this.client.pTTL(k))));
    const sessions = shown.map((location, i) => ({
      key: location.replace(/^.*django\.contrib\.sessions\.(cached_db|cache)/, ''), location, expired: false,
      expiresAt: ttls[i] >= 0 ? Math.floor(now + ttls[i] / 1000) : null,
    }));
    return { engine: this.site.engine, count: sessions.length, truncated: keys.length > limit, sessions };
  }

  async accepted(key: string): Promise<Acceptance> {
    const view = await this.inspect(key);
    return { engine: this.site.engine, key, accepted: view.found, reason: view.found ? 'stored session is live' : 'no stored session with this key' };
  }

  async close(): Promise<void> {
    this.client.destroy();
  }
}
