// @vitest-environment happy-dom
// The record's expiry follows the server's verdict: after the companion's clock was shifted the browser's
// clock still says "expires in 14 days" while the server already treats the session as expired.
import { afterEach, describe, expect, it } from 'vitest';
import { createDemoSnapshot, makeCookie } from '../mock/demo-data.ts';
import { click, mountPanel, testIds, until, type Mounted } from '../test-support.tsx';

const NOW = 1_796_000_000;
let mounted: Mounted | null = null;
afterEach(() => { mounted?.unmount(); mounted = null; });

describe('server record expiry', () => {
  it.each([[false, /expires in 14 days$/], [true, /expired on the server$/]] as const)('expired=%s', async (expired, text) => {
    const snapshot = await createDemoSnapshot(NOW);
    snapshot.cookies = [makeCookie('sessionid', 'k3y00000000000000000000000000001', 'db.localhost', { httpOnly: true, session: false, expirationDate: NOW + 1209600 })];
    snapshot.events = [];
    const site = { engine: 'db', host: 'db.localhost', url: 'http://db.localhost:8765', cookieName: 'sessionid', readOnly: false };
    const companion = () => ({
      info: async () => ({ name: 'sessionscope-companion', version: '0.1.0', sites: [site] }),
      session: async (_s: unknown, k: string) => ({ host: 'db.localhost', key: k, found: true, engine: 'db', data: {}, record: null,
        expiresAt: NOW + 1209600, expired, location: 'django_session row', fetchedAt: 0 }),
      accepted: async () => ({ accepted: true, reason: 'stored session is live' }),
      subscribe: () => () => {},
    });
    mounted = await mountPanel(snapshot, { nowMs: NOW * 1000, companion });
    const { root } = mounted;
    await until(() => mounted!.store.getState().server.status === 'online', 'companion online');
    await click(testIds(root, 'cookie-row')[0]);
    await until(() => testIds(root, 'server-expiry').length > 0, 'server record');
    expect(testIds(root, 'server-expiry')[0].textContent).toMatch(text);
    expect(testIds(root, 'server-diagnostic').map((d) => d.dataset.rule)).toEqual(expired ? ['record-expired'] : []);
  });
});
