import { describe, expect, it } from 'vitest';
import { diffPayload } from './diff-payload.ts';

describe('diffPayload', () => {
  it('reports added, removed and changed paths, nested and in arrays', () => {
    const before = { cart: ['apple'], user: { id: 1, name: 'a' }, 'odd key': true };
    const after = { cart: ['apple', 'pear'], user: { id: 2 }, flag: null };
    expect(diffPayload(before, after)).toEqual([
      { path: 'cart[1]', kind: 'added', after: 'pear' },
      { path: 'user.id', kind: 'changed', before: 1, after: 2 },
      { path: 'user.name', kind: 'removed', before: 'a' },
      { path: '["odd key"]', kind: 'removed', before: true },
      { path: 'flag', kind: 'added', after: null },
    ]);
  });

  it('treats a type change as one change and equal payloads as none', () => {
    expect(diffPayload({ a: [1] }, { a: { 0: 1 } })).toEqual([{ path: 'a', kind: 'changed', before: [1], after: { 0: 1 } }]);
    expect(diffPayload({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toEqual([]);
    expect(diffPayload(undefined, 'x')).toEqual([{ path: '(root)', kind: 'added', after: 'x' }]);
  });
});
