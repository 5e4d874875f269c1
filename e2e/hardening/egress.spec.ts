// Nothing leaves the machine: during a full session (demo logins on the companion's five backends, the
// panel open with decoding, server records and a saved dev secret) every request made by pages, the
// panel and the service worker (CDP Network on the worker target) goes to a loopback host, and the dev
// secret appears in no request at all, not even to the companion; it is not in storage.local or sync.
import { test, expect, type Request } from '@playwright/test';
import { launchWithExtension, type LoadedExtension } from '../support/extension.ts';
import { startCompanion, type Companion } from '../panel/companion.ts';
import { attachWorker, isLoopbackUrl, type WorkerCdp } from '../support/worker-cdp.ts';

const SECRET = 'django-ref-insecure-secret-key-do-not-use-in-production';

interface Seen { from: string; url: string; text: string }
let ext: LoadedExtension;
let companion: Companion;
let cdp: WorkerCdp;
const seen: Seen[] = [];

test.beforeAll(async () => {
  companion = await startCompanion();
  ext = await launchWithExtension();
  ext.context.on('request', (r: Request) => {
    seen.push({ from: 'page', url: r.url(), text: `${r.url()} ${JSON.stringify(r.headers())} ${r.postData() ?? ''}` });
  });
  cdp = await attachWorker(ext.context);
  cdp.on('Network.requestWillBeSent', (p) => {
    const req = p.request as { url: string; headers: object; postData?: string };
    seen.push({ from: 'worker', url: req.url, text: `${req.url} ${JSON.stringify(req.headers)} ${req.postData ?? ''}` });
  });
  await cdp.send('Network.enable');
});
test.afterAll(async () => {
  await cdp?.detach().catch(() => undefined);
  await ext?.context.close();
  await companion?.stop();
});

test('every request during a full session stays on loopback and no request carries the dev secret', async () => {
  const site = await ext.context.newPage();
  for (const host of ['db.localhost', 'cache.localhost', 'cached-db.localhost', 'file.localhost', 'signed-cookies.localhost']) {
    await site.goto(`${companion.siteUrl(host)}/demo/cart`);
    await site.getByTestId('add-espresso').click();
    await expect(site.getByTestId('cart-line-espresso')).toBeVisible();
  }
  const origin = companion.siteUrl('signed-cookies.localhost');
  const tabId = await ext.worker.evaluate(async (prefix) => (await chrome.tabs.query({})).find((t) => t.url?.startsWith(prefix))?.id, origin);
  const panel = await ext.context.newPage();
  await panel.goto(`chrome-extension://${ext.extensionId}/src/panel/index.html?tabId=${tabId}`);
  await panel.locator('[data-testid=cookie-row][data-cookie-name=sessionid][data-cookie-domain="signed-cookies.localhost"]').click();
  await expect(panel.getByTestId('server-record')).toHaveAttribute('data-found', 'true');
  await panel.getByTestId('secret-input').fill(SECRET);
  await panel.getByTestId('secret-save').click();
  await expect(panel.getByTestId('signature-status')).toHaveAttribute('data-status', 'valid');
  await site.reload(); // more traffic with the secret now held by the background
  await ext.worker.evaluate(() => (globalThis as unknown as { __sessionscopeDebug: { idle(): Promise<void> } }).__sessionscopeDebug.idle());

  // the worker-side recorder works: a request the worker makes itself must show up as the worker's
  const probe = `${companion.siteUrl('db.localhost')}/demo/?egress-probe`;
  await ext.worker.evaluate((url) => fetch(url).then((r) => r.status), probe);
  await expect.poll(() => seen.some((s) => s.from === 'worker' && s.url === probe)).toBe(true);

  expect(seen.length).toBeGreaterThan(10);
  expect(seen.filter((s) => s.from === 'page' && s.url.startsWith('chrome-extension://')).length).toBeGreaterThan(0);
  const foreign = seen.filter((s) => !isLoopbackUrl(s.url)).map((s) => `${s.from}: ${s.url}`);
  expect(foreign).toEqual([]);
  const leaking = seen.filter((s) => s.text.includes(SECRET)).map((s) => `${s.from}: ${s.url}`);
  expect(leaking).toEqual([]);

  const stored = await ext.worker.evaluate(async () => JSON.stringify([await chrome.storage.local.get(null), await chrome.storage.sync.get(null)]));
  expect(stored).not.toContain(SECRET);
  test.info().annotations.push({ type: 'requests recorded', description: `${seen.length} (${seen.filter((s) => s.from === 'worker').length} from the worker)` });
  await panel.close();
  await site.close();
});
