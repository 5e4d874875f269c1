// Server > Settings in the real extension: the in-page badge can be turned off everywhere and back on, and
// the per-tab timeline size reaches the background.
import { test, expect } from '@playwright/test';
import { launchWithExtension, type LoadedExtension } from '../support/extension.ts';
import { page as html, startSite, type Site } from '../background/site.ts';
import { tabFor } from '../background/debug.ts';

const HOST = 'shop.test';
let ext: LoadedExtension;
let site: Site;

test.beforeAll(async () => {
  site = await startSite({ '/': { headers: { 'set-cookie': ['sessionid=q8f3k2m9x7c4v1b6n5z0a2s8d4f6g1h3; Path=/'] }, body: html('insecure shop') } });
  ext = await launchWithExtension([`--host-resolver-rules=MAP ${HOST} 127.0.0.1`]);
});
test.afterAll(async () => {
  await ext?.context.close();
  await site?.close();
});

test('the badge switch and the timeline size in Server > Settings reach the page and the background', async () => {
  const tab = await ext.context.newPage();
  await tab.goto(site.origin(HOST) + '/');
  await expect(tab.getByTestId('inpage-badge')).toBeAttached({ timeout: 10_000 });
  const tabId = await ext.worker.evaluate(async (prefix) => (await chrome.tabs.query({})).find((t) => t.url?.startsWith(prefix))?.id, site.origin(HOST));
  const panel = await ext.context.newPage();
  await panel.goto(`chrome-extension://${ext.extensionId}/src/panel/index.html?tabId=${tabId}`);
  await panel.getByTestId('tab-server').click();
  await panel.locator('details.settings summary').click();

  await panel.getByTestId('badge-enabled').uncheck();
  await tab.reload();
  // the findings of the reloaded page are in: a badge would be up by now
  await expect.poll(async () => (await tabFor(ext.worker, site.origin(HOST)))?.findings.length ?? 0, { timeout: 10_000 }).toBeGreaterThan(0);
  await expect(tab.getByTestId('inpage-badge')).toHaveCount(0);
  await panel.getByTestId('badge-enabled').check();
  await tab.reload();
  await expect(tab.getByTestId('inpage-badge')).toBeAttached({ timeout: 10_000 });

  await panel.getByTestId('timeline-limit').fill('300');
  await panel.getByTestId('timeline-limit').press('Enter');
  await panel.reload();
  await panel.getByTestId('tab-server').click();
  await panel.locator('details.settings summary').click();
  await expect(panel.getByTestId('timeline-limit')).toHaveValue('300');
  await tab.close();
  await panel.close();
});
