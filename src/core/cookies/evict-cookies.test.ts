import { describe, expect, it } from 'vitest';
import { applySetCookies } from './apply-set-cookie.ts';
import { evictionKey } from './evict-cookies.ts';

const NOW = Date.UTC(2026, 10, 30, 12);
const many = (n: number, prefix: string, attrs = '') => Array.from({ length: n }, (_, i) => `${prefix}${i}=1${attrs}`);
const run = (headers: string[], url = 'https://x.test/') => applySetCookies({ url, headers, jar: [], now: NOW });
const names = (jar: { name: string }[]) => new Set(jar.map((c) => c.name));

describe('per-site cookie limit', () => {
  it('keeps up to 180 cookies untouched', () => {
    expect(run(many(180, 'c')).jar).toHaveLength(180);
  });

  it('purges to 150 least recently used when the 181st arrives, and reports the evicted', () => {
    const { jar, decisions } = run(many(190, 'c'));
    expect(jar).toHaveLength(159);
    expect(names(jar).has('c30')).toBe(false);
    expect(names(jar).has('c31')).toBe(true);
    expect(decisions[180].evicted?.map((c) => c.name)).toEqual(many(31, 'c').map((h) => h.split('=')[0]));
  });

  it('evicts non-secure cookies before secure ones', () => {
    const { jar } = run([...many(150, 's', '; Secure'), ...many(31, 'n')]);
    expect([...names(jar)].every((n) => n.startsWith('s'))).toBe(true);
  });

  it('evicts low priority first but protects a quota of 30 of them', () => {
    const { jar } = run([...many(40, 'l', '; Priority=Low'), ...many(141, 'm')]);
    expect(jar.filter((c) => c.name.startsWith('l'))).toHaveLength(30);
    expect(jar.filter((c) => c.name.startsWith('m'))).toHaveLength(120);
  });

  it('counts every host of one registrable domain together', () => {
    const first = run(many(100, 'c'));
    const { jar } = applySetCookies({ url: 'https://sub.x.test/', headers: many(81, 'd', '; Domain=x.test'), jar: first.jar, now: NOW + 1 });
    expect(jar).toHaveLength(150);
    expect(names(jar).has('c30')).toBe(false);
    expect(evictionKey(jar[0])).toBe(evictionKey(jar[jar.length - 1]));
  });
});
