import { describe, expect, it } from 'vitest';
import { makeMessage, type ContentToBackground } from '../core/protocol/index.ts';
import { cookie, createRecordingAnalyzer, respond, settle, start, tabEvents } from './test-support.ts';

const content = <K extends keyof ContentToBackground>(type: K, payload: ContentToBackground[K]) =>
  makeMessage<ContentToBackground, K>(type, payload);

describe('capture pipeline', () => {
  it('attributes a cookie set by a response to HTTP, with the response URL', async () => {
    const { platform, bg } = await start();
    respond(platform, 7, 'http://a.test/login', ['sid=abc; Path=/; HttpOnly'], [cookie('sid', 'abc', 'a.test', { httpOnly: true })]);
    await settle(platform, bg);
    const events = await tabEvents(bg, 7);
    expect(events.map((e) => e.kind)).toEqual(['set-cookie', 'change']);
    expect(events[1]).toMatchObject({ kind: 'change', source: 'http', origin: 'http://a.test/login', removed: false, cause: 'explicit' });
  });

  it('attributes a document.cookie write to the reporting script even though the report arrives after the change', async () => {
    const { platform, bg } = await start();
    respond(platform, 3, 'http://a.test/', []);
    platform.cookies.store(cookie('theme', 'dark'));
    await platform.clock.advance(1000); // Firefox on a busy page load: the report comes long after the change
    const reply = await platform.messaging.send(content('scriptWrites', { url: 'ignored', writes: [
      { api: 'document.cookie', text: 'theme=dark; path=/', scriptUrl: 'http://a.test/app.js', time: platform.clock.now() - 40 },
    ] }), platform.messaging.contentSender(3, 'http://a.test/'));
    expect(reply).toEqual({ ok: true });
    await settle(platform, bg);
    const change = (await tabEvents(bg, 3)).find((e) => e.kind === 'change');
    expect(change).toMatchObject({ source: 'script', origin: 'http://a.test/app.js' });
  });

  it('files an explained change at once and an unexplained one after the hold, as unknown', async () => {
    const { platform, bg } = await start();
    respond(platform, 1, 'http://a.test/', ['fast=1'], [cookie('fast', '1')]);
    platform.cookies.store(cookie('mystery', '1'));
    await platform.clock.advance(100);
    const early = (await bg.debugState(1)).tabs[0].events.filter((e) => e.kind === 'change');
    expect(early.map((e) => e.kind === 'change' && e.cookie.name)).toEqual(['fast']);
    await settle(platform, bg);
    const late = (await tabEvents(bg, 1)).filter((e) => e.kind === 'change');
    expect(late.map((e) => e.kind === 'change' && `${e.cookie.name}:${e.source}`)).toEqual(['fast:http', 'mystery:unknown']);
  });

  it('releases a held change when the header that explains it arrives late, and only that one', async () => {
    const { platform, bg } = await start();
    respond(platform, 1, 'http://a.test/', []);
    platform.cookies.store(cookie('sid', 'one'));
    platform.cookies.store(cookie('other', 'x'));
    platform.cookies.store(cookie('sid', 'two', 'b.test'));
    await platform.clock.advance(100);
    expect((await bg.debugState()).heldChanges).toBe(3);
    // a Set-Cookie for sid=one (Firefox delivers webRequest after the store change): same name, other values stay held
    respond(platform, 1, 'http://a.test/set', ['sid=one'], []);
    await platform.clock.advance(100);
    expect((await bg.debugState()).heldChanges).toBe(2);
    const changes = (await tabEvents(bg, 1)).filter((e) => e.kind === 'change');
    expect(changes.map((e) => e.kind === 'change' && `${e.cookie.name}=${e.cookie.value}:${e.source}:${e.origin}`)).toEqual(['sid=one:http:http://a.test/set']);
    await settle(platform, bg);
    expect((await bg.debugState()).heldChanges).toBe(0);
  });

  it('folds an overwrite (removal + add) into one change with cause overwrite', async () => {
    const { platform, bg } = await start();
    respond(platform, 1, 'http://a.test/', ['n=1'], [cookie('n', '1')]);
    await settle(platform, bg);
    respond(platform, 1, 'http://a.test/', ['n=2'], [cookie('n', '2')]);
    await settle(platform, bg);
    const changes = (await tabEvents(bg, 1)).filter((e) => e.kind === 'change');
    expect(changes.map((e) => e.kind === 'change' && `${e.cookie.value}:${e.cause}:${e.source}`)).toEqual(['1:explicit:http', '2:overwrite:http']);
  });

  it('reports a Set-Cookie the store never received as blocked, with the model reason', async () => {
    const analyzer = createRecordingAnalyzer();
    const { platform, bg } = await start(undefined, analyzer);
    respond(platform, 2, 'http://a.test/', ['x=1; SameSite=None', 'ok=1'], [cookie('ok', '1')]);
    await settle(platform, bg, 3000);
    const blocked = (await tabEvents(bg, 2)).filter((e) => e.kind === 'blocked');
    expect(blocked).toEqual([expect.objectContaining({ name: 'x', reason: 'TestReason', url: 'http://a.test/' })]);
    expect(analyzer.calls).toContain('blocked 2 x=1; SameSite=None');
  });

  it('does not call a deletion or an identical re-set blocked', async () => {
    const { platform, bg } = await start();
    platform.cookies.jar.clear();
    respond(platform, 2, 'http://a.test/', ['gone=; Max-Age=0']);
    platform.cookies.store(cookie('same', 'v'));
    await settle(platform, bg);
    respond(platform, 2, 'http://a.test/', ['same=v']); // browser already has it: no change event
    await settle(platform, bg, 3000);
    expect((await tabEvents(bg, 2)).filter((e) => e.kind === 'blocked')).toEqual([]);
  });

  it('files a change under every tab that talked to the cookie host and ignores tab -1', async () => {
    const { platform, bg } = await start();
    respond(platform, 1, 'http://a.test/', []);
    respond(platform, 2, 'http://www.a.test/', []);
    respond(platform, -1, 'http://a.test/sw', ['w=1'], [cookie('w', '1', 'a.test', { hostOnly: false })]);
    await settle(platform, bg);
    const state = await bg.debugState();
    expect(state.tabs.map((t) => [t.tabId, t.events.filter((e) => e.kind === 'change').length])).toEqual([[1, 1], [2, 1]]);
  });

  it('bounds each tab at the configured limit and counts what it dropped', async () => {
    const { platform, bg } = await start();
    const port = platform.messaging.connect('sessionscope-panel', platform.messaging.pageSender());
    port.postMessage({ v: 1, type: 'setSettings', id: 1, payload: { patch: { timelineLimit: 100 } } });
    await settle(platform, bg, 10);
    for (let i = 0; i < 250; i++) {
      platform.traffic.request({ tabId: 4, frameId: 0, url: `http://a.test/${i}`, method: 'GET', type: 'xhr', time: i, cookieHeader: 'a=1' });
    }
    await settle(platform, bg);
    const [tab] = (await bg.debugState(4)).tabs;
    expect([tab.size, tab.dropped, tab.events[0].seq, tab.lastSeq]).toEqual([100, 150, 151, 250]);
  });

  it('forgets a closed tab', async () => {
    const analyzer = createRecordingAnalyzer();
    const { platform, bg } = await start(undefined, analyzer);
    respond(platform, 9, 'http://a.test/', ['a=1'], [cookie('a', '1')]);
    await settle(platform, bg);
    platform.tabs.close(9);
    await settle(platform, bg);
    expect((await bg.debugState()).tabs).toEqual([]);
    expect(analyzer.calls).toContain('forget 9');
  });
});
