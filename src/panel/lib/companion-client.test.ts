import { describe, expect, it } from 'vitest';
import { createCompanionClient } from './companion-client.ts';

const site = { engine: 'db', host: 'db.localhost', url: 'http://db.localhost:8765', cookieName: 'sessionid', readOnly: false };

function fakeFetch(routes: Record<string, { status?: number; body: unknown }>) {
  const seen: string[] = [];
  const fetch = (async (url: string | URL | Request) => {
    seen.push(String(url));
    const r = routes[String(url)];
    if (!r) throw new TypeError('Failed to fetch');
    const text = typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
    return new Response(text, { status: r.status ?? 200 });
  }) as typeof globalThis.fetch;
  return { fetch, seen };
}

describe('createCompanionClient', () => {
  it('reads info and refuses an answer that is not a companion', async () => {
    const ok = fakeFetch({ 'http://localhost:8765/__sessionscope/info': { body: { name: 'sessionscope-companion', version: '0.1.0', sites: [site, { bogus: 1 }] } } });
    expect((await createCompanionClient('http://localhost:8765/', { fetch: ok.fetch }).info()).sites).toEqual([site]);
    const html = fakeFetch({ 'http://localhost:8765/__sessionscope/info': { body: '<!doctype html><h1>hi</h1>' } });
    await expect(createCompanionClient('http://localhost:8765', { fetch: html.fetch }).info()).rejects.toThrow(/not a companion answer/);
    const other = fakeFetch({ 'http://localhost:8765/__sessionscope/info': { body: { name: 'something-else', sites: [] } } });
    await expect(createCompanionClient('http://localhost:8765', { fetch: other.fetch }).info()).rejects.toThrow(/is not a sessionscope companion/);
  });

  it('maps a session answer, URL-encoding the key, and surfaces the server error text', async () => {
    const key = 'eyJ4IjoxfQ:1xXqv6:sig/with+chars';
    const { fetch, seen } = fakeFetch({
      [`http://db.localhost:8765/__sessionscope/sessions/${encodeURIComponent(key)}`]: { body: { engine: 'db', found: true, key, record: { session_key: key },
        decoded: { cart: ['apple'] }, expiresAt: 1797213890, expired: false, location: 'django_session row' } },
      [`http://db.localhost:8765/__sessionscope/sessions/${encodeURIComponent(key)}/accepted`]: { body: { accepted: false, reason: 'no stored session with this key' } },
      'http://db.localhost:8765/__sessionscope/sessions/gone': { status: 503, body: { error: 'redis down', engine: 'cache' } },
    });
    const client = createCompanionClient('http://localhost:8765', { fetch, now: () => 42 });
    expect(await client.session(site, key)).toEqual({ host: 'db.localhost', key, found: true, engine: 'db', data: { cart: ['apple'] },
      record: { session_key: key }, expiresAt: 1797213890, expired: false, location: 'django_session row', fetchedAt: 42, error: undefined });
    expect(seen[0]).toContain('sig%2Fwith%2Bchars');
    expect(await client.accepted(site, key)).toEqual({ accepted: false, reason: 'no stored session with this key' });
    await expect(client.session(site, 'gone')).rejects.toThrow('redis down');
  });

  it('turns stream events into typed events and ignores malformed ones', () => {
    const listeners: Record<string, (e: MessageEvent<string>) => void> = {};
    class FakeSource {
      static last: FakeSource;
      onerror: (() => void) | null = null;
      closed = false;
      constructor(public url: string) { FakeSource.last = this; }
      addEventListener(type: string, fn: (e: MessageEvent<string>) => void) { listeners[type] = fn; }
      close() { this.closed = true; }
    }
    const events: unknown[] = [];
    const errors: string[] = [];
    const stop = createCompanionClient('http://localhost:8765', { EventSource: FakeSource as unknown as typeof EventSource })
      .subscribe((e) => events.push(e), (m) => errors.push(m));
    expect(FakeSource.last.url).toBe('http://localhost:8765/__sessionscope/events?engine=*');
    listeners.change(new MessageEvent('change', { data: '{"type":"cycled","engine":"db","key":"k2","previousKey":"k1","at":1764469000.1}' }));
    listeners.change(new MessageEvent('change', { data: '{"type":"evicted","engine":"cache","key":null,"at":1764469001}' }));
    listeners.change(new MessageEvent('change', { data: 'not json' }));
    listeners.change(new MessageEvent('change', { data: '{"type":"cycled"}' }));
    FakeSource.last.onerror?.();
    expect(events).toEqual([{ type: 'cycled', engine: 'db', key: 'k2', previousKey: 'k1', at: 1764469000.1 },
      { type: 'evicted', engine: 'cache', key: null, previousKey: undefined, at: 1764469001 }]);
    expect(errors).toEqual(['event stream interrupted']);
    stop();
    expect(FakeSource.last.closed).toBe(true);
  });
});
