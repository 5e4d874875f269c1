import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeCookie } from '../../core/decode/index.ts';
import { attachFakeBackground } from '../mock/fake-background.ts';
import { createDemoSnapshot, DEMO_SECRET, makeCookie } from '../mock/demo-data.ts';
import { createMemoryTransport } from '../transport/memory-transport.ts';
import { createPanelStore } from './create-panel-store.ts';
import { decodeKey } from './decode-actions.ts';
import { cookieId } from '../model/types.ts';

async function setup(tabId: number | null = 1) {
  const { transport, background } = createMemoryTransport();
  const fake = attachFakeBackground(background, await createDemoSnapshot(1_796_000_000));
  const store = createPanelStore({ transport, tabId, decode: decodeCookie, backoff: { baseMs: 10, maxMs: 40 }, now: () => 1_796_000_000_000, autoCompanion: false });
  return { store, background, fake };
}

afterEach(() => { vi.useRealTimers(); });

describe('createPanelStore', () => {
  it('subscribes for its tab and loads the snapshot', async () => {
    const { store, background } = await setup();
    store.actions.start();
    expect(background.received[0]).toMatchObject({ v: 1, type: 'subscribe', payload: { tabId: 1 } });
    const s = store.getState();
    expect(s.connection.status).toBe('connected');
    expect(s.cookies.list.map((c) => c.name).sort()).toEqual(['_ga', 'auth_token', 'csrftoken', 'sessionid']);
    expect(s.cookies.list.find((c) => c.name === '_ga')?.thirdParty).toBe(true);
    expect(s.timeline.raw.length).toBeGreaterThan(0);
    expect(s.settings.companionUrl).toBe('http://localhost:8765');
  });

  it('without a tab id it stays idle and says so', async () => {
    const { store, background } = await setup(null);
    store.actions.start();
    expect(background.received).toHaveLength(0);
    expect(store.getState().connection.status).toBe('no-tab');
  });

  it('reconnects with backoff after the worker stops and resumes the timeline without duplicates', async () => {
    vi.useFakeTimers();
    const { store, background, fake } = await setup();
    store.actions.start();
    const held = store.getState().timeline.raw.length;
    background.drop('worker stopped');
    expect(store.getState().connection).toMatchObject({ status: 'disconnected', attempts: 1 });
    await vi.advanceTimersByTimeAsync(10);
    expect(background.connections).toBe(2);
    expect(background.received.at(-1)).toMatchObject({ type: 'subscribe', payload: { tabId: 1, since: 8 } });
    expect(store.getState().connection.status).toBe('connected');
    expect(store.getState().timeline.raw).toHaveLength(held);
    fake.pushEvents([{ kind: 'navigation', seq: 9, time: 1, tabId: 1, url: 'http://localhost/' }]);
    expect(store.getState().timeline.raw).toHaveLength(held + 1);
    store.actions.stop();
  });

  it('backs off exponentially up to the cap while the background is gone', async () => {
    vi.useFakeTimers();
    const { transport } = createMemoryTransport();
    let attempts = 0;
    const failing = { connect: () => { attempts++; throw new Error('Could not establish connection'); } };
    const store = createPanelStore({ transport: failing, tabId: 1, backoff: { baseMs: 10, maxMs: 40 } });
    void transport;
    store.actions.start();
    expect(attempts).toBe(1);
    await vi.advanceTimersByTimeAsync(10); expect(attempts).toBe(2);
    await vi.advanceTimersByTimeAsync(20); expect(attempts).toBe(3);
    await vi.advanceTimersByTimeAsync(39); expect(attempts).toBe(3);
    await vi.advanceTimersByTimeAsync(1); expect(attempts).toBe(4);
    expect(store.getState().connection).toMatchObject({ status: 'disconnected', lastError: 'Could not establish connection' });
    store.actions.stop();
  });

  it('decodes with the site secrets and caches by value and secrets', async () => {
    const { store } = await setup();
    store.actions.start();
    const session = store.getState().cookies.list.find((c) => c.name === 'sessionid')!;
    await store.actions.ensureDecoded(session.value, session.name, session.domain);
    const unverified = store.getState().decoded[decodeKey(undefined, session.value)].result;
    expect(unverified.format).toBe('django');
    expect(unverified.signature).toBe('unverified');
    await store.actions.saveSecrets(session.domain, [{ kind: 'django', value: DEMO_SECRET }], false);
    await store.actions.ensureDecoded(session.value, session.name, session.domain);
    const secrets = store.getState().secrets.bySite.localhost.secrets;
    const verified = store.getState().decoded[decodeKey(secrets, session.value)].result;
    expect(verified.signature).toBe('valid');
    expect(verified.payload).toMatchObject({ _auth_user_id: '42' });
  });

  it('loads stored secrets from the background once per site', async () => {
    const { store, fake, background } = await setup();
    fake.secrets.set('localhost', { secrets: [{ kind: 'django', value: 'k' }], persist: true });
    store.actions.start();
    await store.actions.loadSecrets('localhost');
    await store.actions.loadSecrets('.localhost');
    expect(store.getState().secrets.bySite.localhost).toEqual({ secrets: [{ kind: 'django', value: 'k' }], persist: true });
    expect(background.received.filter((m) => (m as { type: string }).type === 'getSecrets')).toHaveLength(1);
  });

  it('keyboard selection walks the visible rows and stops at the ends', async () => {
    const { store } = await setup();
    store.actions.start();
    store.actions.moveSelection(1);
    expect(store.getState().ui.selectedId).toBe(cookieId(store.getState().cookies.list.find((c) => c.name === '_ga')!));
    store.actions.moveSelection(-1);
    store.actions.moveSelection(-1);
    expect(store.getState().ui.selectedId).toContain('_ga');
    store.actions.moveSelection(10);
    expect(store.getState().ui.selectedId).toContain('sessionid');
  });

  it('refuses to re-sign a cookie of a non-loopback host by default', async () => {
    const { store } = await setup();
    store.actions.start();
    const ok = await store.actions.resignAndSet(makeCookieView('sid', 'example.com'), '{}');
    expect(ok).toBe(false);
    expect(store.getState().ui.notice?.text).toMatch(/limited to localhost/);
  });

  it('remote editing is an explicit setting that the background hears about', async () => {
    const { store, background } = await setup();
    store.actions.start();
    store.actions.setAllowRemoteEdit(true);
    expect(store.getState().settings.allowEditAnyHost).toBe(true);
    expect(background.received.at(-1)).toMatchObject({ type: 'setSettings', payload: { patch: { allowRemoteEdit: true } } });
    const ok = await store.actions.resignAndSet(makeCookieView('sid', 'example.com'), '{}');
    expect(ok).toBe(false);
    expect(store.getState().ui.notice?.text).toMatch(/Enter a secret/);
  });

  it('reports malformed background messages instead of storing them', async () => {
    const { store, background } = await setup();
    store.actions.start();
    background.post({ v: 1, type: 'cookies', payload: 'nope' });
    expect(store.getState().connection.lastError).toMatch(/no payload object/);
    expect(store.getState().cookies.list).toHaveLength(4);
  });
});

function makeCookieView(name: string, domain: string) {
  const c = makeCookie(name, 'v', domain);
  return { ...c, expires: null, sameSite: 'lax' as const, partitionKey: null, priority: null, thirdParty: false };
}
