// One companion site: a session engine with its storage, settings, clock, change feed, mounted routes and
// the playground — what a Django project with one SESSION_ENGINE is.
import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ChangeEvent, CompanionRequest, CompanionResponse, DjangoVersion, RouteHandler, Site, SiteOptions } from './types.ts';
import { HANDLED } from './types.ts';
import { createClock } from './engine/clock.ts';
import type { EngineContext } from './engine/context.ts';
import { clearExpired, openSession } from './backends/index.ts';
import { createLocMemCache } from './backends/locmem.ts';
import { createRedisCache } from './backends/redis-cache.ts';
import { openSqliteStore } from './backends/sql-sqlite.ts';
import { openPostgresStore } from './backends/sql-postgres.ts';
import { CACHE_KEY_PREFIX } from './backends/cache.ts';
import { runWithSession } from './http/middleware.ts';
import { dispatchPlayground } from './playground/routes.ts';
import { inspectStore } from './playground/store-info.ts';
import { defaultSettings } from './settings.ts';

export interface SiteRuntime extends Site {
  handle(req: CompanionRequest): Promise<CompanionResponse | typeof HANDLED>;
  close(): Promise<void>;
}

export interface SiteEnv {
  dataDir: string;
  url: string;
  log(msg: string): void;
  /** aggregate feed of the whole server */
  forward(e: ChangeEvent): void;
  /** whether the aggregate feed has listeners (absent: assume it has) */
  forwarding?(): boolean;
}

async function openStorage(opts: SiteOptions, ctx: EngineContext, env: SiteEnv): Promise<void> {
  const { engine } = opts;
  if (engine === 'db' || engine === 'cached_db') {
    const db = opts.database ?? join(env.dataDir, 'db.sqlite3');
    ctx.sql = /^postgres(ql)?:\/\//.test(db) ? await openPostgresStore(db) : openSqliteStore(db);
  }
  if (engine === 'cache' || engine === 'cached_db') {
    try {
      ctx.cache = opts.redis ? await createRedisCache(opts.redis) : createLocMemCache(ctx.clock);
    } catch (e) {
      await ctx.sql?.close();
      throw e;
    }
  }
  if (engine === 'file') {
    // Like the reference app, sessions go to <data dir>/session_files unless SESSION_FILE_PATH says otherwise.
    const configured = ctx.settings.SESSION_FILE_PATH;
    ctx.fileDir = configured || join(env.dataDir, 'session_files');
    if (!configured) mkdirSync(ctx.fileDir, { recursive: true });
    else if (!existsSync(configured)) throw new Error(`ImproperlyConfigured: SESSION_FILE_PATH ${configured} does not exist`);
  }
}

export async function createSite(opts: SiteOptions, env: SiteEnv): Promise<SiteRuntime> {
  const settings = { ...defaultSettings(opts.engine), ...opts.settings, SESSION_ENGINE: opts.engine };
  const django: DjangoVersion = opts.django ?? '3.2';
  const emitter = new EventEmitter();
  const clock = createClock();
  const ctx: EngineContext = {
    engine: opts.engine, settings, django, clock,
    emit: (type, key, previousKey) => {
      // most requests change a session and usually nobody listens: skip building the event then
      if (emitter.listenerCount('change') === 0 && env.forwarding?.() === false) return;
      const e: ChangeEvent = { type, engine: opts.engine, key, ...(previousKey !== undefined ? { previousKey } : {}), at: clock.now() };
      emitter.emit('change', e);
      env.forward(e);
    },
    warn: (logger, message) => env.log(`${logger}: ${message}`),
  };
  await openStorage(opts, ctx, env);
  const mounts: [string, RouteHandler][] = [];
  const mw = { settings, django, now: () => clock.now(), open: (k: string | null) => openSession(ctx, k), log: env.log };

  const site: SiteRuntime = {
    engine: opts.engine, host: opts.host ?? '127.0.0.1', url: env.url, django, settings, clock, events: emitter,
    store: {
      kind: opts.engine,
      location: [ctx.sql?.location, ctx.cache?.location, ctx.fileDir].filter(Boolean).join(' + ') || 'the cookie itself',
      ...(ctx.cache ? { cacheBackend: ctx.cache.backendName } : {}),
    },
    ...(ctx.cache ? { cache: ctx.cache } : {}),
    mount(prefix, handler) {
      mounts.push([prefix, handler]);
      mounts.sort((a, b) => b[0].length - a[0].length);
    },
    openSession: (key) => openSession(ctx, key),
    withSession: (req, handler) => runWithSession(mw, req, handler),
    inspect: (key) => inspectStore(ctx, key),
    clearExpired: () => clearExpired(ctx),
    listKeys: () => listKeys(ctx),
    async handle(req) {
      for (const [prefix, handler] of mounts) {
        if (!req.path.startsWith(prefix)) continue;
        const out = await handler(req);
        if (out) return out;
      }
      return runWithSession(mw, req, (r) => dispatchPlayground(r, ctx));
    },
    async close() {
      await ctx.sql?.close();
      await ctx.cache?.close();
    },
  };
  return site;
}

async function listKeys(ctx: EngineContext): Promise<string[]> {
  if (ctx.sql) return ctx.sql.keys();
  if (ctx.engine === 'cache') return ctx.cache!.keys(CACHE_KEY_PREFIX).then((ks) => ks.map((k) => k.slice(CACHE_KEY_PREFIX.length)));
  if (ctx.engine === 'file') {
    const prefix = ctx.settings.SESSION_COOKIE_NAME;
    return readdirSync(ctx.fileDir!).filter((n) => n.startsWith(prefix) && !n.includes('_out_')).map((n) => n.slice(prefix.length));
  }
  return [];
}
