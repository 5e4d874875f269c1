// companionVsDjangoRatio per engine: requests/s (autocannon) of the playground's read-modify-write request
// (POST /session/set with the session cookie: load the session, set a key, save) against the companion and
// against scripts/bench/django-app.py (real Django + gunicorn, one process each). Runs alternate per engine.
import { createRequire } from 'node:module';
import { startCompanion, startDjango, type Running } from './servers.ts';
import { log, median, round } from './stats.ts';

type Cannon = (opts: Record<string, unknown>) => Promise<{ requests: { average: number }; non2xx: number; errors: number; timeouts: number }>;
const autocannon = createRequire(import.meta.url)('autocannon') as Cannon;

export const ENGINES = ['db', 'file', 'cache', 'cached_db', 'signed_cookies'] as const;
const CONNECTIONS = 10;
// gthread keeps connections alive (the sync worker closes each one, which autocannon counts as errors)
const DJANGO_THREADS = 4;

export interface EngineFigures { ratio: number; companionRps: number; djangoRps: number; companionRunsRps: number[]; djangoRunsRps: number[] }

/** One session per server: the first request creates it, the load then reads and rewrites it. */
async function sessionCookie(server: Running): Promise<string> {
  const res = await fetch(`${server.url}/session/set`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"n": 0}' });
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (res.status !== 200 || !cookie) throw new Error(`${server.url} did not start a session (${res.status})`);
  return cookie;
}

async function load(server: Running, cookie: string, seconds: number): Promise<number> {
  const result = await autocannon({
    url: `${server.url}/session/set`, method: 'POST', connections: CONNECTIONS, duration: seconds,
    headers: { cookie, 'content-type': 'application/json' }, body: '{"n": 1, "cart": ["apple", "pear"]}',
  });
  if (result.non2xx || result.errors || result.timeouts) {
    throw new Error(`${server.url} (${server.label}): ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts under load`);
  }
  return result.requests.average;
}

export async function benchCompanionEngine(engine: string, runs = 5, seconds = 2): Promise<EngineFigures> {
  const companion = await startCompanion(engine);
  const django = await startDjango(engine, DJANGO_THREADS);
  try {
    const [cc, dc] = [await sessionCookie(companion), await sessionCookie(django)];
    await load(companion, cc, 1); await load(django, dc, 1); // warm-up: JIT, sqlite page cache, imports
    const a: number[] = []; const b: number[] = [];
    for (let i = 0; i < runs; i++) { a.push(await load(companion, cc, seconds)); b.push(await load(django, dc, seconds)); }
    const companionRps = median(a); const djangoRps = median(b);
    log(`companion ${engine}: ${round(companionRps)} req/s vs django ${round(djangoRps)} req/s`);
    return { ratio: round(companionRps / djangoRps, 3), companionRps: round(companionRps), djangoRps: round(djangoRps),
      companionRunsRps: a.map((x) => round(x)), djangoRunsRps: b.map((x) => round(x)) };
  } finally {
    await companion.stop(); await django.stop();
  }
}
