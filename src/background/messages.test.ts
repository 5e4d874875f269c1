import { describe, expect, it } from 'vitest';
import { makeMessage, type BackgroundToPanel, type ContentToBackground, type PanelToBackground } from '../core/protocol/index.ts';
import { flushMicrotasks, type MemoryPort } from '../platform/memory/index.ts';
import { cookie, createRecordingAnalyzer, finding, respond, settle, start } from './test-support.ts';

type Msg = { type: keyof BackgroundToPanel; id?: number; payload: Record<string, unknown> };
const received = (port: MemoryPort) => port.received as Msg[];
const panelMsg = <K extends keyof PanelToBackground>(type: K, payload: PanelToBackground[K], id?: number) => makeMessage<PanelToBackground, K>(type, payload, id);
const contentMsg = <K extends keyof ContentToBackground>(type: K, payload: ContentToBackground[K]) => makeMessage<ContentToBackground, K>(type, payload);

async function openPanel() {
  const analyzer = createRecordingAnalyzer();
  const env = await start(undefined, analyzer);
  const port = env.platform.messaging.connect('sessionscope-panel', env.platform.messaging.pageSender());
  return { ...env, analyzer, port };
}

describe('panel port', () => {
  it('sends welcome + snapshot on subscribe, then incremental events, cookies and findings', async () => {
    const { platform, bg, port, analyzer } = await openPanel();
    respond(platform, 1, 'http://a.test/', ['a=1'], [cookie('a', '1')]);
    await settle(platform, bg);
    port.postMessage(panelMsg('subscribe', { tabId: 1 }, 5));
    await settle(platform, bg, 10);
    const [welcome, snapshot] = received(port);
    expect(welcome).toMatchObject({ type: 'welcome', id: 5, payload: { tabId: 1, protocol: 1 } });
    expect(snapshot.type).toBe('snapshot');
    expect((snapshot.payload.cookies as { name: string }[]).map((c) => c.name)).toEqual(['a']);
    expect(snapshot.payload.events).toHaveLength(2);
    analyzer.next = [finding('missing-httponly', 'b')];
    respond(platform, 1, 'http://a.test/', ['b=2'], [cookie('b', '2')]);
    await settle(platform, bg);
    expect(received(port).slice(2).map((m) => m.type)).toEqual(expect.arrayContaining(['events', 'cookies', 'findings']));
    const cookies = received(port).find((m) => m.type === 'cookies')!;
    expect(cookies.payload).toMatchObject({ tabId: 1, upsert: [expect.objectContaining({ name: 'b' })], remove: [] });
  });

  it('includes partitioned cookies, with their partition key, in the snapshot', async () => {
    const { platform, bg, port } = await openPanel();
    respond(platform, 1, 'https://embed.test/', ['chip=1; Secure; Partitioned; Path=/'],
      [cookie('chip', '1', 'embed.test', { secure: true, partitionKey: { topLevelSite: 'https://top.test' } }), cookie('plain', '2', 'embed.test')]);
    await settle(platform, bg);
    port.postMessage(panelMsg('subscribe', { tabId: 1 }));
    await settle(platform, bg, 10);
    const snap = received(port).find((m) => m.type === 'snapshot')!;
    const cookies = snap.payload.cookies as { name: string; partitionKey?: unknown }[];
    expect(cookies.map((c) => [c.name, c.partitionKey ?? null])).toEqual([['chip', { topLevelSite: 'https://top.test' }], ['plain', null]]);
  });

  it('resumes after a reconnect with only the events the panel missed', async () => {
    const { platform, bg, port } = await openPanel();
    respond(platform, 1, 'http://a.test/', ['a=1'], [cookie('a', '1')]);
    await settle(platform, bg);
    port.disconnect();
    respond(platform, 1, 'http://a.test/', ['b=1'], [cookie('b', '1')]);
    await settle(platform, bg);
    const again = platform.messaging.connect('sessionscope-panel', platform.messaging.pageSender());
    again.postMessage(panelMsg('subscribe', { tabId: 1, since: 2 }));
    await settle(platform, bg, 10);
    const snap = received(again).find((m) => m.type === 'snapshot')!;
    expect((snap.payload.events as { seq: number }[]).map((e) => e.seq)).toEqual([3, 4]);
  });

  it('refuses ports from content scripts, other extensions and unknown names', async () => {
    const { platform } = await openPanel();
    const fromPage = platform.messaging.connect('sessionscope-panel', platform.messaging.contentSender(1, 'http://evil.test/'));
    const foreign = platform.messaging.connect('sessionscope-panel', { ...platform.messaging.pageSender(), id: 'other' });
    const badName = platform.messaging.connect('whatever', platform.messaging.pageSender());
    await flushMicrotasks();
    expect([fromPage.connected, foreign.connected, badName.connected]).toEqual([false, false, false]);
  });

  it('answers malformed requests with a clear error and keeps the port', async () => {
    const { platform, bg, port } = await openPanel();
    port.postMessage({ v: 1, type: 'setCookie', id: 9, payload: { tabId: 1 } });
    await settle(platform, bg, 10);
    expect(received(port)).toEqual([{ v: 1, type: 'result', id: 9, payload: { ok: false, error: 'setCookie.cookie: missing' } }]);
    expect(port.connected).toBe(true);
  });

  it('edits cookies on loopback hosts only, unless the user allows it', async () => {
    const { platform, bg, port } = await openPanel();
    port.postMessage(panelMsg('setCookie', { tabId: 1, cookie: { url: 'https://bank.test/', name: 's', value: 'x' } }, 1));
    port.postMessage(panelMsg('setCookie', { tabId: 1, cookie: { url: 'http://127.0.0.1:8000/', name: 's', value: 'y' } }, 2));
    await settle(platform, bg, 10);
    const results = received(port).filter((m) => m.type === 'result');
    expect(results[0]).toMatchObject({ id: 1, payload: { ok: false, error: expect.stringContaining('localhost/loopback hosts only') } });
    expect(results[1]).toMatchObject({ id: 2, payload: { ok: true } });
    expect([...platform.cookies.jar.values()].map((c) => `${c.domain}:${c.value}`)).toEqual(['127.0.0.1:y']);
    port.postMessage(panelMsg('setSettings', { patch: { allowRemoteEdit: true } }, 3));
    port.postMessage(panelMsg('setCookie', { tabId: 1, cookie: { url: 'https://bank.test/', name: 's', value: 'x' } }, 4));
    await settle(platform, bg, 10);
    expect(received(port).find((m) => m.id === 4)?.payload).toEqual({ ok: true });
  });

  it('labels the extension own edits as such in the timeline', async () => {
    const { platform, bg, port } = await openPanel();
    respond(platform, 1, 'http://localhost:8000/', []);
    port.postMessage(panelMsg('setCookie', { tabId: 1, cookie: { url: 'http://localhost:8000/', name: 's', value: 'z' } }, 1));
    await settle(platform, bg);
    const change = (await bg.debugState(1)).tabs[0].events.find((e) => e.kind === 'change');
    expect(change).toMatchObject({ source: 'extension' });
  });

  it('keeps secrets in storage.session unless persistence is opted into', async () => {
    const { platform, bg, port } = await openPanel();
    const secrets = [{ kind: 'django' as const, value: 'dev-key' }];
    port.postMessage(panelMsg('setSecrets', { site: 'localhost', secrets, persist: false }, 1));
    await settle(platform, bg, 10);
    expect([...platform.session.data.keys()]).toContain('ss:secrets:localhost');
    expect([...platform.local.data.keys()]).not.toContain('ss:secrets:localhost');
    port.postMessage(panelMsg('setSecrets', { site: 'localhost', secrets, persist: true }, 2));
    port.postMessage(panelMsg('getSecrets', { site: 'localhost' }, 3));
    await settle(platform, bg, 10);
    expect(received(port).find((m) => m.id === 3)).toMatchObject({ type: 'secrets', payload: { secrets, persist: true } });
    expect([...platform.session.data.keys()]).not.toContain('ss:secrets:localhost');
  });
});

