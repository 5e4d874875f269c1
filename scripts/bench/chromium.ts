// Headless Debian Chromium for the browser benches, with or without the built extension, plus a CDP
// channel to the extension's service worker (Playwright's newCDPSession takes only pages and frames).
// Functions passed to evaluate() are strings here: tsx's keepNames helpers do not exist in the browser.
import { chromium, type BrowserContext, type Worker } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { log } from './stats.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A fresh Chrome build of the current source in a private folder (colleagues' e2e runs use dist/). */
export function buildExtension(reuseDist: boolean): string {
  const dist = resolve('dist/chrome');
  if (reuseDist && existsSync(join(dist, 'manifest.json'))) return dist;
  const out = join(mkdtempSync(join(tmpdir(), 'ss-bench-build-')), 'chrome');
  log(`building the extension into ${out}`);
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], { stdio: 'inherit' });
  return out;
}

export interface Browser { context: BrowserContext; worker: Worker | null; close(): Promise<void> }

export async function launch(extensionDir: string | null): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'ss-bench-profile-'));
  const ext = extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : ['--disable-extensions'];
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true,
    args: [...ext, '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  let worker: Worker | null = null;
  if (extensionDir) {
    worker = context.serviceWorkers()[0] ?? await context.waitForEvent('serviceworker');
    await worker.evaluate(`new Promise((done) => { const check = () => globalThis.__sessionscopeReady ? done(true) : setTimeout(check, 10); check(); })`);
  }
  return { context, worker, close: async () => { await context.close(); rmSync(profile, { recursive: true, force: true }); } };
}

// the e2e tests' service-worker CDP helper, one implementation for both
export { attachWorker as connectWorkerCdp, type WorkerCdp } from '../../e2e/support/worker-cdp.ts';
