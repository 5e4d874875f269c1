// URL table of the playground (the reference app's urlpatterns), including the views that need the site:
// login/logout, interrupt, /store, /store/<key>/corrupt, /clearsessions, /config.
import { utimesSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CompanionRequest, CompanionResponse } from '../types.ts';
import type { EngineContext } from '../engine/context.ts';
import { ServerError } from '../engine/errors.ts';
import { clearExpired, openSession } from '../backends/index.ts';
import { CACHED_DB_KEY_PREFIX } from '../backends/cached-db.ts';
import { countSessionFiles } from '../backends/file.ts';
import { forgetFile } from '../backends/file-cache.ts';
import { errorPage, jsonResponse } from '../http/response.ts';
import { isDict, toNumber, type PyDict, type PyValue } from '../py/value.ts';
import { loginUser, logoutUser } from './auth.ts';
import { fileInfo, inspectStore } from './store-info.ts';
import * as v from './views.ts';

export const CORRUPT_DATA = 'this-is-not-valid-session-data';
type View = (req: CompanionRequest, ctx: EngineContext) => Promise<CompanionResponse>;
const obj = (entries: [string, PyValue][]): PyDict => new Map(entries);

async function viewLogin(req: CompanionRequest, ctx: EngineContext): Promise<CompanionResponse> {
  const body = v.readJson(req);
  if (!isDict(body)) throw new ServerError("AttributeError: the body has no 'get'");
  const raw = body.has('user_id') ? body.get('user_id')! : 1;
  const uid = typeof raw === 'string' ? v.pythonInt(raw) : toNumber(raw);
  if (uid === null || !Number.isFinite(uid)) throw new ServerError(`ValueError: int() of ${String(raw)}`);
  const s = req.session!;
  const before = s.sessionKey;
  await loginUser(s, ctx.settings.SECRET_KEY, Math.trunc(uid));
  const out = await v.shortState(s);
  out.set('previous_session_key', before);
  return jsonResponse(out, v.wantStatus(req));
}

async function viewLogout(req: CompanionRequest): Promise<CompanionResponse> {
  await logoutUser(req.session!);
  return jsonResponse(await v.shortState(req.session!), v.wantStatus(req));
}

/** Modify, then delete the stored copy through a second store object (a concurrent logout) before the save. */
async function viewInterrupt(req: CompanionRequest, ctx: EngineContext): Promise<CompanionResponse> {
  const s = req.session!;
  await s.setItem('interrupted', true);
  const key = s.sessionKey;
  if (key) await openSession(ctx, null).delete(key);
  const out = await v.shortState(s);
  out.set('deleted_concurrently', key);
  return jsonResponse(out, v.wantStatus(req));
}

async function viewCorrupt(key: string, ctx: EngineContext): Promise<CompanionResponse> {
  if (ctx.engine === 'db' || ctx.engine === 'cached_db') {
    const n = await ctx.sql!.setData(key, CORRUPT_DATA);
    if (ctx.engine === 'cached_db') await ctx.cache!.delete(CACHED_DB_KEY_PREFIX + key);
    return jsonResponse(obj([['corrupted', n > 0]]), n ? 200 : 404);
  }
  if (ctx.engine === 'file') {
    if (!(await fileInfo(ctx, key))) return jsonResponse(obj([['corrupted', false]]), 404);
    const path = join(ctx.fileDir!, ctx.settings.SESSION_COOKIE_NAME + key);
    const st = statSync(path);
    writeFileSync(path, CORRUPT_DATA, 'latin1');
    utimesSync(path, st.atime, st.mtime); // keep the expiry clock
    forgetFile(path); // changed in place: ctime moves too, but maybe within the clock tick of the last save
    return jsonResponse(obj([['corrupted', true]]));
  }
  return jsonResponse(obj([['error', `not applicable to engine ${ctx.engine}`]]), 501);
}

