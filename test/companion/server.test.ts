// createCompanionServer over HTTP: middleware decisions per Django version, Host routing of the five sites,
// and the extension points (mount, beforeRoute, withSession, events, inspect).
import { describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { createCompanionServer } from '../../src/companion/server.ts';
import type { ChangeEvent, CompanionServer, DjangoVersion, SessionSettings } from '../../src/companion/types.ts';
import { HANDLED } from '../../src/companion/types.ts';
import { jsonResponse } from '../../src/companion/http/response.ts';

interface Reply { status: number; headers: Record<string, string | string[] | undefined>; body: string; cookies: string[] }

function call(url: string, path: string, opts: { method?: string; body?: string; cookie?: string; host?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const u = new URL(path, url);
    const req = request({ host: u.hostname, port: u.port, path: u.pathname + u.search, method: opts.method ?? 'GET',
      headers: { ...(opts.cookie !== undefined ? { Cookie: opts.cookie } : {}), ...(opts.host ? { Host: opts.host } : {}) } }, (res) => {
      let body = '';
      res.on('data', (c) => { body += c; });
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body, cookies: (res.headers['set-cookie'] ?? []) as string[] }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}
const key = (r: Reply): string => /sessionid=([^;]*)/.exec(r.cookies[0] ?? '')?.[1] ?? '';

async function withServer(django: DjangoVersion, settings: Partial<SessionSettings>, fn: (s: CompanionServer) => Promise<void>): Promise<void> {
  const server = await createCompanionServer({ sites: [{ engine: 'db', django, settings }], port: 0, quiet: true, logger: () => {} });
  try { await fn(server); } finally { await server.close(); }
}

describe('SessionMiddleware over HTTP', () => {
  it('3.2 saves on 503 but not on 500; 4.2 skips every 5xx', async () => {
    for (const [django, saved503] of [['3.2', true], ['4.2', false]] as const) {
      await withServer(django, {}, async (s) => {
        const first = await call(s.url, '/session/set', { method: 'POST', body: '{"a":1}' });
        const cookie = `sessionid=${key(first)}`;
        const r500 = await call(s.url, '/session/set?status=500', { method: 'POST', body: '{"s500":1}', cookie });
        expect([r500.status, r500.cookies.length, r500.headers.vary]).toEqual([500, 0, 'Cookie']);
        const r503 = await call(s.url, '/session/set?status=503', { method: 'POST', body: '{"s503":1}', cookie });
        expect(r503.cookies.length).toBe(saved503 ? 1 : 0);
        const state = JSON.parse((await call(s.url, '/session', { cookie })).body);
        expect(Object.keys(state.items)).toEqual(saved503 ? ['a', 's503'] : ['a']);
      });
    }
  });

  it('deletes an invalid cookie even when the view never reads the session', async () => {
    await withServer('3.2', {}, async (s) => {
      const r = await call(s.url, '/noop', { cookie: 'sessionid=short' });
      expect(r.cookies).toEqual(['sessionid=""; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; SameSite=Lax']);
      expect(r.headers.vary).toBe('Cookie');
      const unknown = await call(s.url, '/noop', { cookie: 'sessionid=0123456789abcdefghijklmnopqrstuv' });
      expect([unknown.cookies.length, unknown.headers.vary]).toEqual([0, undefined]);
    });
  });

  it('SAVE_EVERY_REQUEST re-sends the cookie on untouched requests; only 5.2 adds Vary there', async () => {
    for (const [django, vary] of [['3.2', undefined], ['4.2', undefined], ['5.2', 'Cookie']] as const) {
      await withServer(django, { SESSION_SAVE_EVERY_REQUEST: true }, async (s) => {
        const first = await call(s.url, '/session/set', { method: 'POST', body: '{"a":1}' });
        const r = await call(s.url, '/noop', { cookie: `sessionid=${key(first)}` });
        expect(key(r)).toBe(key(first));
        expect(r.headers.vary).toBe(vary);
      });
    }
  });

  it('a concurrent deletion turns the save into a 400 page without cookie or Vary', async () => {
    await withServer('3.2', {}, async (s) => {
      const first = await call(s.url, '/session/set', { method: 'POST', body: '{"b":1}' });
      const r = await call(s.url, '/session/interrupt', { method: 'POST', cookie: `sessionid=${key(first)}` });
      expect(r.status).toBe(400);
      expect(r.body).toContain('<title>Bad Request (400)</title>');
      expect([r.cookies.length, r.headers.vary]).toEqual([0, undefined]);
    });
  });

  it('formats cookie attributes from the settings', async () => {
    await withServer('3.2', { SESSION_COOKIE_NAME: 'sid', SESSION_COOKIE_DOMAIN: '.example.com', SESSION_COOKIE_PATH: '/app',
      SESSION_COOKIE_SECURE: true, SESSION_COOKIE_HTTPONLY: false, SESSION_COOKIE_SAMESITE: 'Strict', SESSION_EXPIRE_AT_BROWSER_CLOSE: true }, async (s) => {
      const r = await call(s.url, '/session/set', { method: 'POST', body: '{"a":1}' });
      expect(r.cookies[0]).toMatch(/^sid=[a-z0-9]{32}; Domain=\.example\.com; Path=\/app; SameSite=Strict; Secure$/);
    });
  });
});

describe('the five sites and the extension points', () => {
  it('routes by Host so the backends never share a cookie, and lists them on other hosts', async () => {
    const server = await createCompanionServer({
      sites: (['db', 'cache', 'cached_db', 'file', 'signed_cookies'] as const).map((engine) => ({ engine })), port: 0, quiet: true, logger: () => {},
    });
    try {
      expect(server.sites.map((s) => s.host)).toEqual(['db.localhost', 'cache.localhost', 'cached-db.localhost', 'file.localhost', 'signed-cookies.localhost']);
      for (const site of server.sites) {
        const r = await call(server.url, '/session/set', { method: 'POST', body: '{"who":1}', host: `${site.host}:${server.port}` });
        const stored = await call(server.url, `/store/${key(r)}`, { host: `${site.host}:${server.port}` });
        expect(JSON.parse(stored.body).engine).toBe(site.engine);
      }
      const index = await call(server.url, '/', { host: `localhost:${server.port}` });
      expect(index.body).toContain('signed-cookies.localhost');
    } finally {
      await server.close();
    }
  });

  it('mounted handlers run first, can use the session middleware, and store changes are emitted', async () => {
    const server = await createCompanionServer({ sites: [{ engine: 'file' }], port: 0, quiet: true, logger: () => {} });
    const events: ChangeEvent[] = [];
    server.events.on('change', (e) => events.push(e));
    const site = server.sites[0];
    site.mount('/demo/', (req) => site.withSession(req, async (r) => {
      await r.session!.setItem('visits', Number(await r.session!.get('visits', 0)) + 1);
      return jsonResponse(await r.session!.get('visits'));
    }));
    site.mount('/__sessionscope/skip', async () => null);
    site.mount('/__sessionscope/raw', async (req) => { req.raw.res.writeHead(204).end(); return HANDLED; });
    server.addBeforeRoute((req) => (req.headers['x-block'] ? jsonResponse('blocked', 403) : null));
    try {
      const a = await call(server.url, '/demo/count');
      expect(a.body).toBe('1');
      const b = await call(server.url, '/demo/count', { cookie: `sessionid=${key(a)}` });
      expect(b.body).toBe('2');
      expect((await call(server.url, '/__sessionscope/skip')).status).toBe(404);
      expect((await call(server.url, '/__sessionscope/raw')).status).toBe(204);
      const inspected = await site.inspect(key(a));
      expect(inspected.status).toBe(200);
      expect(await site.listKeys()).toEqual([key(a)]);
      expect(events.map((e) => e.type)).toEqual(['created', 'modified']);
      expect(events[0]).toMatchObject({ engine: 'file', key: key(a) });
      const blocked = await new Promise<number>((resolve) => {
        const u = new URL(server.url);
        request({ host: u.hostname, port: u.port, path: '/noop', headers: { 'X-Block': '1' } }, (res) => { res.resume(); resolve(res.statusCode!); }).end();
      });
      expect(blocked).toBe(403);
    } finally {
      await server.close();
    }
  });

  it('fails fast with a clear message when the Redis URL is unreachable at start-up', async () => {
    const started = Date.now();
    await expect(createCompanionServer({ sites: [{ engine: 'cached_db', redis: 'redis://127.0.0.1:1/0' }], port: 0, quiet: true, logger: () => {} }))
      .rejects.toThrow(/cannot connect to Redis at redis:\/\/127\.0\.0\.1:1\/0/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
