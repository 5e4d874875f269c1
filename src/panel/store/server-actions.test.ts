import { describe, expect, it } from 'vitest';
import type { CompanionClient, CompanionEvent } from '../lib/companion-client.ts';
import { attachFakeBackground } from '../mock/fake-background.ts';
import { createDemoSnapshot, makeCookie } from '../mock/demo-data.ts';
import type { ServerRecord } from '../model/types.ts';
import { createMemoryTransport } from '../transport/memory-transport.ts';
import { createPanelStore } from './create-panel-store.ts';
import { selectAllFindings } from './server-selectors.ts';

const NOW = 1_796_000_000;
const site = { engine: 'db', host: 'db.localhost', url: 'http://db.localhost:8765', cookieName: 'sessionid', readOnly: false };

function fakeCompanion(urls: string[]) {
  let found = false;
  let push: ((e: CompanionEvent) => void) | null = null;
  const accepted = new Map<string, boolean>();
  const client = (url: string): CompanionClient => ({
    async info() {
      urls.push(url);
      if (!url.includes('db.localhost')) throw new Error('connect ECONNREFUSED');
      return { name: 'sessionscope-companion', version: '0.1.0', sites: [site] };
    },
    async session(_s, key): Promise<ServerRecord> {
      return { host: 'db.localhost', key, found, engine: 'db', data: found ? { cart: [] } : null, record: null,
        expiresAt: found ? NOW + 1209600 : null, expired: false, location: null, fetchedAt: 0 };
    },
    async accepted(_s, key) { return { accepted: accepted.get(key) ?? false, reason: accepted.get(key) ? 'stored session is live' : 'no stored session with this key' }; },
    subscribe(onEvent) { push = onEvent; return () => { push = null; }; },
  });
  return { client, setFound: (v: boolean) => { found = v; }, emit: (e: CompanionEvent) => push?.(e), accepted };
}

async function settle() { for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 0)); }

describe('server correlation', () => {
  it('falls back to the page origin, flags a missing record, and live events refresh it', async () => {
    const snapshot = await createDemoSnapshot(NOW);
    snapshot.url = 'http://db.localhost:8765/demo/';
    snapshot.cookies = [makeCookie('sessionid', 'k1k1k1k1k1k1k1k1k1k1k1k1k1k1k1k1', 'db.localhost', { session: false, expirationDate: NOW + 1209600 })];
    const { transport, background } = createMemoryTransport();
    attachFakeBackground(background, snapshot);
    const urls: string[] = [];
    const fake = fakeCompanion(urls);
    const store = createPanelStore({ transport, tabId: 1, companion: fake.client, now: () => NOW * 1000 });
    store.actions.start();
    await settle();
    expect(urls).toEqual(['http://localhost:8765', 'http://db.localhost:8765']);
    expect(store.getState().server.status).toBe('online');
    expect(selectAllFindings(store.getState(), NOW * 1000).map((f) => f.rule)).toContain('no-server-record');
    fake.setFound(true);
    fake.emit({ type: 'created', engine: 'db', key: 'k1k1k1k1k1k1k1k1k1k1k1k1k1k1k1k1', at: NOW });
    await settle();
    expect(store.getState().server.events.map((e) => `${e.host} ${e.type}`)).toEqual(['db.localhost created']);
    expect(Object.values(store.getState().server.records)[0].found).toBe(true);
    expect(selectAllFindings(store.getState(), NOW * 1000).map((f) => f.rule)).not.toContain('no-server-record');
    // a cache restart names no session, yet every record shown may be gone
    fake.setFound(false);
    fake.emit({ type: 'evicted', engine: 'db', key: null, at: NOW });
    await settle();
    expect(Object.values(store.getState().server.records)[0].found).toBe(false);
    expect(selectAllFindings(store.getState(), NOW * 1000).map((f) => f.rule)).toContain('no-server-record');
    store.actions.stop();
  });

  it('checks logged-out keys and reports logout-not-revoked only when the server still accepts one', async () => {
    const snapshot = await createDemoSnapshot(NOW);
    snapshot.url = 'http://db.localhost:8765/demo/';
    const old = makeCookie('sessionid', 'oldoldoldoldoldoldoldoldoldoldol', 'db.localhost');
    snapshot.cookies = [];
    snapshot.events = [
      { kind: 'change', seq: 1, time: 1, tabId: 1, cookie: old, removed: false, cause: 'explicit', source: 'http' },
      { kind: 'change', seq: 2, time: 2, tabId: 1, cookie: old, removed: true, cause: 'expired_overwrite', source: 'http' },
    ];
    const { transport, background } = createMemoryTransport();
    attachFakeBackground(background, snapshot);
    const fake = fakeCompanion([]);
    fake.accepted.set(old.value, true);
    const store = createPanelStore({ transport, tabId: 1, companion: fake.client, now: () => NOW * 1000 });
    store.actions.start();
    await settle();
    const revoked = selectAllFindings(store.getState(), NOW * 1000).filter((f) => f.rule === 'logout-not-revoked');
    expect(revoked).toHaveLength(1);
    expect(revoked[0].message).toContain('stored session is live');
    store.actions.stop();
  });
});
