import { test, expect } from '@playwright/test';
import { launchWithExtension, type LoadedExtension } from '../support/extension.ts';
import { page as html, startSite, type Site } from '../background/site.ts';
import { tabFor } from '../background/debug.ts';

// shop.test is not localhost: missing-secure is a real finding there (on loopback it would be info only)
const HOST = 'shop.test';
let ext: LoadedExtension;
let site: Site;

test.beforeAll(async () => {
  site = await startSite({
    '/': { headers: { 'set-cookie': ['sessionid=q8f3k2m9x7c4v1b6n5z0a2s8d4f6g1h3; Path=/', 'csrftoken=abc; Path=/'] }, body: html('insecure shop') },
    '/clean': { headers: { 'set-cookie': ['__Host-ok=1; Path=/; Secure; HttpOnly; SameSite=Lax'] }, body: html('clean') },
    '/spoof': { body: html('spoof', `<script>
      window.postMessage({ src: 'sessionscope-hook', v: 1 }, '*', [new MessageChannel().port2]);
      document.querySelectorAll('sessionscope-badge').forEach((b) => { window.__shadow = b.shadowRoot; });
    </script>`) },
  });
  ext = await launchWithExtension([`--host-resolver-rules=MAP ${HOST} 127.0.0.1`]);
});
test.afterAll(async () => {
  await ext?.context.close();
  await site?.close();
});

test('insecure cookies raise the expected findings and the in-page badge', async () => {
  const tab = await ext.context.newPage();
  const origin = site.origin(HOST);
  await tab.goto(origin + '/');
  await expect.poll(async () => {
    const t = await tabFor(ext.worker, origin);
    return (t?.findings ?? []).filter((f) => f.cookie.name === 'sessionid').map((f) => f.rule).sort();
  }, { timeout: 10_000 }).toEqual(expect.arrayContaining(['missing-httponly', 'missing-secure', 'samesite-missing', 'script-readable-session']));
  const t = (await tabFor(ext.worker, origin))!;
  expect(t.findings.find((f) => f.rule === 'missing-secure' && f.cookie.name === 'sessionid')!.severity).toBe('high');
  const badge = tab.getByTestId('inpage-badge');
  await expect(badge).toBeAttached();
  await expect(badge).toHaveAttribute('data-count', String(t.findings.length));
  // closed shadow root: the page sees the host element but not what is inside
  expect(await tab.evaluate(() => document.querySelector('sessionscope-badge')!.shadowRoot)).toBeNull();
  await tab.close();
});

test('a page without findings gets no badge', async () => {
  const tab = await ext.context.newPage();
  await tab.goto(site.origin() + '/clean');
  await expect.poll(async () => (await tabFor(ext.worker, `${site.origin()}/clean`))?.events.some((e) => e.kind === 'change') ?? false).toBe(true);
  // once the pipeline and its audits are idle the findings are final; the badge only exists for findings
  await ext.worker.evaluate(() => (globalThis as unknown as { __sessionscopeDebug: { idle(): Promise<void> } }).__sessionscopeDebug.idle());
  expect((await tabFor(ext.worker, `${site.origin()}/clean`))!.findings).toEqual([]);
  await expect(tab.getByTestId('inpage-badge')).toHaveCount(0);
  await tab.close();
});

test('a page script cannot forge a hook handshake into the timeline', async () => {
  const tab = await ext.context.newPage();
  await tab.goto(site.origin() + '/spoof');
  await tab.evaluate(() => {
    const c = new MessageChannel();
    window.postMessage({ src: 'sessionscope-hook', v: 1 }, '*', [c.port2]);
    c.port1.postMessage([{ api: 'document.cookie', text: 'forged=1', scriptUrl: 'http://evil.test/x.js', time: Date.now() }]);
    document.cookie = 'real=1; path=/';
  });
  await expect.poll(async () => (await tabFor(ext.worker, `${site.origin()}/spoof`))?.events
    .filter((e) => e.kind === 'script-write').map((e) => e.kind === 'script-write' && e.name) ?? []).toEqual(['real']);
  await tab.close();
});
