// `sessionscope companion`: all five Django session backends side by side (no arguments), or one backend with
// the reference app's flags (--engine ...), printing a ready line for scripts and tests.
import { parseArgs } from 'node:util';
import { attachDashValues } from './cli-args.ts';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { createCompanionServer } from '../companion/server.ts';
import { ENGINES, type CompanionServer, type DjangoVersion, type Engine, type SessionSettings, type SiteOptions } from '../companion/types.ts';
import { coerceSetting, parseEngine, settingsFromEnv, settingsFromFile, SettingsError } from '../companion/settings.ts';
import { isLoopbackAddress } from '../companion/security/loopback.ts';

export const USAGE = `usage: sessionscope companion [--engine db|cache|cached_db|file|signed_cookies] [--port N] [options]
       sessionscope companion clearsessions [--engine E] [--data-dir DIR]   (Django's manage.py clearsessions)

Without --engine: all five backends on one port, one host name each (db.localhost, cache.localhost,
cached-db.localhost, file.localhost, signed-cookies.localhost), data in the per-user data folder.

options (Django setting in brackets; env vars with the setting's name, SESSION_ENGINE too, and --config FILE.json work as well):
  --port N                    TCP port on 127.0.0.1 (0 = a free one; default 8765 without --engine)
  --django 3.2|4.2|5.2        Django version whose session behaviour to reproduce (default 3.2)
  --secret-key K              [SECRET_KEY]
  --redis URL                 redis://[:pw@]host:port[/db] cache for cache/cached_db (default: in-process)
  --database PATH|URL         SQLite file or postgres:// URL for db/cached_db (default: <data dir>/db.sqlite3)
  --data-dir DIR              keep the SQLite database and session files here (default: temp dir, removed on exit)
  --serializer json|pickle    [SESSION_SERIALIZER]
  --cookie-name N             [SESSION_COOKIE_NAME]       --cookie-age S     [SESSION_COOKIE_AGE]
  --cookie-domain D           [SESSION_COOKIE_DOMAIN]     --cookie-path P    [SESSION_COOKIE_PATH]
  --cookie-secure             [SESSION_COOKIE_SECURE]     --no-cookie-httponly [SESSION_COOKIE_HTTPONLY=False]
  --cookie-samesite Lax|Strict|None|off                   [SESSION_COOKIE_SAMESITE]
  --save-every-request        [SESSION_SAVE_EVERY_REQUEST]
  --expire-at-browser-close   [SESSION_EXPIRE_AT_BROWSER_CLOSE]
  --session-file-path DIR     [SESSION_FILE_PATH]
  --config FILE               JSON object of Django setting names, e.g. {"SESSION_COOKIE_AGE": 3600}
  --host ADDR                 bind address (default 127.0.0.1; anything else exposes your sessions)
  --quiet                     no request log on stderr`;

