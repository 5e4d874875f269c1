import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../model/types.ts';
import { deriveTimeline } from './derive-timeline.ts';

let seq = 0;
const ev = (kind: TimelineEvent['kind'], name: string, value: string | null, previousValue: string | null = null): TimelineEvent =>
  ({ id: String(++seq), at: seq, kind, name, domain: 'a.test', path: '/', value, previousValue });

describe('deriveTimeline', () => {
  it('folds an overwrite (removal + set) into one step carrying the previous value', () => {
    const rows = deriveTimeline([ev('set-http', 'pref', 'a'), ev('replaced', 'pref', null, 'a'), ev('set-script', 'pref', 'b')]);
    expect(rows.map((r) => [r.kind, r.previousValue ?? null, r.value])).toEqual([['set-http', null, 'a'], ['overwritten', 'a', 'b']]);
    expect(rows[1].detail).toBe('by script');
  });

  it('calls a new opaque id under a session name a key rotation', () => {
    const k1 = 'abcdefghijklmnop0123456789abcdef', k2 = 'zyxwvutsrqponmlk0123456789abcdef';
    const rows = deriveTimeline([ev('set-http', 'sessionid', k1), ev('replaced', 'sessionid', null, k1), ev('set-http', 'sessionid', k2)]);
    expect(rows.map((r) => r.kind)).toEqual(['set-http', 'key-rotated']);
  });

  it('keeps deletions and expiries, and a set after a deletion is a fresh set', () => {
    const rows = deriveTimeline([ev('set-http', 's', 'x'), ev('deleted', 's', null, 'x'), ev('set-http', 's', 'y'), ev('expired', 's', null, 'y'), ev('login', '', null)]);
    expect(rows.map((r) => r.kind)).toEqual(['set-http', 'deleted', 'set-http', 'expired', 'login']);
  });
});
