import { describe, expect, it } from 'vitest';
import { createMemoryPlatform, MemoryArea } from '../platform/memory/index.ts';
import { PERSIST_DELAY_MS, SEGMENT_EVENTS } from './persistence.ts';
import { cookie, finding, createRecordingAnalyzer, respond, settle, start, tabEvents } from './test-support.ts';

/** A stopped worker: same storage and cookie store, new background instance, old listeners gone. */
async function restart(prev: ReturnType<typeof createMemoryPlatform>) {
  prev.cookies.detachListeners();
  return start(createMemoryPlatform({ session: prev.session, local: prev.local, cookies: prev.cookies, clock: prev.clock, tabs: prev.tabs }));
}

describe('persistence', () => {
  it('restores timelines, findings and the sequence after a worker restart', async () => {
    const analyzer = createRecordingAnalyzer();
    const { platform, bg } = await start(undefined, analyzer);
    analyzer.next = [finding('missing-httponly', 'sid')];
    respond(platform, 5, 'http://a.test/', ['sid=1'], [cookie('sid', '1')]);
    await settle(platform, bg);
    const before = await bg.debugState(5);
    const second = await restart(platform);
    const after = await second.bg.debugState(5);
    expect(after.tabs[0].events).toEqual(before.tabs[0].events);
    expect(after.tabs[0].findings.map((f) => f.rule)).toEqual(['missing-httponly']);
    respond(second.platform, 5, 'http://a.test/', ['sid=2'], [cookie('sid', '2')]);
    await settle(second.platform, second.bg);
    const seqs = (await tabEvents(second.bg, 5)).map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(seqs[seqs.length - 1]).toBeGreaterThan(before.tabs[0].lastSeq);
  });

  it('loses at most the events of the last persistence window', async () => {
    const { platform, bg } = await start();
    for (let i = 0; i < 30; i++) platform.traffic.request({ tabId: 1, frameId: 0, url: `http://a.test/${i}`, method: 'GET', type: 'xhr', time: i, cookieHeader: 'a=1' });
    await settle(platform, bg, PERSIST_DELAY_MS + 50);
    platform.traffic.request({ tabId: 1, frameId: 0, url: 'http://a.test/late', method: 'GET', type: 'xhr', time: 99, cookieHeader: 'a=1' });
    await platform.clock.advance(30); // processed but the worker stops before the next save
    const second = await restart(platform);
    expect((await tabEvents(second.bg, 1)).length).toBe(30);
  });

  it('rewrites the findings record only when findings were added, and restores them', async () => {
    const analyzer = createRecordingAnalyzer();
    const { platform, bg } = await start(undefined, analyzer);
    const written: string[] = [];
    const set = platform.session.set.bind(platform.session);
    platform.session.set = (items) => { written.push(...Object.keys(items)); return set(items); };
    analyzer.next = [finding('missing-httponly', 'sid')];
    respond(platform, 3, 'http://a.test/', ['sid=1'], [cookie('sid', '1')]);
    await settle(platform, bg);
    expect(written.filter((k) => k.includes('findings'))).toHaveLength(1);
    respond(platform, 3, 'http://a.test/', ['sid=2'], [cookie('sid', '2')]);
    await settle(platform, bg);
    expect(written.filter((k) => k.includes('findings'))).toHaveLength(1);
    expect(written.filter((k) => k === 'ss:v1:tab:3').length).toBeGreaterThan(1);
    const second = await restart(platform);
    expect((await second.bg.debugState(3)).tabs[0].findings.map((f) => f.rule)).toEqual(['missing-httponly']);
  });

  it('rewrites only the newest segment on each save', async () => {
    const { platform, bg } = await start();
    const push = (n: number) => { for (let i = 0; i < n; i++) platform.traffic.request({ tabId: 1, frameId: 0, url: 'http://a.test/', method: 'GET', type: 'xhr', time: i, cookieHeader: 'a=1' }); };
    push(SEGMENT_EVENTS * 3);
    await settle(platform, bg);
    const keys = [...platform.session.data.keys()].filter((k) => k.includes('tab:1:')).sort();
    expect(keys).toHaveLength(3);
    const before = new Map(keys.map((k) => [k, platform.session.data.get(k)]));
    push(1);
    await settle(platform, bg);
    const changed = keys.filter((k) => platform.session.data.get(k) !== before.get(k));
    expect(changed).toEqual([]);
    expect([...platform.session.data.keys()].filter((k) => k.includes('tab:1:'))).toHaveLength(4);
  });

  it('drops persisted segments the bounded buffer evicted, and deletes a closed tab', async () => {
    const { platform, bg } = await start();
    const port = platform.messaging.connect('sessionscope-panel', platform.messaging.pageSender());
    port.postMessage({ v: 1, type: 'setSettings', id: 1, payload: { patch: { timelineLimit: 300 } } });
    await settle(platform, bg, 10);
    for (let i = 0; i < 1000; i++) platform.traffic.request({ tabId: 2, frameId: 0, url: 'http://a.test/', method: 'GET', type: 'xhr', time: i, cookieHeader: 'a=1' });
    await settle(platform, bg);
    expect([...platform.session.data.keys()].filter((k) => k.includes('tab:2:')).length).toBeLessThanOrEqual(Math.ceil(300 / SEGMENT_EVENTS));
    const second = await restart(platform);
    const [tab] = (await second.bg.debugState(2)).tabs;
    expect([tab.size, tab.dropped, tab.lastSeq]).toEqual([300, 700, 1000]);
    second.platform.tabs.close(2);
    await settle(second.platform, second.bg);
    expect([...second.platform.session.data.keys()].filter((k) => k.includes('tab:2'))).toEqual([]);
  });

  it('keeps less history instead of failing when storage.session is full', async () => {
    const platform = createMemoryPlatform({ session: new MemoryArea(60_000) });
    const { bg } = await start(platform);
    for (let i = 0; i < 2000; i++) platform.traffic.request({ tabId: 1, frameId: 0, url: `http://a.test/${i}`, method: 'GET', type: 'xhr', time: i, cookieHeader: 'a=1' });
    await settle(platform, bg, 5000);
    expect(platform.session.bytes).toBeLessThanOrEqual(60_000);
    expect(bg.persistence.segmentCap).toBeLessThan(400);
    const second = await restart(platform);
    const [tab] = (await second.bg.debugState(1)).tabs;
    expect(tab.size).toBeGreaterThan(0);
    expect(tab.size + tab.dropped).toBe(2000);
  });

  it('after a quota failure writes only what earlier saves did not, and drops the oldest segments', async () => {
    const push = (p: ReturnType<typeof createMemoryPlatform>, from: number, n: number) => {
      for (let i = from; i < from + n; i++) p.traffic.request({ tabId: 1, frameId: 0, url: `http://a.test/${i}`, method: 'GET', type: 'xhr', time: i, cookieHeader: 'a=1' });
    };
    // bytes 1,000 events take, measured without a quota; then a quota that holds 800 of them but not 1,000
    const free = await start();
    push(free.platform, 0, SEGMENT_EVENTS * 10);
    await settle(free.platform, free.bg);
    const quota = Math.floor(free.platform.session.bytes * 0.9);
    const platform = createMemoryPlatform({ session: new MemoryArea(quota) });
    const { bg } = await start(platform);
    const writes: number[] = [];
    const set = platform.session.set.bind(platform.session);
    platform.session.set = (items) => {
      writes.push(Object.entries(items).filter(([k]) => /tab:1:\d+$/.test(k)).reduce((n, [, v]) => n + (v as unknown[]).length, 0));
      return set(items);
    };
    const warn = console.warn;
    console.warn = () => {};
    try {
      push(platform, 0, SEGMENT_EVENTS * 8);
      await settle(platform, bg);
      push(platform, SEGMENT_EVENTS * 8, SEGMENT_EVENTS * 2);
      await settle(platform, bg);
    } finally {
      console.warn = warn;
    }
    // 800 saved, 200 refused, then the same 200 again (not all 500 the halved cap keeps)
    expect(writes).toEqual([SEGMENT_EVENTS * 8, SEGMENT_EVENTS * 2, SEGMENT_EVENTS * 2]);
    expect(bg.persistence.segmentCap).toBe(5);
    expect([...platform.session.data.keys()].filter((k) => /tab:1:\d+$/.test(k)).sort()).toEqual([5, 6, 7, 8, 9].map((n) => `ss:v1:tab:1:${n}`));
    const second = await restart(platform);
    const [tab] = (await second.bg.debugState(1)).tabs;
    expect([tab.size, tab.dropped, tab.lastSeq]).toEqual([SEGMENT_EVENTS * 5, SEGMENT_EVENTS * 5, SEGMENT_EVENTS * 10]);
    expect(tab.events.map((e) => e.seq)).toEqual(Array.from({ length: SEGMENT_EVENTS * 5 }, (_, i) => SEGMENT_EVENTS * 5 + i + 1));
  });

  it('skips (and says so) a tab whose stored state is garbage', async () => {
    const platform = createMemoryPlatform();
    await platform.session.set({ 'ss:v1:index': { tabIds: [1] }, 'ss:v1:tab:1': 'junk' });
    const { bg } = await start(platform);
    expect((await bg.debugState()).tabs).toEqual([]);
  });
});
