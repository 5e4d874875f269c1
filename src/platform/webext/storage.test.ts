import { describe, expect, it } from 'vitest';
import type { Storage } from 'webextension-polyfill';
import { createWebextArea } from './storage.ts';

/** A stand-in for chrome.storage.session that keeps exactly what it is given. */
function rawArea(): { area: Storage.StorageArea; data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  const area = {
    get: async (keys: string[]) => Object.fromEntries(keys.filter((k) => data.has(k)).map((k) => [k, data.get(k)])),
    set: async (items: Record<string, unknown>) => { for (const [k, v] of Object.entries(items)) data.set(k, v); },
    remove: async (keys: string[]) => { for (const k of keys) data.delete(k); },
  };
  return { area: area as unknown as Storage.StorageArea, data };
}

describe('createWebextArea', () => {
  it('with jsonValues, stores one string per value and reads the same values back', async () => {
    const { area, data } = rawArea();
    const kv = createWebextArea(area, { jsonValues: true });
    const segment = [{ seq: 1, kind: 'response', cookieNames: ['a', 'b'], time: 1.5 }, { seq: 2, url: 'http://x.test/"\n' }];
    await kv.set({ seg: segment, meta: { n: 0, hosts: [] }, text: 'plain', count: 3, none: null });
    for (const v of data.values()) expect(typeof v).toBe('string');
    expect(await kv.get(['seg', 'meta', 'text', 'count', 'none', 'missing']))
      .toEqual({ seg: segment, meta: { n: 0, hosts: [] }, text: 'plain', count: 3, none: null });
    await kv.remove(['seg']);
    expect(await kv.get(['seg'])).toEqual({});
  });

  it('reads records written before the encoding (objects and plain strings) as they are', async () => {
    const { area, data } = rawArea();
    data.set('old', { tabIds: [1, 2] });
    data.set('str', '{"not":"encoded"}');
    expect(await createWebextArea(area, { jsonValues: true }).get(['old', 'str'])).toEqual({ old: { tabIds: [1, 2] }, str: '{"not":"encoded"}' });
  });

  it('without jsonValues, hands values through untouched', async () => {
    const { area, data } = rawArea();
    await createWebextArea(area).set({ settings: { badge: true } });
    expect(data.get('settings')).toEqual({ badge: true });
  });
});
