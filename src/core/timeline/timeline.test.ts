import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { NewTimelineEvent } from '../protocol/index.ts';
import { RingBuffer } from './ring-buffer.ts';
import { Timeline } from './timeline.ts';

const nav = (i: number): NewTimelineEvent => ({ kind: 'navigation', time: i, tabId: 1, url: `http://a.test/${i}` });

describe('RingBuffer', () => {
  it('keeps the newest items in order and reports evictions', () => {
    const r = new RingBuffer<number>(3);
    expect([1, 2, 3].map((n) => r.push(n))).toEqual([undefined, undefined, undefined]);
    expect(r.push(4)).toBe(1);
    expect(r.toArray()).toEqual([2, 3, 4]);
    expect(r.last(2)).toEqual([3, 4]);
  });

  it('refuses a nonsense capacity with a clear error', () => {
    expect(() => new RingBuffer(0)).toThrow(/positive integer/);
  });

  it('matches a plain array model for any push sequence', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 20 }), fc.array(fc.integer(), { maxLength: 100 }), (cap, xs) => {
      const r = new RingBuffer<number>(cap);
      xs.forEach((x) => r.push(x));
      expect(r.toArray()).toEqual(xs.slice(Math.max(0, xs.length - cap)));
    }));
  });
});

describe('Timeline', () => {
  it('bounds the buffer, counts drops and keeps sequence numbers monotonic', () => {
    const t = new Timeline(100);
    for (let i = 0; i < 250; i++) t.push(nav(i));
    expect(t.size).toBe(100);
    expect(t.dropped).toBe(150);
    expect(t.all()[0].seq).toBe(151);
    expect(t.lastSeq).toBe(250);
  });

  it('returns only events after a given seq', () => {
    const t = new Timeline(10);
    for (let i = 0; i < 15; i++) t.push(nav(i));
    expect(t.since(12).map((e) => e.seq)).toEqual([13, 14, 15]);
    expect(t.since(0).map((e) => e.seq)).toEqual([6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    expect(t.since(15)).toEqual([]);
  });

  it('shrinking the limit drops the oldest and counts them', () => {
    const t = new Timeline(10);
    for (let i = 0; i < 10; i++) t.push(nav(i));
    t.setLimit(4);
    expect(t.all().map((e) => e.seq)).toEqual([7, 8, 9, 10]);
    expect(t.dropped).toBe(6);
  });

  it('round-trips through bounded persistence data, continuing the sequence', () => {
    const t = new Timeline(50);
    for (let i = 0; i < 60; i++) t.push(nav(i));
    const data = JSON.parse(JSON.stringify(t.toData(20)));
    expect(data.events).toHaveLength(20);
    expect(data.dropped).toBe(40);
    const r = Timeline.fromData(data, 50);
    expect(r.all().map((e) => e.seq)).toEqual(t.all().slice(-20).map((e) => e.seq));
    expect(r.push(nav(99)).seq).toBe(61);
    expect(r.dropped).toBe(40);
  });

  it('restores only the contiguous tail when a persisted segment went missing', () => {
    const t = new Timeline(50);
    for (let i = 0; i < 10; i++) t.push(nav(i));
    const data = t.toData();
    data.events.splice(3, 2); // seqs 4 and 5 lost
    const r = Timeline.fromData(data, 50);
    expect(r.all().map((e) => e.seq)).toEqual([6, 7, 8, 9, 10]);
    expect(r.dropped).toBe(3);
    expect(r.since(7).map((e) => e.seq)).toEqual([8, 9, 10]);
  });
});
