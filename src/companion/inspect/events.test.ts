import { describe, expect, it } from 'vitest';
import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { formatEvent, openEventStream } from './events.ts';
import type { InspectTarget, StoreChange } from './types.ts';

function fakeResponse() {
  const out = { status: 0, headers: {} as Record<string, string>, chunks: [] as string[] };
  const res = new EventEmitter() as unknown as ServerResponse;
  Object.assign(res, {
    writeHead: (status: number, headers: Record<string, string>) => { out.status = status; out.headers = headers; return res; },
    write: (chunk: string) => { out.chunks.push(chunk); return true; },
  });
  return { res, out };
}

describe('event stream', () => {
  it('sends keep-alive comments and stops everything when the client leaves', async () => {
    const req = new EventEmitter() as unknown as IncomingMessage;
    const { res, out } = fakeResponse();
    let listener: ((c: StoreChange) => void) | null = null;
    const target = { subscribe: (l: (c: StoreChange) => void) => { listener = l; return () => { listener = null; }; } } as unknown as InspectTarget;
    openEventStream(req, res, [target], 10);
    await expect.poll(() => out.chunks.filter((c) => c === ': keep-alive\n\n').length).toBeGreaterThanOrEqual(2);
    listener!({ type: 'flushed', engine: 'file', key: null, previousKey: 'abc', at: 5 });
    expect(out.chunks).toContain(formatEvent({ type: 'flushed', engine: 'file', key: null, previousKey: 'abc', at: 5 }));
    req.emit('close');
    expect(listener).toBeNull();
    const count = out.chunks.length;
    await new Promise((r) => setTimeout(r, 40));
    expect(out.chunks.length).toBe(count);
  });
});