export const OPTIONS = {
  engine: { type: 'string' }, port: { type: 'string' }, django: { type: 'string' }, 'secret-key': { type: 'string', multiple: true },
  redis: { type: 'string' }, database: { type: 'string' }, 'data-dir': { type: 'string' }, serializer: { type: 'string' },
  'cookie-name': { type: 'string' }, 'cookie-age': { type: 'string' }, 'cookie-domain': { type: 'string' },
  'cookie-path': { type: 'string' }, 'cookie-secure': { type: 'boolean' }, 'no-cookie-httponly': { type: 'boolean' },
  'cookie-samesite': { type: 'string' }, 'save-every-request': { type: 'boolean' }, 'expire-at-browser-close': { type: 'boolean' },
  'session-file-path': { type: 'string' }, config: { type: 'string' }, host: { type: 'string' }, quiet: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  // read-only attach mode (src/companion/attach parses these from argv itself)
  'attach-sqlite': { type: 'string', multiple: true }, 'attach-postgres': { type: 'string', multiple: true },
  'attach-files': { type: 'string', multiple: true }, 'attach-redis': { type: 'string', multiple: true },
  'attach-key-prefix': { type: 'string' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'];

const FLAG_SETTINGS: [keyof Values, keyof SessionSettings][] = [
  ['serializer', 'SESSION_SERIALIZER'], ['cookie-name', 'SESSION_COOKIE_NAME'],
  ['cookie-age', 'SESSION_COOKIE_AGE'], ['cookie-domain', 'SESSION_COOKIE_DOMAIN'], ['cookie-path', 'SESSION_COOKIE_PATH'],
  ['cookie-samesite', 'SESSION_COOKIE_SAMESITE'], ['session-file-path', 'SESSION_FILE_PATH'],
];

/** defaults < --config file < environment < flags; SESSION_ENGINE (env or config) stands in for --engine */
export function resolveSettings(values: Values, env: Record<string, string | undefined>): Partial<SessionSettings> {
  const out: Partial<Record<keyof SessionSettings, unknown>> = {
    ...(values.config ? settingsFromFile(values.config) : {}),
    ...settingsFromEnv(env),
  };
  for (const [flag, name] of FLAG_SETTINGS) {
    const v = values[flag];
    if (typeof v === 'string') out[name] = coerceSetting(name, v);
  }
  // repeated --secret-key values are for attach-mode key rotation; the first one is SECRET_KEY
  if (values['secret-key']?.length) out.SECRET_KEY = values['secret-key'][0];
  if (values['cookie-secure']) out.SESSION_COOKIE_SECURE = true;
  if (values['no-cookie-httponly']) out.SESSION_COOKIE_HTTPONLY = false;
  if (values['save-every-request']) out.SESSION_SAVE_EVERY_REQUEST = true;
  if (values['expire-at-browser-close']) out.SESSION_EXPIRE_AT_BROWSER_CLOSE = true;
  if (values.engine !== undefined) out.SESSION_ENGINE = parseEngine(values.engine);
  return out as Partial<SessionSettings>;
}

export function parseDjango(v: string | undefined): DjangoVersion {
  if (v === undefined) return '3.2';
  if (v === '3.2' || v === '4.2' || v === '5.2') return v;
  throw new SettingsError(`--django must be 3.2, 4.2 or 5.2, got "${v}"`);
}

function parsePort(v: string | undefined, fallback: number): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new SettingsError(`--port must be 0-65535, got "${v}"`);
  return n;
}

/** $XDG_DATA_HOME/sessionscope, else ~/.local/share/sessionscope */
export function userDataDir(env: Record<string, string | undefined>): string {
  return join(env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'sessionscope');
}

/** Security hook, demo app, inspection API and attach stores (src/companion/{security,demo,inspect,attach}). */
async function installExtras(server: CompanionServer, argv: string[], explicitHost: string | undefined): Promise<{ close(): Promise<void> }> {
  const { installCompanionExtras } = await import('../companion/inspect/install.ts');
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  const caches = Object.fromEntries(server.sites.filter((s) => s.cache).map((s) => [s.engine, s.cache!]));
  return installCompanionExtras(server, { version: pkg.version, argv, explicitHost, caches });
}

async function startAll(values: Values, settings: Partial<SessionSettings>, django: DjangoVersion, env: Record<string, string | undefined>): Promise<CompanionServer> {
  const sites: SiteOptions[] = ENGINES.map((engine: Engine) => ({
    engine, django, settings, ...(values.redis ? { redis: values.redis } : {}), ...(values.database ? { database: values.database } : {}),
  }));
  if (settings.SESSION_COOKIE_DOMAIN) {
    // each site has its own host precisely so that one browser keeps their cookies apart; a shared Domain undoes that
    process.stderr.write(`sessionscope companion: WARNING: SESSION_COOKIE_DOMAIN=${settings.SESSION_COOKIE_DOMAIN} applies to all five sites, so their session cookies can reach one another's hosts and mix in one browser; use --engine to run one backend with it\n`);
  }
  const common = { sites, bindHost: values.host, dataDir: values['data-dir'] ?? userDataDir(env), quiet: values.quiet };
  const wanted = parsePort(values.port, 8765);
  try {
    return await createCompanionServer({ ...common, port: wanted });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE' || values.port !== undefined) throw e;
    process.stderr.write(`port ${wanted} is busy; using a free port instead\n`);
    return createCompanionServer({ ...common, port: 0 });
  }
}

/** The Redis client's own "Invalid URL" names neither the flag nor the value. */
function checkRedisUrl(text: string): void {
  let protocol = '';
  try { protocol = new URL(text).protocol; } catch { /* reported below */ }
  if (protocol !== 'redis:' && protocol !== 'rediss:') throw new SettingsError(`--redis must be a redis://[:password@]host:port[/db] URL, got "${text}"`);
}

/** Starts the server(s) described by the flags; SettingsError for bad values. */
async function startFromFlags(values: Values, env: Record<string, string | undefined>): Promise<CompanionServer> {
  const settings = resolveSettings(values, env);
  const django = parseDjango(values.django);
  if (django === '5.2' && settings.SESSION_SERIALIZER === 'pickle') {
    throw new SettingsError('the pickle serializer does not exist in Django 5.2 (PickleSerializer was removed in 5.0); use --django 3.2 or 4.2');
  }
  if (values.redis !== undefined) checkRedisUrl(values.redis);
  const engine = settings.SESSION_ENGINE;
  if (engine === undefined) return startAll(values, settings, django, env);
  // the ready line names this host: a specific --host (::1, a LAN address) is where the server is reachable
  const host = values.host && values.host !== '0.0.0.0' && values.host !== '::' ? values.host.replace(/^\[|\]$/g, '') : undefined;
  return createCompanionServer({
    sites: [{ engine, django, settings, ...(host ? { host } : {}), ...(values.redis ? { redis: values.redis } : {}), ...(values.database ? { database: values.database } : {}) }],
    port: parsePort(values.port, 0), bindHost: values.host, dataDir: values['data-dir'], quiet: values.quiet,
  });
}

/** The default bind is loopback; anything else serves session data to the network, which must not go unnoticed. */
function warnIfExposed(host: string | undefined): void {
  if (host === undefined || isLoopbackAddress(host.replace(/^\[|\]$/g, ''))) return;
  process.stderr.write(`sessionscope companion: WARNING: listening on ${host}, not loopback: anyone who can reach this address can read and change the sessions\n`);
}

function announce(server: CompanionServer): void {
  if (server.sites.length > 1) {
    for (const s of server.sites) process.stdout.write(`  ${s.engine.padEnd(15)} ${s.url}/   (${s.store.location})\n`);
  }
  const engineName = server.sites.length > 1 ? 'all' : server.sites[0].engine;
  process.stdout.write(`SESSIONSCOPE_COMPANION_READY ${server.url} engine=${engineName} django=${server.sites[0].django} pid=${process.pid}\n`);
}

const fail = (e: unknown): void => { process.stderr.write(`sessionscope companion: ${(e as Error).message}\n`); };

export async function runCompanion(argv: string[], env: Record<string, string | undefined> = process.env): Promise<number> {
  if (argv[0] === 'clearsessions') return (await import('./companion-clearsessions.ts')).runClearSessions(argv.slice(1), env);
  let values: Values;
  try {
    values = parseArgs({ args: attachDashValues(argv, OPTIONS), options: OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (e) {
    process.stderr.write(`sessionscope companion: ${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) { process.stdout.write(USAGE + '\n'); return 0; }
  let server: CompanionServer;
  let extras: { close(): Promise<void> };
  try {
    server = await startFromFlags(values, env);
  } catch (e) {
    fail(e);
    return e instanceof SettingsError ? 2 : 1;
  }
  try {
    extras = await installExtras(server, argv, values.host);
  } catch (e) {
    fail(e);
    await server.close();
    return 1;
  }
  warnIfExposed(values.host);
  announce(server);
  return new Promise<number>((resolve) => {
    const stop = (): void => { void extras.close().then(() => server.close()).then(() => resolve(0), () => resolve(1)); };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
}
