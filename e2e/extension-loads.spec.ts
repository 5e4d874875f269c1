import { test, expect } from '@playwright/test';
import { launchWithExtension } from './support/extension.ts';

test('the built extension loads in Chromium with its service worker running', async () => {
  const { context, worker, extensionId } = await launchWithExtension();
  try {
    expect(extensionId).toMatch(/^[a-p]{32}$/);
    const manifest = await worker.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.permissions).toEqual(expect.arrayContaining(['cookies', 'webRequest', 'storage']));
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/src/panel/index.html?tabId=1`);
    await expect(page.getByTestId('panel-root')).toBeVisible();
  } finally {
    await context.close();
  }
});
