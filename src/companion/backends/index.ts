// SessionStore(session_key) of the configured engine, and clear_expired per engine.
import type { EngineContext } from '../engine/context.ts';
import type { SessionBase } from '../engine/session-base.ts';
import { CacheSession } from './cache.ts';
import { CachedDbSession } from './cached-db.ts';
import { clearExpiredDb, DbSession } from './db.ts';
import { clearExpiredFiles, FileSession } from './file.ts';
import { SignedCookieSession } from './signed-cookies.ts';

export function openSession(ctx: EngineContext, key: string | null): SessionBase {
  switch (ctx.engine) {
    case 'db': return new DbSession(ctx, key);
    case 'cache': return new CacheSession(ctx, key);
    case 'cached_db': return new CachedDbSession(ctx, key);
    case 'file': return new FileSession(ctx, key);
    case 'signed_cookies': return new SignedCookieSession(ctx, key);
  }
}

/** SessionStore.clear_expired(): db/cached_db delete expired rows, file deletes expired files, caches do nothing. */
export async function clearExpired(ctx: EngineContext): Promise<void> {
  if (ctx.engine === 'db' || ctx.engine === 'cached_db') await clearExpiredDb(ctx);
  else if (ctx.engine === 'file') await clearExpiredFiles(ctx);
}
