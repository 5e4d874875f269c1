// The refusals on the real `sessionscope companion` process (spawned on port 0): forged Host, foreign
// Origin, and what stays allowed (the extension, the companion's own demo hosts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { send } from '../inspect/http.ts';
import { spawnCompanion, stopGracefully, type Companion } from '../reliability/spawn.ts';

let single: Companion;
let multi: Companion;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'ss-sec-'));
  [single, multi] = await Promise.all([spawnCompanion(['--engine', 'db']), spawnCompanion(['--data-dir', dataDir])]);
}, 60_000);
afterAll(async () => {
  await Promise.all([single, multi].filter(Boolean).map(stopGracefully));
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the companion process refuses', () => {
  it('a rebinding Host on every route (421)', async () => {
    for (const path of ['/__sessionscope/info', '/__sessionscope/sessions', '/session', '/demo/', '/']) {
      const res = await send(single.port, path, { headers: { host: `evil.example:${single.port}` } });
      expect(res.status, path).toBe(421);
      expect(res.json().error).toMatch(/DNS rebinding/);
    }
    expect((await send(multi.port, '/__sessionscope/info', { headers: { host: `rebind.attacker.test:${multi.port}` } })).status).toBe(421);
  });

  it('a foreign Origin, with no CORS header (403)', async () => {
    for (const origin of ['https://evil.example', 'null', 'http://localhost.evil.example']) {
      const res = await send(single.port, '/__sessionscope/sessions', { headers: { origin } });
      expect(res.status, origin).toBe(403);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    }
    const csrf = await send(single.port, '/demo/login', { method: 'POST', headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' }, body: 'username=alice&password=wonderland' });
    expect([csrf.status, csrf.headers['set-cookie']]).toEqual([403, undefined]);
  });

  it('binds loopback only', async () => {
    expect(single.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
});

describe('the companion process allows', () => {
  it('the extension origins with CORS on the inspection API', async () => {
    const origin = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
    const res = await send(single.port, '/__sessionscope/info', { headers: { origin } });
    expect([res.status, res.headers['access-control-allow-origin']]).toEqual([200, origin]);
  });

  it('its own demo hosts across sites (db.localhost asking cache.localhost)', async () => {
    const port = multi.port;
    const res = await send(port, '/__sessionscope/info', { headers: { host: `cache.localhost:${port}`, origin: `http://db.localhost:${port}` } });
    expect(res.status).toBe(200);
    expect(res.json().sites.map((s: { host: string }) => s.host)).toEqual(['db.localhost', 'cache.localhost', 'cached-db.localhost', 'file.localhost', 'signed-cookies.localhost']);
    const landing = await send(port, '/__sessionscope/info', { headers: { host: `localhost:${port}`, origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop' } });
    expect([landing.status, landing.json().sites.length]).toEqual([200, 5]); // the panel's default companion URL
    const page = await send(port, '/demo/', { headers: { host: `file.localhost:${port}` } });
    expect(page.body).toContain('data-engine="file"');
  });
});