async function countStored(ctx: EngineContext): Promise<number | null> {
  if (ctx.engine === 'db' || ctx.engine === 'cached_db') return ctx.sql!.count();
  if (ctx.engine === 'file') return countSessionFiles(ctx);
  return null;
}

async function viewClearsessions(_req: CompanionRequest, ctx: EngineContext): Promise<CompanionResponse> {
  const before = await countStored(ctx);
  await clearExpired(ctx);
  return jsonResponse(obj([['ok', true], ['error', null], ['stored_before', before], ['stored_after', await countStored(ctx)]]));
}

async function viewConfig(_req: CompanionRequest, ctx: EngineContext): Promise<CompanionResponse> {
  const s = ctx.settings;
  return jsonResponse(obj([
    ['django_version', ctx.django], ['engine', `django.contrib.sessions.backends.${ctx.engine}`],
    ['serializer', `django.contrib.sessions.serializers.${s.SESSION_SERIALIZER === 'json' ? 'JSONSerializer' : 'PickleSerializer'}`],
    ['cache', ctx.cache?.backendName ?? 'sessionscope emulation of django.core.cache.backends.locmem.LocMemCache'],
    ...(['SESSION_COOKIE_NAME', 'SESSION_COOKIE_AGE', 'SESSION_COOKIE_DOMAIN', 'SESSION_COOKIE_PATH', 'SESSION_COOKIE_SECURE',
      'SESSION_COOKIE_HTTPONLY', 'SESSION_COOKIE_SAMESITE', 'SESSION_SAVE_EVERY_REQUEST', 'SESSION_EXPIRE_AT_BROWSER_CLOSE',
      'SESSION_CACHE_ALIAS'] as const).map((k): [string, PyValue] => [k, s[k]]),
  ]));
}

const ROUTES: [string, string, View][] = [
  ['/noop', 'GET', async (req) => jsonResponse(obj([['ok', true]]), v.wantStatus(req))],
  ['/config', 'GET', viewConfig],
  ['/session', 'GET', v.viewSession],
  ['/session/get', 'GET', v.viewGet],
  ['/session/set', 'POST', v.viewSet],
  ['/session/update', 'POST', v.viewUpdate],
  ['/session/setdefault', 'POST', v.viewSetdefault],
  ['/session/delete', 'POST', v.viewDelete],
  ['/session/pop', 'POST', v.viewPop],
  ['/session/clear', 'POST', v.viewClear],
  ['/session/flush', 'POST', v.viewFlush],
  ['/session/cycle_key', 'POST', v.viewCycleKey],
  ['/session/set_expiry', 'POST', v.viewSetExpiry],
  ['/session/interrupt', 'POST', viewInterrupt],
  ['/login', 'POST', viewLogin],
  ['/logout', 'POST', viewLogout],
  ['/clearsessions', 'POST', viewClearsessions],
];

const methodNotAllowed = (allowed: string): CompanionResponse =>
  jsonResponse(obj([['error', 'method not allowed'], ['allowed', allowed]]), 405);

function decodePath(path: string): string {
  try { return decodeURIComponent(path); } catch { return path; }
}

/** Resolves a playground URL; unknown paths get Django's 404 page. Runs inside the session middleware. */
export async function dispatchPlayground(req: CompanionRequest, ctx: EngineContext): Promise<CompanionResponse> {
  const path = decodePath(req.path);
  for (const [p, method, view] of ROUTES) {
    if (p !== path) continue;
    return req.method === method ? view(req, ctx) : methodNotAllowed(method);
  }
  const corrupt = /^\/store\/([^/]*)\/corrupt$/.exec(path);
  if (corrupt) return req.method === 'POST' ? viewCorrupt(corrupt[1], ctx) : methodNotAllowed('POST');
  const store = /^\/store\/([^/]*)$/.exec(path);
  if (store) {
    if (req.method !== 'GET') return methodNotAllowed('GET');
    const { status, body } = await inspectStore(ctx, store[1]);
    return jsonResponse(body, status);
  }
  return errorPage(404);
}
