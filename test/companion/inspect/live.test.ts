// The inspection API on live companion sites: lookups match what the engine stored, accepted() follows
// cycle_key/flush/expiry, fault injection changes what Django would do, and store changes stream as SSE.
import { afterAll, describe, expect, it } from 'vitest';
import { createCompanionServer } from '../../../src/companion/server.ts';
import { installCompanionExtras } from '../../../src/companion/inspect/install.ts';
import type { CompanionServer, Engine } from '../../../src/companion/types.ts';
import { Browser } from '../demo/browser.ts';
import { send, watchEvents } from './http.ts';

const servers: CompanionServer[] = [];
afterAll(async () => { await Promise.all(servers.map((s) => s.close())); });

async function start(engine: Engine): Promise<{ b: Browser; port: number }> {
  const server = await createCompanionServer({ sites: [{ engine }], port: 0, quiet: true });
  servers.push(server);
  const caches = Object.fromEntries(server.sites.filter((s) => s.cache).map((s) => [s.engine, s.cache!]));
  await installCompanionExtras(server, { version: 'test', argv: [], caches });
  return { b: new Browser(server.port), port: server.port };
}

const post = (b: Browser, path: string, body: unknown) =>
  send(b.port, path, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...(b.session() ? { cookie: `sessionid=${b.session()}` } : {}) } });
const api = async (b: Browser, path: string) => (await b.get(`/__sessionscope/${path}`)).json();

describe('inspection API on live sites', () => {
  it.each(['db', 'file', 'cache', 'cached_db'] as Engine[])('%s: record, decoded data, expiry, location and listing', async (engine) => {
    const { b } = await start(engine);
    await b.post('/demo/cart', { action: 'add', sku: 'mug' });
    const key = b.session()!;
    const view = await api(b, `sessions/${key}`);
    expect(view).toMatchObject({ engine, found: true, key, decoded: { cart: ['mug'] }, expired: false });
    expect(view.expiresAt - Date.now() / 1000).toBeGreaterThan(1209600 - 60);
    expect(view.location).toBeTruthy();
    expect(view.error).toBeUndefined();
    expect((await api(b, 'sessions')).sessions.map((s: { key: string }) => s.key)).toContain(key);
    expect((await api(b, 'info')).sites[0]).toMatchObject({ engine, cookieName: 'sessionid', djangoVersion: '3.2', readOnly: false });
  });

  it('signed_cookies: the cookie value is the key, decoded with its signing time', async () => {
    const { b } = await start('signed_cookies');
    await b.post('/demo/cart', { action: 'add', sku: 'mug' });
    const view = await api(b, `sessions/${encodeURIComponent(b.session()!)}`);
    expect(view).toMatchObject({ found: true, decoded: { cart: ['mug'] }, location: 'cookie', record: { value: b.session() } });
    expect(await api(b, 'sessions/not-a-signed-value/accepted')).toMatchObject({ accepted: false, reason: 'bad signature' });
    expect(await api(b, 'sessions')).toMatchObject({ count: 0, serverSide: false });
  });

  it('shift-clock expires a db session server-side; clearsessions then removes it', async () => {
    const { b } = await start('db');
    await b.post('/demo/cart', { action: 'add', sku: 'mug' });
    const key = b.session()!;
    expect((await post(b, '/__sessionscope/faults', { action: 'shift-clock', seconds: 1209600 + 10 })).json()).toMatchObject({ ok: true, clockOffset: 1209610 });
    expect(await api(b, `sessions/${key}/accepted`)).toMatchObject({ accepted: false, reason: 'stored session has expired' });
    expect((await post(b, '/__sessionscope/clearsessions', null)).json()).toEqual({ engine: 'db', ok: true, removed: 1 });
    expect((await api(b, `sessions/${key}`)).found).toBe(false);
  });

  it('restart-cache and evict drop cache sessions as a cache restart would; engines without a cache refuse', async () => {
    const { b } = await start('cache');
    await b.post('/demo/cart', { action: 'add', sku: 'mug' });
    const key = b.session()!;
    expect((await post(b, '/__sessionscope/faults', { action: 'evict', key })).status).toBe(200);
    expect(await api(b, `sessions/${key}/accepted`)).toMatchObject({ accepted: false });
    const db = await start('db');
    const refused = await post(db.b, '/__sessionscope/faults', { action: 'restart-cache' });
    expect([refused.status, refused.json().error]).toEqual([400, 'engine db has no cache']);
  });

  it('cached_db: an evicted cache entry is refilled from the database (the row still holds the data)', async () => {
    const { b } = await start('cached_db');
    await b.post('/demo/cart', { action: 'add', sku: 'kettle' });
    const key = b.session()!;
    await post(b, '/__sessionscope/faults', { action: 'restart-cache' });
    const view = await api(b, `sessions/${key}`);
    expect(view).toMatchObject({ found: true, record: { cache: null }, decoded: { cart: ['kettle'] } });
    expect((await b.get('/demo/cart')).status).toBe(200);
    expect((await api(b, `sessions/${key}`)).record.cache).not.toBeNull();
  });

  it('streams created / cycled / flushed as the demo logs in and out', async () => {
    const { b, port } = await start('db');
    const { events, connected, close } = watchEvents<{ type: string; key: string | null; previousKey?: string | null }>(port);
    await expect.poll(connected).toBe(true);
    await b.post('/demo/cart', { action: 'add', sku: 'mug' });
    const anonymous = b.session();
    await b.post('/demo/login', { username: 'alice', password: 'wonderland' });
    const alice = b.session();
    await b.post('/demo/logout');
    await expect.poll(() => events.map((e) => e.type)).toEqual(expect.arrayContaining(['created', 'cycled', 'flushed']));
    expect(events.find((e) => e.type === 'cycled')).toMatchObject({ key: alice, previousKey: anonymous });
    expect(events.find((e) => e.type === 'flushed')).toMatchObject({ key: alice });
    close();
  });
});
