import { describe, expect, it } from 'vitest';
import { HeldIndex, type Held } from './held-index.ts';
import { cookie } from './test-support.ts';

const held = (name: string, value: string, removed = false): Held =>
  ({ change: { cookie: cookie(name, value), removed, cause: 'explicit', time: 0 }, done: false });

describe('HeldIndex', () => {
  it('finds held sets by name and value, deletions by name alone', () => {
    const index = new HeldIndex();
    const a1 = held('sid', 'a'); const a2 = held('sid', 'a'); const b = held('sid', 'b'); const gone = held('sid', 'x', true);
    [a1, a2, b, gone].forEach((h) => index.add(h));
    expect(index.get('sid', 'a', false)).toEqual([a1, a2]);
    expect(index.get('sid', 'b', false)).toEqual([b]);
    expect(index.get('sid', 'anything', true)).toEqual([gone]);
    expect(index.get('sid', 'c', false)).toBeUndefined();
    expect(index.get('other', 'a', false)).toBeUndefined();
  });

  it('forgets a key once its last change is removed', () => {
    const index = new HeldIndex();
    const a1 = held('sid', 'a'); const a2 = held('sid', 'a'); const gone = held('sid', '', true);
    [a1, a2, gone].forEach((h) => index.add(h));
    index.remove(a1);
    expect(index.get('sid', 'a', false)).toEqual([a2]);
    index.remove(a2);
    index.remove(gone);
    expect(index.get('sid', 'a', false)).toBeUndefined();
    expect(index.get('sid', '', true)).toBeUndefined();
    index.add(a1);
    expect(index.get('sid', 'a', false)).toEqual([a1]);
  });
});
