// Every refusal of the security guard, proven over real HTTP with forged Host / Origin headers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { guardRequest, resolveBindHost } from '../../../src/companion/security/guard.ts';
import { handleInspection } from '../../../src/companion/inspect/routes.ts';
import { memoryTarget } from '../inspect/memory-target.ts';
import { send } from '../inspect/http.ts';

const target = memoryTarget('db', { abcdefgh12345678: { cart: ['secret'] } });
let server: Server;
let port: number;

beforeAll(async () => {
  server = createServer(async (req, res) => {
    if (guardRequest(req, res, { ownOrigins: () => ['http://db.localhost:' + port] })) return;
    if (await handleInspection(req, res, { version: '0.1.0', targets: () => [target] }, target)) return;
    res.writeHead(200, { 'content-type': 'text/html' }).end('<h1>demo</h1>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const SESSION = '/__sessionscope/sessions/abcdefgh12345678';

describe('DNS rebinding: only loopback Host names', () => {
  it.each(['evil.example', `evil.example:${0}`, 'attacker.localhost.evil.example', '192.168.1.20', '0.0.0.0'])('refuses Host %s with 421', async (host) => {
    const res = await send(port, SESSION, { headers: { host } });
    expect(res.status).toBe(421);
    expect(res.json().error).toMatch(/not a loopback name \(DNS rebinding protection\)/);
    expect(res.body).not.toContain('secret');
  });

  it('refuses the demo pages too, not only the API', async () => {
    expect((await send(port, '/demo/', { headers: { host: 'evil.example' } })).status).toBe(421);
  });

  it.each(['127.0.0.1', 'localhost', 'db.localhost', '[::1]', '127.0.0.2'])('accepts Host %s', async (host) => {
    const res = await send(port, SESSION, { headers: { host: `${host}:${port}` } });
    expect(res.status).toBe(200);
    expect(res.json().decoded).toEqual({ cart: ['secret'] });
  });
});

describe('cross-origin requests', () => {
  it.each(['https://evil.example', 'http://localhost.evil.example', 'null', `http://127.0.0.1:${1}`, 'http://cache.localhost:1'])('refuses Origin %s with 403', async (origin) => {
    const res = await send(port, SESSION, { headers: { origin } });
    expect(res.status).toBe(403);
    expect(res.json().error).toMatch(/refused: cross-origin request/);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.body).not.toContain('secret');
  });

  it('refuses cross-origin POSTs (CSRF on clearsessions, faults and demo forms)', async () => {
    for (const path of ['/__sessionscope/clearsessions', '/__sessionscope/faults', '/demo/login']) {
      const res = await send(port, path, { method: 'POST', headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1' });
      expect(res.status, path).toBe(403);
    }
    expect(target.faults).toEqual([]);
  });

  it('refuses a cross-site <script>/<img> inclusion without Origin', async () => {
    const res = await send(port, SESSION, { headers: { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors' } });
    expect(res.status).toBe(403);
  });

  it('allows the extension with CORS headers, and preflights', async () => {
    for (const origin of ['chrome-extension://abcdefghijklmnopabcdefghijklmnop', 'moz-extension://4b3a1c2d-1111-2222-3333-444455556666']) {
      const res = await send(port, SESSION, { headers: { origin } });
      expect(res.status).toBe(200);
      expect(res.headers['access-control-allow-origin']).toBe(origin);
      expect(res.headers.vary).toBe('Origin');
      const pre = await send(port, '/__sessionscope/faults', { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
      expect(pre.status).toBe(204);
      expect(pre.headers['access-control-allow-methods']).toContain('POST');
    }
  });

  it('allows same-origin and the companion\'s own sites, without CORS outside the API', async () => {
    const same = await send(port, '/demo/', { headers: { origin: `http://127.0.0.1:${port}` } });
    expect(same.status).toBe(200);
    expect(same.headers['access-control-allow-origin']).toBeUndefined();
    const own = await send(port, SESSION, { headers: { origin: `http://db.localhost:${port}` } });
    expect(own.status).toBe(200);
    expect(own.headers['access-control-allow-origin']).toBe(`http://db.localhost:${port}`);
  });

  it('allows plain navigations and tools without Origin', async () => {
    expect((await send(port, SESSION)).status).toBe(200);
    expect((await send(port, SESSION, { headers: { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate' } })).status).toBe(200);
  });
});

describe('bind address', () => {
  it('is loopback unless --host is given, and an explicit host is then accepted as Host', () => {
    expect(resolveBindHost(undefined)).toEqual({ host: '127.0.0.1', extraHosts: [] });
    expect(resolveBindHost('192.168.1.20')).toEqual({ host: '192.168.1.20', extraHosts: ['192.168.1.20'] });
  });
});
