import { describe, expect, it } from 'vitest';
import { createMemoryTransport } from './memory-transport.ts';

describe('createMemoryTransport', () => {
  it('copies messages both ways and reports a drop to the panel side only once', () => {
    const { transport, background } = createMemoryTransport();
    const got: unknown[] = [];
    const closes: (string | undefined)[] = [];
    const conn = transport.connect({ onMessage: (m) => got.push(m), onClose: (r) => closes.push(r) });
    const payload = { type: 'x', payload: { list: [1] } };
    conn.send(payload);
    payload.payload.list.push(2);
    expect(background.received).toEqual([{ type: 'x', payload: { list: [1] } }]);
    background.post({ type: 'y', payload: {} });
    expect(got).toEqual([{ type: 'y', payload: {} }]);
    background.drop('worker stopped');
    background.drop('again');
    expect(closes).toEqual(['worker stopped']);
    expect(() => conn.send({})).toThrow(/closed connection/);
    expect(background.isConnected()).toBe(false);
  });
});
