// The /__sessionscope/ routes over real HTTP, with in-memory stores: shapes from docs/companion-api.md.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, request, type Server } from 'node:http';
import { handleInspection } from '../../../src/companion/inspect/routes.ts';
import { memoryTarget } from './memory-target.ts';
import { send } from './http.ts';

const db = memoryTarget('db', { abcdefgh12345678: { cart: ['apple'] }, zzzzzzzz00000000: {} });
const attached = memoryTarget('attached-sqlite', { qqqqqqqq11111111: { a: 1 } }, true);
let server: Server;
let port: number;

beforeAll(async () => {
  server = createServer(async (req, res) => {
    if (!(await handleInspection(req, res, { version: '0.1.0', targets: () => [db, attached] }, db))) res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }));

describe('inspection routes', () => {
  it('info lists every site', async () => {
    const res = await send(port, '/__sessionscope/info');
    expect(res.json()).toEqual({ name: 'sessionscope-companion', version: '0.1.0', sites: [db.site, attached.site] });
  });

  it('looks a session up, found or not, in the addressed site or by ?engine=', async () => {
    expect((await send(port, '/__sessionscope/sessions/abcdefgh12345678')).json()).toMatchObject({ engine: 'db', found: true, decoded: { cart: ['apple'] } });
    expect((await send(port, '/__sessionscope/sessions/nope12345678')).json()).toMatchObject({ engine: 'db', found: false, decoded: null });
    expect((await send(port, '/__sessionscope/sessions/qqqqqqqq11111111?engine=attached-sqlite')).json()).toMatchObject({ engine: 'attached-sqlite', found: true });
    const unknown = await send(port, '/__sessionscope/sessions/x?engine=mystery');
    expect([unknown.status, unknown.json().error]).toEqual([404, 'unknown engine "mystery"']);
  });

  it('answers accepted and list', async () => {
    expect((await send(port, '/__sessionscope/sessions/abcdefgh12345678/accepted')).json()).toEqual({ engine: 'db', key: 'abcdefgh12345678', accepted: true, reason: 'stored session is live' });
    const list = (await send(port, '/__sessionscope/sessions?limit=1')).json();
    expect(list).toMatchObject({ engine: 'db', count: 1, truncated: true });
    expect((await send(port, '/__sessionscope/sessions?limit=zero')).status).toBe(400);
  });

  it('validates faults and refuses writes on attached stores', async () => {
    const post = (path: string, body: string) => send(port, path, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
    expect((await post('/__sessionscope/faults', '{"action":"shift-clock","seconds":60}')).json()).toEqual({ ok: true, action: 'shift-clock', engine: 'db', clockOffset: 0 });
    expect(db.faults).toEqual([{ action: 'shift-clock', seconds: 60 }]);
    expect((await post('/__sessionscope/faults', '{"action":"evict"}')).json().error).toMatch(/evict needs a "key"/);
    expect((await post('/__sessionscope/faults', 'not json')).status).toBe(400);
    expect((await post('/__sessionscope/faults', '{"action":"explode"}')).status).toBe(400);
    const ro = await post('/__sessionscope/clearsessions?engine=attached-sqlite', '');
    expect([ro.status, ro.json().error]).toEqual([409, 'attached stores are read-only']);
    expect((await post('/__sessionscope/clearsessions', '')).json()).toEqual({ engine: 'db', ok: true, removed: 0 });
    expect((await send(port, '/__sessionscope/clearsessions')).status).toBe(405);
    expect((await send(port, '/__sessionscope/nothing')).status).toBe(404);
  });

  it('streams store changes as Server-Sent Events and unsubscribes on disconnect', async () => {
    const received = await new Promise<string>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/__sessionscope/events', headers: { host: `127.0.0.1:${port}` } }, (res) => {
        expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
        let text = '';
        res.on('data', (chunk: Buffer) => {
          text += chunk.toString();
          if (text.includes(': connected')) db.emit({ type: 'cycled', engine: 'db', key: 'new12345678', previousKey: 'old12345678', at: 1 });
          if (text.includes('event: change')) { req.destroy(); resolve(text); }
        });
      });
      req.on('error', reject);
      req.end();
    });
    expect(received).toContain('data: {"type":"cycled","engine":"db","key":"new12345678","previousKey":"old12345678","at":1}\n\n');
    await expect.poll(() => db.listeners.size).toBe(0);
  });
});
