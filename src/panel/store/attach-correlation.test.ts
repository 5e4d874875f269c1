// Issue 5: the server record for session cookies of "an attached real Django" — that project runs on its own
// dev server (localhost:8000), while the companion names the attached store attached-sqlite.localhost.
import { describe, expect, it } from 'vitest';
import type { CompanionClient } from '../lib/companion-client.ts';
import { attachFakeBackground } from '../mock/fake-background.ts';
import { createDemoSnapshot, makeCookie } from '../mock/demo-data.ts';
import type { ServerRecord } from '../model/types.ts';
import { createMemoryTransport } from '../transport/memory-transport.ts';
import { createPanelStore } from './create-panel-store.ts';
import { siteFor } from './server-actions.ts';
import { selectAllFindings } from './server-selectors.ts';

const NOW = 1_796_000_000;
const attached = { engine: 'attached-sqlite', host: 'attached-sqlite.localhost', url: 'http://attached-sqlite.localhost:8765', cookieName: 'sessionid', readOnly: true };
const db = { engine: 'db', host: 'db.localhost', url: 'http://db.localhost:8765', cookieName: 'sessionid', readOnly: false };

async function settle() { for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 0)); }

describe('attached stores', () => {
  it('answer for session cookies of loopback dev servers, never for other sites, and a companion host still wins', () => {
    const state = { server: { info: { name: 'sessionscope-companion', version: '0.1.0', sites: [db, attached] } } } as Parameters<typeof siteFor>[0];
    expect(siteFor(state, { domain: 'localhost', name: 'sessionid' })).toBe(attached);
    expect(siteFor(state, { domain: '127.0.0.1', name: 'sessionid' })).toBe(attached);
    expect(siteFor(state, { domain: 'db.localhost', name: 'sessionid' })).toBe(db);
    expect(siteFor(state, { domain: 'www.example.com', name: 'sessionid' })).toBeNull();
    expect(siteFor(state, { domain: 'localhost', name: 'csrftoken' })).toBeNull();
  });

  it('the panel fetches the attached record for a cookie of localhost:8000 and diagnoses it', async () => {
    const snapshot = await createDemoSnapshot(NOW);
    snapshot.url = 'http://localhost:8000/accounts/profile/';
    snapshot.cookies = [makeCookie('sessionid', 'realdjangokey0000000000000000001', 'localhost', { httpOnly: true, session: false, expirationDate: NOW + 1209600 })];
    snapshot.events = [];
    const asked: string[] = [];
    const client = (): CompanionClient => ({
      async info() { return { name: 'sessionscope-companion', version: '0.1.0', sites: [db, attached] }; },
      async session(site, key): Promise<ServerRecord> {
        asked.push(`${site.host} ${key}`);
        return { host: site.host, key, found: false, engine: 'attached-sqlite', data: null, record: null, expiresAt: null, expired: false, location: null, fetchedAt: 0 };
      },
      async accepted() { return { accepted: false, reason: 'no stored session with this key' }; },
      subscribe() { return () => {}; },
    });
    const { transport, background } = createMemoryTransport();
    attachFakeBackground(background, snapshot);
    const store = createPanelStore({ transport, tabId: 1, companion: client, now: () => NOW * 1000 });
    store.actions.start();
    await settle();
    expect(asked).toEqual(['attached-sqlite.localhost realdjangokey0000000000000000001']);
    expect(selectAllFindings(store.getState(), NOW * 1000).map((f) => f.rule)).toContain('no-server-record');
    store.actions.stop();
  });
});
