import { describe, expect, it } from 'vitest';
import { createState, idsAreDistinct, rememberId } from './state.ts';

describe('rememberId', () => {
  it('keeps the last 200 ids per name (no immediate repeat) and knows whether any id repeats', () => {
    const state = createState({});
    rememberId(state, 'sid', 'a'); rememberId(state, 'sid', 'a'); rememberId(state, 'sid', 'b');
    expect(state.ids.get('sid')).toEqual(['a', 'b']);
    expect(idsAreDistinct(state, 'sid')).toBe(true);
    rememberId(state, 'sid', 'a');
    expect(idsAreDistinct(state, 'sid')).toBe(false);
    expect(idsAreDistinct(state, 'other')).toBe(true);
    // the first 'a' leaves the window: distinct again
    for (let i = 0; i < 197; i++) rememberId(state, 'sid', `id${i}`);
    expect(state.ids.get('sid')).toHaveLength(200);
    expect(state.ids.get('sid')![0]).toBe('a');
    expect(idsAreDistinct(state, 'sid')).toBe(false);
    rememberId(state, 'sid', 'last');
    expect(state.ids.get('sid')!.slice(0, 2)).toEqual(['b', 'a']);
    expect(idsAreDistinct(state, 'sid')).toBe(true);
  });
});
