import { test, expect } from '@playwright/test';
import { launchWithExtension, type LoadedExtension, stopExtensionWorker } from '../support/extension.ts';
import { page as html, startSite, type Site } from './site.ts';
import { tabFor } from './debug.ts';

let ext: LoadedExtension;
let site: Site;

test.beforeAll(async () => {
  site = await startSite({
    '/': { headers: { 'set-cookie': 'first=1; Path=/' }, body: html('live') },
    '/second': { type: 'text/plain', headers: { 'set-cookie': 'second=2; Path=/' }, body: 'ok' },
    '/third': { type: 'text/plain', headers: { 'set-cookie': 'third=3; Path=/' }, body: 'ok' },
  });
  ext = await launchWithExtension();
});
test.afterAll(async () => {
  await ext?.context.close();
  await site?.close();
});

test('the panel page shows live cookie updates and reconnects after the worker was stopped', async () => {
  const tab = await ext.context.newPage();
  await tab.goto(site.origin() + '/');
  await expect.poll(async () => (await tabFor(ext.worker, site.origin()))?.tabId ?? null).not.toBeNull();
  const tabId = (await tabFor(ext.worker, site.origin()))!.tabId;
  const panel = await ext.context.newPage();
  await panel.goto(`chrome-extension://${ext.extensionId}/src/panel/index.html?tabId=${tabId}`);
  const row = (name: string) => panel.locator(`[data-testid="cookie-row"][data-cookie-name="${name}"]`);
  await expect(row('first')).toBeVisible();

  await tab.evaluate(() => fetch('/second'));
  await expect(row('second')).toBeVisible();

  await stopExtensionWorker(ext.context, tab);

  await tab.evaluate(() => fetch('/third'));
  await expect(row('third')).toBeVisible({ timeout: 15_000 });
  await expect(row('first')).toBeVisible();
});
