import { describe, expect, it } from 'vitest';
import type { CookieRecord, TimelineEvent } from '../protocol/index.ts';
import { applyCookieDelta, historyOf, mergeEvents } from './reducers.ts';

const nav = (seq: number): TimelineEvent => ({ kind: 'navigation', seq, time: seq, tabId: 1, url: 'http://a.test/' });
const cookie = (name: string, value: string, path = '/'): CookieRecord => ({
  name, value, domain: 'a.test', hostOnly: true, path, secure: false, httpOnly: false, sameSite: 'lax',
  session: true, storeId: '0', size: name.length + value.length,
});

describe('mergeEvents', () => {
  it('appends newer events and de-duplicates a replay after reconnect', () => {
    const held = [nav(1), nav(2), nav(3)];
    expect(mergeEvents(held, [nav(4)], 10).map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(mergeEvents(held, [nav(2), nav(3), nav(4)], 10).map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(mergeEvents(held, [nav(4), nav(5)], 3).map((e) => e.seq)).toEqual([3, 4, 5]);
  });
});

describe('applyCookieDelta', () => {
  it('upserts by identity and removes by key', () => {
    let jar = applyCookieDelta(new Map(), [cookie('a', '1'), cookie('a', '1', '/x')], []);
    expect(jar.size).toBe(2);
    jar = applyCookieDelta(jar, [cookie('a', '2')], [{ name: 'a', domain: 'a.test', path: '/x', storeId: '0' }]);
    expect([...jar.values()].map((c) => `${c.path}=${c.value}`)).toEqual(['/=2']);
  });
});

describe('historyOf', () => {
  it('lists the versions of one cookie', () => {
    const change = (seq: number, c: CookieRecord): TimelineEvent => ({
      kind: 'change', seq, time: seq, tabId: 1, cookie: c, removed: false, cause: 'explicit', source: 'http',
    });
    const events = [change(1, cookie('a', '1')), change(2, cookie('b', '1')), nav(3), change(4, cookie('a', '2'))];
    expect(historyOf(events, { name: 'a', domain: 'a.test', path: '/', storeId: '0' }).map((e) => e.seq)).toEqual([1, 4]);
  });
});
