// Issue 4 §4 / companion-api.md: with Redis down every inspection route of a cache engine answers 503
// "<engine> store unavailable: …" naming the engine, as a lookup already did; the listing and fault routes
// answered a bare 500 "internal error".
import { afterAll, describe, expect, it } from 'vitest';
import { send } from '../companion/inspect/http.ts';
import { startRedis } from '../companion/attach/servers.ts';
import { spawnCompanion, stopGracefully } from '../companion/reliability/spawn.ts';

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => { for (const c of cleanups.reverse()) await c(); });

describe('inspection API with Redis down', () => {
  it('listing, evict and restart-cache answer 503 with the engine', async () => {
    const redis = await startRedis();
    const companion = await spawnCompanion(['--engine', 'cache', '--redis', redis.url]);
    cleanups.push(async () => { await stopGracefully(companion); });
    const { port } = companion;
    expect((await send(port, '/__sessionscope/sessions')).status).toBe(200);
    await redis.stop();
    const post = (body: object) => send(port, '/__sessionscope/faults', { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
    for (const res of [await send(port, '/__sessionscope/sessions'), await post({ action: 'evict', key: 'abcdefgh12345678' }), await post({ action: 'restart-cache' })]) {
      expect(res.status).toBe(503);
      expect(res.json()).toEqual({ error: expect.stringMatching(/^cache store unavailable: Redis cache unavailable/), engine: 'cache' });
    }
  }, 60_000);
});
