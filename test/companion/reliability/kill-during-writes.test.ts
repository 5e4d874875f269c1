// kill -9 the companion repeatedly while clients write concurrently; afterwards every session whose write
// was acknowledged (HTTP 200 received) must be present, uncorrupted and at least as new as that write.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'set-cookie-parser';
import { send } from '../inspect/http.ts';
import { decodeSessionData } from '../../../src/core/decode/django/signing.ts';
import { DEFAULT_SECRET_KEY } from '../../../src/companion/settings.ts';
import { killAllCompanions, killHard, spawnCompanion, stopGracefully, type Companion } from './spawn.ts';

const ROUNDS = 5;
const CLIENTS = 8;
const dirs: string[] = [];
afterAll(() => {
  killAllCompanions();
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
});

interface Client { id: number; key: string | null; acked: number; next: number }

/** One client: write n = 1, 2, 3… into its session until the server goes away. */
async function writeUntilDown(c: Client, port: number, onAck: () => void): Promise<number> {
  let acks = 0;
  for (;;) {
    const n = c.next++;
    const headers: Record<string, string> = { 'content-type': 'application/json', ...(c.key ? { cookie: `sessionid=${c.key}` } : {}) };
    try {
      const res = await send(port, '/session/set', { method: 'POST', headers, body: JSON.stringify({ client: c.id, n, pad: 'x'.repeat(300 + n) }) });
      if (res.status !== 200) throw new Error(`write answered ${res.status}: ${res.body.slice(0, 200)}`);
      const cookie = parse(([] as string[]).concat(res.headers['set-cookie'] ?? [])).find((x) => x.name === 'sessionid');
      if (cookie) c.key = cookie.value;
      c.acked = n;
      acks++;
      onAck();
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ECONNRESET' || code === 'ECONNREFUSED' || code === 'EPIPE' || /socket hang up/.test((err as Error).message)) return acks;
      throw err;
    }
  }
}

/** Read through the reference /store view and verify the stored signature ourselves: present, intact, not older. */
async function verify(clients: Client[], port: number, engine: string): Promise<number> {
  let ok = 0;
  for (const c of clients.filter((x) => x.key)) {
    const res = await send(port, `/store/${c.key}`);
    expect(res.status, `client ${c.id}: acknowledged session missing`).toBe(200);
    const stored = engine === 'db' ? res.json().db.session_data : res.json().file.raw;
    const decoded = await decodeSessionData(stored, { secretKeys: [DEFAULT_SECRET_KEY] });
    expect(decoded.ok, `client ${c.id}: stored data corrupted`).toBe(true);
    const data = (decoded as unknown as { value: { client: number; n: number; pad: string } }).value;
    expect(data.client).toBe(c.id);
    expect(data.n, `client ${c.id} lost an acknowledged write`).toBeGreaterThanOrEqual(c.acked);
    expect(data.pad).toBe('x'.repeat(300 + data.n));
    ok++;
  }
  return ok;
}

describe.each(['db', 'file'])('kill -9 during concurrent writes (%s)', (engine) => {
  it('loses no acknowledged write and corrupts nothing', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), `ss-kill-${engine}-`));
    dirs.push(dataDir);
    const clients: Client[] = Array.from({ length: CLIENTS }, (_, id) => ({ id, key: null, acked: 0, next: 1 }));
    let acknowledged = 0;
    let verified = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const companion: Companion = await spawnCompanion(['--engine', engine, '--data-dir', dataDir]);
      verified += await verify(clients, companion.port, engine);
      let roundAcks = 0;
      let enough: () => void = () => {};
      const warmedUp = new Promise<void>((resolve) => { enough = resolve; });
      const writers = clients.map((c) => writeUntilDown(c, companion.port, () => { if (++roundAcks >= CLIENTS) enough(); }));
      // once the writes are flowing (no timing assumptions), crash it at an arbitrary later point
      await warmedUp;
      await new Promise((r) => setTimeout(r, Math.random() * 400));
      await killHard(companion);
      acknowledged += (await Promise.all(writers)).reduce((a, b) => a + b, 0);
    }
    const last = await spawnCompanion(['--engine', engine, '--data-dir', dataDir]);
    verified += await verify(clients, last.port, engine);
    await stopGracefully(last);
    console.log(`[reliability ${engine}] ${ROUNDS} kill -9 rounds, ${CLIENTS} concurrent clients: ${acknowledged} acknowledged writes, ` +
      `${verified} session checks passed, 0 lost, 0 corrupted (every kill hit ${CLIENTS} writes in flight)`);
    expect(acknowledged).toBeGreaterThanOrEqual(ROUNDS * CLIENTS);
  }, 120_000);
});
