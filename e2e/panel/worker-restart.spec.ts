// The panel keeps its timeline across a stopped MV3 worker: it reconnects, resumes from its last
// sequence number, and shows new events once, without duplicating the ones it held.
import { test, expect } from '@playwright/test';
import { launchWithExtension, stopExtensionWorker } from '../support/extension.ts';
import { page as html, startSite } from '../background/site.ts';

test('the timeline survives a stopped service worker without duplicates', async () => {
  const site = await startSite({
    '/': { headers: { 'set-cookie': 'step=1; Path=/' }, body: html('restart') },
    '/next': { type: 'text/plain', headers: { 'set-cookie': 'step=2; Path=/' }, body: 'ok' },
  });
  const ext = await launchWithExtension();
  try {
    const tab = await ext.context.newPage();
    await tab.goto(site.origin() + '/');
    const tabId = await ext.worker.evaluate(async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id, site.origin() + '/');
    const panel = await ext.context.newPage();
    await panel.goto(`chrome-extension://${ext.extensionId}/src/panel/index.html?tabId=${tabId}`);
    await panel.getByTestId('tab-timeline').click();
    const firstSet = panel.locator('[data-testid=timeline-event][data-cookie-name=step][data-kind=set-http]');
    const headers = panel.locator('[data-testid=timeline-event][data-cookie-name=step][data-kind=set-cookie-header]');
    await expect(firstSet).toHaveCount(1);
    await expect(headers).toHaveCount(1);

    await stopExtensionWorker(ext.context, tab);

    await tab.evaluate(() => fetch('/next'));
    await expect(panel.locator('[data-testid=timeline-event][data-cookie-name=step][data-kind=overwritten]')).toHaveCount(1, { timeout: 15_000 });
    await expect(firstSet).toHaveCount(1);
    await expect(headers).toHaveCount(2);
    await expect(panel.getByTestId('connection-status')).toHaveCount(0);
  } finally {
    await ext.context.close();
    await site.close();
  }
});
