// Headless Debian Chromium for the browser benches, with or without the built extension, plus a CDP
// channel to the extension's service worker (Playwright's newCDPSession takes only pages and frames).
// Functions passed to evaluate() are strings here: tsx's keepNames helpers do not exist in the browser.
import { chromium, type BrowserContext, type CDPSession, type Worker } from '@playwright/test';
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

export interface WorkerCdp { send(method: string, params?: object): Promise<Record<string, unknown>>; detach(): Promise<void> }

/** CDP to the extension's service worker through a page session (Target.sendMessageToTarget). */
export async function connectWorkerCdp(context: BrowserContext): Promise<WorkerCdp> {
  const page = context.pages()[0] ?? await context.newPage();
  const session: CDPSession = await context.newCDPSession(page);
  const { targetInfos } = await session.send('Target.getTargets') as { targetInfos: { type: string; url: string; targetId: string }[] };
  const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
  if (!sw) throw new Error('no extension service worker target');
  const { sessionId } = await session.send('Target.attachToTarget', { targetId: sw.targetId, flatten: false });
  const pending = new Map<number, (m: { result?: Record<string, unknown>; error?: { message: string } }) => void>();
  session.on('Target.receivedMessageFromTarget', (e) => {
    const m = JSON.parse(e.message) as { id?: number; result?: Record<string, unknown>; error?: { message: string } };
    if (m.id !== undefined) pending.get(m.id)?.(m);
  });
  let next = 0;
  return {
    send(method, params = {}) {
      const id = ++next;
      return new Promise((done, fail) => {
        pending.set(id, (m) => { pending.delete(id); if (m.error) fail(new Error(m.error.message)); else done(m.result ?? {}); });
        void session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
      });
    },
    detach: () => session.detach(),
  };
}
