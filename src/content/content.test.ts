// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { HOOK_SOURCE, HOOK_VERSION, readHookBatch } from './channel.ts';
import { topScriptUrl } from './stack-source.ts';
import { startRelay } from './relay.ts';
import { createBadge } from './badge.ts';
import { readableCookieNames, watchPasswordSubmits } from './forms.ts';

describe('topScriptUrl', () => {
  it('reads the first page frame from V8 and Gecko stacks, skipping extension frames', () => {
    const v8 = 'Error\n    at report (chrome-extension://abc/src/content/page-hook.js:1:200)\n    at set cookie (chrome-extension://abc/x.js:1:9)\n    at setTheme (http://a.test/js/app.js:10:5)\n    at http://a.test/:3:1';
    expect(topScriptUrl(v8)).toBe('http://a.test/js/app.js');
    const gecko = 'report@moz-extension://u/src/content/page-hook.js:1:200\nset@moz-extension://u/x.js:1:9\nsetTheme@https://a.test/app.js?v=2:10:5\n@https://a.test/:3:1';
    expect(topScriptUrl(gecko)).toBe('https://a.test/app.js?v=2');
    expect(topScriptUrl(undefined)).toBe('');
  });
});

describe('readHookBatch', () => {
  it('accepts well-formed batches and refuses anything else whole', () => {
    const ok = [{ api: 'document.cookie', text: 'a=1', scriptUrl: '', time: 1, extra: 'dropped' }];
    expect(readHookBatch(ok)).toEqual([{ api: 'document.cookie', text: 'a=1', scriptUrl: '', time: 1 }]);
    expect(readHookBatch([{ api: 'eval', text: '', scriptUrl: '', time: 1 }])).toBeNull();
    expect(readHookBatch([{ api: 'document.cookie', text: 'x'.repeat(9000), scriptUrl: '', time: 1 }])).toBeNull();
    expect(readHookBatch(new Array(101).fill(ok[0]))).toBeNull();
    expect(readHookBatch('a=1')).toBeNull();
  });
});

describe('relay', () => {
  const handshake = (port: MessagePort) => new MessageEvent('message', { data: { src: HOOK_SOURCE, v: HOOK_VERSION }, source: window, ports: [port] });

  it('takes the first handshake only and forwards validated, rate-limited batches', async () => {
    const forwarded: unknown[] = [];
    const relay = startRelay(window, { forward: (w) => forwarded.push(...w), perSecond: 3, now: () => 0 });
    const first = new MessageChannel();
    const forged = new MessageChannel();
    window.dispatchEvent(handshake(first.port2));
    window.dispatchEvent(handshake(forged.port2));
    expect(relay.connected).toBe(true);
    const write = { api: 'document.cookie', text: 'a=1', scriptUrl: 'http://a.test/x.js', time: 5 };
    forged.port1.postMessage([write]);
    first.port1.postMessage([write, write]);
    first.port1.postMessage([write, write]);
    first.port1.postMessage({ junk: true });
    await vi.waitFor(() => expect(relay.dropped).toBe(2));
    expect(forwarded).toHaveLength(3);
    relay.stop();
  });

  it('ignores handshakes without a port or from another window', () => {
    const relay = startRelay(window, { forward: () => undefined });
    window.dispatchEvent(new MessageEvent('message', { data: { src: HOOK_SOURCE, v: HOOK_VERSION }, source: window }));
    expect(relay.connected).toBe(false);
    relay.stop();
  });
});

describe('badge', () => {
  const items = [
    { rule: 'missing-httponly', severity: 'high' as const, cookieName: 'sessionid', message: 'no HttpOnly' },
    { rule: 'samesite-missing', severity: 'low' as const, cookieName: 'theme', message: 'no SameSite' },
  ];

  it('shows the count on the host, expands to the list, and can switch itself off for the site', () => {
    const onDisableSite = vi.fn();
    const badge = createBadge(document, { mode: 'open', onDisableSite });
    badge.update({ enabled: true, items });
    const host = document.querySelector('[data-testid="inpage-badge"]')!;
    expect(host.getAttribute('data-count')).toBe('2');
    const [panel, pill] = [...badge.root.children] as HTMLElement[];
    expect(pill.textContent).toBe('sessionscope · 2 findings');
    pill.click();
    expect(panel.style.display).toBe('block');
    expect([...panel.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'highmissing-httponly sessionidno HttpOnly', 'lowsamesite-missing themeno SameSite']);
    (panel.querySelectorAll('button')[0] as HTMLElement).click();
    expect(onDisableSite).toHaveBeenCalledOnce();
    expect(document.querySelector('[data-testid="inpage-badge"]')).toBeNull();
  });

  it('disappears when disabled, empty or dismissed, and never shows cookie values', () => {
    const badge = createBadge(document, { mode: 'open', onDisableSite: () => undefined });
    badge.update({ enabled: false, items });
    expect(badge.host.isConnected).toBe(false);
    badge.update({ enabled: true, items });
    expect(badge.host.isConnected).toBe(true);
    (badge.root.querySelectorAll('button')[1] as HTMLElement).click();
    badge.update({ enabled: true, items });
    expect(badge.host.isConnected).toBe(false);
  });

  it('uses a closed shadow root by default', () => {
    const badge = createBadge(document, { onDisableSite: () => undefined });
    expect(badge.host.shadowRoot).toBeNull();
  });
});

describe('forms', () => {
  it('reports a password form submission with its action, not its values', () => {
    document.body.innerHTML = '<form action="/login"><input name="u"><input type="password" name="p" value="hunter2"></form><form id="s"><input name="q"></form>';
    const seen: string[] = [];
    const stop = watchPasswordSubmits(document, (a) => seen.push(a));
    document.forms[0].dispatchEvent(new Event('submit', { bubbles: true }));
    document.forms[1].dispatchEvent(new Event('submit', { bubbles: true }));
    stop();
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatch(/\/login$/);
  });

  it('lists the cookie names document.cookie exposes', () => {
    document.cookie = 'a=1';
    document.cookie = 'b=2';
    expect(readableCookieNames(document)).toEqual(expect.arrayContaining(['a', 'b']));
  });
});
