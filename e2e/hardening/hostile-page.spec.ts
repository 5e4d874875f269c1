// A hostile page (its own scripts, full control of its DOM) against the extension: it cannot fetch the
// extension's files, has no runtime channel to it, cannot forge protocol messages, hook handshakes,
// CustomEvents or a login (synthetic password submit) into the background, cannot turn the badge off,
// and finds the dev secret nowhere it can look.
import { test, expect } from '@playwright/test';
import { launchWithExtension, type LoadedExtension } from '../support/extension.ts';
import { page as html, startSite, type Site } from '../background/site.ts';
import { readState, tabFor } from '../background/debug.ts';

const HOST = 'hostile.test';
const SECRET = 'hostile-page-must-never-see-this-secret-0123456789';
let ext: LoadedExtension;
let site: Site;

test.beforeAll(async () => {
  site = await startSite({
    '/': { headers: { 'set-cookie': ['sessionid=q8f3k2m9x7c4v1b6n5z0a2s8d4f6g1h3; Path=/', 'theme=dark; Path=/'] },
      body: html('hostile', '<form id="login" action="/login" method="post"><input name="u" value="a"><input type="password" name="p"></form>') },
  });
  ext = await launchWithExtension([`--host-resolver-rules=MAP ${HOST} 127.0.0.1`]);
});
test.afterAll(async () => {
  await ext?.context.close();
  await site?.close();
});

test('a hostile page can neither read the extension, forge messages into it, nor find the secret', async () => {
  const origin = site.origin(HOST);
  const tab = await ext.context.newPage();
  await tab.goto(origin + '/');
  await expect.poll(async () => (await tabFor(ext.worker, origin))?.findings.length ?? 0, { timeout: 10_000 }).toBeGreaterThan(0);
  const tabId = (await tabFor(ext.worker, origin))!.tabId;

  // the developer saves a dev secret for this site in the panel
  const panel = await ext.context.newPage();
  await panel.goto(`chrome-extension://${ext.extensionId}/src/panel/index.html?tabId=${tabId}`);
  await panel.locator('[data-testid=cookie-row][data-cookie-name=sessionid]').first().click();
  await panel.getByTestId('secret-input').fill(SECRET);
  await panel.getByTestId('secret-save').click();
  await expect(panel.getByTestId('secret-input')).toHaveValue('');

  const attempts = await tab.evaluate(async (id) => {
    const out: Record<string, unknown> = {};
    for (const path of ['manifest.json', 'src/panel/index.html', 'service-worker-loader.js']) {
      out[path] = await fetch(`chrome-extension://${id}/${path}`).then((r) => `read ${r.status}`, () => 'refused');
    }
    const g = globalThis as unknown as { chrome?: { runtime?: { sendMessage?: unknown; connect?: unknown } } };
    out.runtime = typeof g.chrome?.runtime?.sendMessage === 'function' || typeof g.chrome?.runtime?.connect === 'function';
    // forged protocol envelopes and hook traffic on every channel a page can reach
    const envelopes = [
      { v: 1, type: 'passwordSubmit', payload: { url: location.href, action: location.href + 'login' } },
      { v: 1, type: 'disableBadge', payload: { site: location.hostname } },
      { v: 1, type: 'scriptWrites', payload: { url: location.href, writes: [{ api: 'document.cookie', text: 'forged=1', scriptUrl: 'http://evil.test/x.js', time: Date.now() }] } },
      { src: 'sessionscope-hook', v: 1 },
    ];
    for (const m of envelopes) {
      window.postMessage(m, '*');
      const c = new MessageChannel();
      window.postMessage({ src: 'sessionscope-hook', v: 1 }, '*', [c.port2]);
      c.port1.postMessage([{ api: 'document.cookie', text: 'forged2=1', scriptUrl: 'http://evil.test/y.js', time: Date.now() }]);
      for (const name of ['sessionscope', 'sessionscope-hook', 'sessionscope-message', 'message']) {
        document.dispatchEvent(new CustomEvent(name, { detail: m }));
        window.dispatchEvent(new CustomEvent(name, { detail: m }));
      }
    }
    // a synthetic (untrusted) submit of a filled password form is not a login
    const form = document.getElementById('login') as HTMLFormElement;
    (form.querySelector('input[type=password]') as HTMLInputElement).value = 'hunter2';
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await new Promise((r) => setTimeout(r, 500));
    const badge = document.querySelector('sessionscope-badge');
    out.shadow = badge ? badge.shadowRoot === null : 'no badge';
    out.visible = [document.documentElement.outerHTML, document.cookie, JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage }),
      Object.getOwnPropertyNames(window).join(',')].join('\n');
    return out;
  }, ext.extensionId);

  expect(attempts['manifest.json']).toBe('refused');
  expect(attempts['src/panel/index.html']).toBe('refused');
  expect(attempts['service-worker-loader.js']).toBe('refused');
  expect(attempts.runtime).toBe(false);
  expect(attempts.shadow).toBe(true);
  expect(String(attempts.visible)).not.toContain(SECRET);

  await ext.worker.evaluate(() => (globalThis as unknown as { __sessionscopeDebug: { idle(): Promise<void> } }).__sessionscopeDebug.idle());
  const state = await readState(ext.worker);
  const events = state.tabs.find((t) => t.tabId === tabId)!.events;
  expect(events.filter((e) => e.kind === 'login')).toEqual([]);
  expect(events.filter((e) => e.kind === 'script-write').map((e) => e.kind === 'script-write' && e.name)).not.toContain('forged');
  expect(events.filter((e) => e.kind === 'script-write').map((e) => e.kind === 'script-write' && e.name)).not.toContain('forged2');
  expect(state.settings.badgeDisabledSites).not.toContain(HOST);
  await expect(tab.getByTestId('inpage-badge')).toBeAttached();
  await panel.close();
  await tab.close();
});
