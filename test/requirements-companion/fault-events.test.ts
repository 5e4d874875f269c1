// Issue 4 §3 + issue 5 §2: fault injection (restart or evict the cache, shift the clock) changes what the panel
// shows, so it must reach the event stream the panel watches; before, it changed the store silently and the panel
// kept showing a record the cache no longer held.
import { afterAll, describe, expect, it } from 'vitest';
import { createCompanionServer } from '../../src/companion/server.ts';
import { installCompanionExtras } from '../../src/companion/inspect/install.ts';
import type { CompanionServer, Engine } from '../../src/companion/types.ts';
import { send, watchEvents } from '../companion/inspect/http.ts';

const servers: CompanionServer[] = [];
afterAll(async () => { await Promise.all(servers.map((s) => s.close())); });

async function start(engine: Engine): Promise<number> {
  const server = await createCompanionServer({ sites: [{ engine }], port: 0, quiet: true });
  servers.push(server);
  const caches = Object.fromEntries(server.sites.filter((s) => s.cache).map((s) => [s.engine, s.cache!]));
  await installCompanionExtras(server, { version: 'test', argv: [], caches });
  return server.port;
}

type Change = { type: string; engine: string; key: string | null; at: number };


const fault = (port: number, body: unknown) =>
  send(port, '/__sessionscope/faults', { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });

describe('fault injection reaches the event stream', () => {
  it.each(['cache', 'cached_db'] as Engine[])('%s: evict names the key, restart-cache evicts everything (key null)', async (engine) => {
    const port = await start(engine);
    const w = watchEvents<Change>(port);
    await expect.poll(w.connected).toBe(true);
    const set = await send(port, '/session/set', { method: 'POST', body: '{"a":1}' });
    const key = /sessionid=([a-z0-9]{32})/.exec(String(set.headers['set-cookie']))![1];
    expect((await fault(port, { action: 'evict', key })).status).toBe(200);
    expect((await fault(port, { action: 'restart-cache' })).status).toBe(200);
    await expect.poll(() => w.events.filter((e) => e.type === 'evicted').map((e) => e.key)).toEqual([key, null]);
    expect(w.events.find((e) => e.type === 'evicted')).toMatchObject({ engine });
    w.close();
  });

  it('shift-clock announces clock-shifted, stamped with the shifted clock', async () => {
    const port = await start('db');
    const w = watchEvents<Change>(port);
    await expect.poll(w.connected).toBe(true);
    expect((await fault(port, { action: 'shift-clock', seconds: 86_400 })).json()).toMatchObject({ ok: true, clockOffset: 86_400 });
    await expect.poll(() => w.events.map((e) => e.type)).toEqual(['clock-shifted']);
    expect(w.events[0]).toMatchObject({ engine: 'db', key: null });
    expect(w.events[0].at - Date.now() / 1000).toBeGreaterThan(86_400 - 60);
    w.close();
  });
});
