import { describe, expect, it } from 'vitest';
import { ProvenanceTracker, type Hint } from './provenance.ts';
import { cookie } from './test-support.ts';

const hint = (over: Partial<Hint>): Hint => ({ via: 'http', time: 1000, tabId: 1, host: 'a.test', name: 'sid', value: 'v', deletion: false, origin: 'http://a.test/', ...over });

describe('ProvenanceTracker', () => {
  it('matches name, value and host, prefers the closest hint in time, and consumes it', () => {
    const p = new ProvenanceTracker(5000);
    p.note(hint({ time: 100, origin: 'early' }));
    p.note(hint({ time: 900, origin: 'close', via: 'script' }));
    p.note(hint({ time: 950, value: 'other' }));
    p.note(hint({ time: 950, host: 'evil.test' }));
    expect(p.attribute(cookie('sid', 'v'), false, 1000)).toEqual({ source: 'script', tabId: 1, origin: 'close' });
    expect(p.attribute(cookie('sid', 'v'), false, 1000)).toEqual({ source: 'http', tabId: 1, origin: 'early' });
    expect(p.attribute(cookie('sid', 'v'), false, 1000)).toEqual({ source: 'unknown', tabId: null });
  });

  it('claims in one lookup what explains and attribute would: the hint is consumed only when one explains', () => {
    const p = new ProvenanceTracker(5000);
    p.note(hint({ time: 900, origin: 'first' }));
    expect(p.claim(cookie('sid', 'other'), false, 1000)).toBeNull();
    expect(p.size).toBe(1);
    expect(p.claim(cookie('sid', 'v'), false, 1000)).toEqual({ source: 'http', tabId: 1, origin: 'first' });
    expect(p.size).toBe(0);
    expect(p.explains(cookie('sid', 'v'), false, 1000)).toBe(false);
  });

  it('matches deletions by name only and accepts parent-domain cookies from subdomain hosts', () => {
    const p = new ProvenanceTracker(5000);
    p.note(hint({ deletion: true, value: '', host: 'www.a.test' }));
    expect(p.explains(cookie('sid', 'old', 'a.test', { hostOnly: false }), true, 1000)).toBe(true);
    expect(p.explains(cookie('sid', 'old', 'a.test'), false, 1000)).toBe(false);
  });

  it('ignores hints outside the correlation window and stays bounded under a flood', () => {
    const p = new ProvenanceTracker(1000, 100);
    p.note(hint({ time: 0 }));
    expect(p.explains(cookie('sid', 'v'), false, 5000)).toBe(false);
    for (let i = 0; i < 1000; i++) p.note(hint({ time: 10_000 + i, name: `n${i}` }));
    expect(p.size).toBeLessThanOrEqual(100);
    expect(p.explains(cookie('n999', 'v'), false, 11_000)).toBe(true);
  });
});
