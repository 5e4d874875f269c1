// GET /store/<key>: what the backend holds for a key, read-only, in the reference app's exact shape.
import { base64Encode } from '../../core/util/bytes.ts';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { EngineContext } from '../engine/context.ts';
import { VALID_KEY_CHARS } from '../engine/session-base.ts';
import { loadsSigned, SIGNED_COOKIES_SALT } from '../engine/codec.ts';
import { openSession } from '../backends/index.ts';
import { CACHE_KEY_PREFIX } from '../backends/cache.ts';
import { CACHED_DB_KEY_PREFIX } from '../backends/cached-db.ts';
import { isoformat } from '../py/datetime.ts';
import { pickleLoads } from '../py/pickle.ts';
import { PyDateTime, PyFloat, type PyDict, type PyValue } from '../py/value.ts';
import type { StoreInspection } from '../types.ts';

const obj = (entries: [string, PyValue][]): PyDict => new Map(entries);

export async function dbInfo(ctx: EngineContext, key: string): Promise<PyDict | null> {
  const row = await ctx.sql!.get(key);
  if (!row) return null;
  return obj([
    ['table', 'django_session'], ['session_key', row.session_key], ['session_data', row.session_data],
    ['expire_date', isoformat(new PyDateTime(row.expire_date, 'utc'))],
    ['expired', row.expire_date <= ctx.clock.now() * 1e6],
    ['decoded', await openSession(ctx, null).decode(row.session_data)],
  ]);
}

export async function cacheInfo(ctx: EngineContext, key: string): Promise<PyDict | null> {
  const prefix = ctx.engine === 'cached_db' ? CACHED_DB_KEY_PREFIX : CACHE_KEY_PREFIX;
  const cache = ctx.cache!;
  const physical = cache.makeKey(prefix + key);
  const got = await cache.raw(physical);
  if (!got) return null;
  // true latin-1 like Python (TextDecoder('latin1') is windows-1252)
  const text = Buffer.from(got.raw).toString('latin1');
  return obj([
    ['cache_alias', ctx.settings.SESSION_CACHE_ALIAS], ['cache_backend', cache.backendName],
    ['cache_key', prefix + key], ['backend_key', physical],
    ['raw_b64', base64Encode(got.raw)], ['raw_format', got.raw[0] !== 0x80 ? 'int' : 'pickle'],
    ['ttl_seconds', got.ttl === null ? null : new PyFloat(Math.round(got.ttl * 1000) / 1000)],
    ['decoded', got.raw[0] !== 0x80 && /^-?\d+$/.test(text) ? Number(text) : pickleLoads(got.raw)],
  ]);
}

export async function fileInfo(ctx: EngineContext, key: string): Promise<PyDict | null> {
  if (!key || ![...key].every((c) => VALID_KEY_CHARS.includes(c))) return null;
  const prefix = ctx.settings.SESSION_COOKIE_NAME;
  const path = join(ctx.fileDir!, prefix + key);
  let raw: string, mode: number, mtimeMs: number;
  try {
    const st = statSync(path);
    raw = readFileSync(path, 'latin1');
    mode = st.mode & 0o777; mtimeMs = st.mtimeMs;
  } catch {
    return null;
  }
  return obj([
    ['directory', '<SESSION_FILE_PATH>'], ['file_prefix', prefix], ['file_key', key],
    ['mode', '0o' + mode.toString(8)], ['mtime', isoformat(new PyDateTime(Math.round(mtimeMs * 1000), 'utc'))],
    ['raw', raw], ['decoded', raw ? await openSession(ctx, null).decode(raw) : new Map()],
  ]);
}

/** The /store logic for every engine: status 404 when nothing is stored. */
export async function inspectStore(ctx: EngineContext, key: string): Promise<StoreInspection> {
  const engine = ctx.engine;
  const found = (body: PyDict, ok: boolean): StoreInspection => ({ status: ok ? 200 : 404, body });
  if (engine === 'db') { const db = await dbInfo(ctx, key); return found(obj([['engine', engine], ['db', db]]), !!db); }
  if (engine === 'cache') { const c = await cacheInfo(ctx, key); return found(obj([['engine', engine], ['cache', c]]), !!c); }
  if (engine === 'cached_db') {
    const db = await dbInfo(ctx, key);
    const c = await cacheInfo(ctx, key);
    return found(obj([['engine', engine], ['db', db], ['cache', c]]), !!(db || c));
  }
  if (engine === 'file') { const f = await fileInfo(ctx, key); return found(obj([['engine', engine], ['file', f]]), !!f); }
  const out = await loadsSigned(ctx, key, SIGNED_COOKIES_SALT, ctx.settings.SESSION_COOKIE_AGE);
  if (!out.ok) return found(obj([['engine', engine], ['server_side', false], ['error', out.error]]), false);
  return found(obj([['engine', engine], ['server_side', false], ['decoded', out.value]]), true);
}
