// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { ContentPlatform } from '../platform/types.ts';
import { HOOK_SOURCE, HOOK_VERSION } from './channel.ts';
import { startContent } from './content-app.ts';

function fakePlatform(helloReply: unknown) {
  const sent: { type: string; payload: unknown }[] = [];
  let listener: ((m: unknown) => void) | null = null;
  const platform: ContentPlatform = {
    sendMessage: async (m) => {
      const msg = m as { type: string; payload: unknown };
      sent.push(msg);
      return msg.type === 'hello' ? helloReply : { ok: true };
    },
    onMessage: (l) => { listener = l; },
  };
  return { platform, sent, deliver: (m: unknown) => listener?.(m) };
}

const items = [{ rule: 'missing-httponly', severity: 'high', cookieName: 'sessionid', message: 'no HttpOnly' }];

describe('startContent', () => {
  it('says hello, shows the badge from the reply, and follows later findings pushes', async () => {
    const { platform, sent, deliver } = fakePlatform({ enabled: true, items });
    startContent(window, document, platform, { badgeMode: 'open' });
    expect(sent[0]).toMatchObject({ type: 'hello', payload: { url: window.location.href } });
    await vi.waitFor(() => expect(document.querySelector('[data-testid="inpage-badge"]')?.getAttribute('data-count')).toBe('1'));
    deliver({ v: 1, type: 'findings', payload: { enabled: true, items: [...items, { ...items[0], cookieName: 'other' }] } });
    expect(document.querySelector('[data-testid="inpage-badge"]')?.getAttribute('data-count')).toBe('2');
    deliver({ v: 1, type: 'findings', payload: { enabled: true, items: 'junk' } });
    expect(document.querySelector('[data-testid="inpage-badge"]')?.getAttribute('data-count')).toBe('2');
    deliver({ v: 1, type: 'findings', payload: { enabled: false, items: [] } });
    expect(document.querySelector('[data-testid="inpage-badge"]')).toBeNull();
  });

  it('forwards hook batches as scriptWrites right away', async () => {
    const { platform, sent } = fakePlatform({ enabled: true, items: [] });
    startContent(window, document, platform);
    const channel = new MessageChannel();
    window.dispatchEvent(new MessageEvent('message', { data: { src: HOOK_SOURCE, v: HOOK_VERSION }, source: window, ports: [channel.port2] }));
    channel.port1.postMessage([{ api: 'document.cookie', text: 'a=1', scriptUrl: 'http://localhost/app.js', time: 1 }]);
    await vi.waitFor(() => expect(sent.map((m) => m.type)).toContain('scriptWrites'));
    expect(sent.find((m) => m.type === 'scriptWrites')!.payload).toMatchObject({ writes: [{ text: 'a=1', scriptUrl: 'http://localhost/app.js' }] });
  });

  it('does nothing on non-http pages', () => {
    const { platform, sent } = fakePlatform(null);
    startContent({ location: { protocol: 'file:' } } as unknown as Window, document, platform);
    expect(sent).toEqual([]);
  });
});
