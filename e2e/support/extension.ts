import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const CHROME_DIST = resolve('dist/chrome');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface LoadedExtension { context: BrowserContext; worker: Worker; extensionId: string }

/** Launches Debian Chromium with the built extension and waits until the worker's module body ran. */
export async function launchWithExtension(extraArgs: string[] = []): Promise<LoadedExtension> {
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'ss-e2e-')), {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      `--disable-extensions-except=${CHROME_DIST}`, `--load-extension=${CHROME_DIST}`,
      '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', ...extraArgs,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? await context.waitForEvent('serviceworker');
  // registration resolves before the module's top level has run; events before that would be lost
  await worker.evaluate(() => new Promise<void>((done) => {
    const check = () => ((globalThis as Record<string, unknown>).__sessionscopeReady ? done() : setTimeout(check, 10));
    check();
  }));
  return { context, worker, extensionId: new URL(worker.url()).host };
}

/**
 * Stops the extension's service worker over CDP, as Chrome does to an idle MV3 worker, and resolves once
 * Chrome reports it stopped. `page` is any page of the context (CDP's ServiceWorker domain is per target).
 */
export async function stopExtensionWorker(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  const stopped = new Promise<void>((resolve) => cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
    if (e.versions.some((v) => v.scriptURL.startsWith('chrome-extension://') && v.runningStatus === 'stopped')) resolve();
  }));
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
  await cdp.detach();
}