describe('runtime messages', () => {
  it('takes tab and page URL from the sender, never from the payload', async () => {
    const { platform, bg } = await start();
    await platform.messaging.send(contentMsg('passwordSubmit', { url: 'http://forged.test/', action: 'http://a.test/login' }),
      platform.messaging.contentSender(4, 'http://a.test/login'));
    await settle(platform, bg, 10);
    const [tab] = (await bg.debugState(4)).tabs;
    expect(tab.events[0]).toMatchObject({ kind: 'login', pageUrl: 'http://a.test/login', tabId: 4 });
  });

  it('ignores other extensions, non-tab senders, subframes, and content-script debug requests', async () => {
    const { platform } = await start();
    const m = platform.messaging;
    const hello = contentMsg('hello', { url: 'http://a.test/' });
    expect(await m.send(hello, { ...m.contentSender(1, 'http://a.test/'), id: 'evil' })).toBeUndefined();
    expect(await m.send(hello, { id: m.runtimeId, url: 'http://a.test/' })).toBeUndefined();
    expect(await m.send(hello, { ...m.contentSender(1, 'http://a.test/'), frameId: 3 })).toBeUndefined();
    expect(await m.send({ v: 1, type: 'debugState', payload: {} }, m.contentSender(1, 'http://a.test/')))
      .toEqual({ ok: false, error: 'unknown message type "debugState"' });
    expect(await m.send({ v: 1, type: 'debugState', payload: {} }, m.pageSender())).toMatchObject({ tabs: [] });
  });

  it('rate-limits a flooding page', async () => {
    const { platform } = await start();
    const sender = platform.messaging.contentSender(1, 'http://a.test/');
    const replies = [];
    for (let i = 0; i < 100; i++) replies.push(await platform.messaging.send(contentMsg('readableCookies', { url: 'x', names: ['a'] }), sender));
    expect(replies.filter((r) => (r as { error?: string }).error === 'rate limited').length).toBeGreaterThan(30);
  });

  it('answers hello with the badge state and lets a page switch its own badge off only', async () => {
    const analyzer = createRecordingAnalyzer();
    const { platform, bg } = await start(undefined, analyzer);
    analyzer.next = [finding('missing-secure', 'sid')];
    respond(platform, 1, 'http://a.test/', ['sid=1'], [cookie('sid', '1')]);
    await settle(platform, bg);
    const sender = platform.messaging.contentSender(1, 'http://a.test/');
    expect(await platform.messaging.send(contentMsg('hello', { url: 'http://a.test/' }), sender))
      .toEqual({ enabled: true, items: [{ rule: 'missing-secure', severity: 'high', cookieName: 'sid', message: 'missing-secure on sid' }] });
    expect(platform.messaging.toTabs.at(-1)).toMatchObject({ tabId: 1, message: { type: 'findings' } });
    expect(await platform.messaging.send(contentMsg('disableBadge', { site: 'other.test' }), sender)).toEqual({ ok: false, error: 'site mismatch' });
    expect(await platform.messaging.send(contentMsg('disableBadge', { site: 'a.test' }), sender)).toEqual({ ok: true });
    expect(await platform.messaging.send(contentMsg('hello', { url: 'http://a.test/' }), sender)).toEqual({ enabled: false, items: [] });
  });

  it('checks readable cookies against the store and hands the analyzer store values', async () => {
    const analyzer = createRecordingAnalyzer();
    const { platform, bg } = await start(undefined, analyzer);
    platform.cookies.store(cookie('sessionid', 'store-value'));
    platform.cookies.store(cookie('secret', 'h', 'a.test', { httpOnly: true }));
    await platform.messaging.send(contentMsg('readableCookies', { url: 'x', names: ['sessionid', 'secret', 'nope'] }),
      platform.messaging.contentSender(1, 'http://a.test/'));
    await settle(platform, bg, 10);
    expect(analyzer.calls).toContain('scriptRead 1 sessionid=store-value');
  });
});
