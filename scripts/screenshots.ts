// Light and dark screenshots of the panel from the real build (dist/chrome), in demo mode so the
// images are reproducible: `node bin/run-ts.js scripts/screenshots.ts [outDir]`.
import { chromium } from '@playwright/test';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CHROME_DIST, CHROMIUM } from '../e2e/support/extension.ts';
import { DEMO_SECRET } from '../src/panel/mock/demo-data.ts';
import { startCompanion } from '../e2e/panel/companion.ts';
import type { BrowserContext } from '@playwright/test';

const OUT = resolve(process.argv[2] ?? 'docs/screenshots');
const VIEWPORT = { width: 1280, height: 720 };

const SHOTS: { name: string; tab: string; select?: string }[] = [
  { name: 'cookies', tab: 'cookies', select: 'sessionid' },
  { name: 'findings', tab: 'findings' },
  { name: 'timeline', tab: 'timeline' },
];

// Own launcher rather than launchWithExtension(): under tsx, functions passed to evaluate() carry
// esbuild's __name helper, which does not exist in the worker; a string expression does not.
async function launch() {
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'ss-shots-')), {
    executablePath: CHROMIUM, headless: true,
    args: [`--disable-extensions-except=${CHROME_DIST}`, `--load-extension=${CHROME_DIST}`, '--disable-gpu', '--no-first-run'],
  });
  const worker = context.serviceWorkers()[0] ?? await context.waitForEvent('serviceworker');
  await worker.evaluate('new Promise((done) => { const check = () => (globalThis.__sessionscopeReady ? done() : setTimeout(check, 10)); check(); })');
  return { context, extensionId: new URL(worker.url()).host };
}

/** The Server tab against the real companion: a logged-in db-backend session beside its record. */
async function shootServer(context: BrowserContext, extensionId: string, theme: 'light' | 'dark', port: number) {
  const site = await context.newPage();
  const origin = `http://db.localhost:${port}`;
  await site.goto(`${origin}/demo/cart`);
  if (theme === 'light') {
    await site.getByTestId('add-espresso').click();
    await site.goto(`${origin}/demo/login`);
    await site.getByTestId('login-username').fill('alice');
    await site.getByTestId('login-password').fill('wonderland');
    await site.getByTestId('login-submit').click();
    await site.getByTestId('current-user').waitFor();
  }
  const worker = context.serviceWorkers()[0];
  const tabId = await worker.evaluate(`chrome.tabs.query({}).then((tabs) => tabs.find((t) => (t.url || '').startsWith(${JSON.stringify(origin)})).id)`);
  const panel = await context.newPage();
  await panel.setViewportSize(VIEWPORT);
  await panel.goto(`chrome-extension://${extensionId}/src/panel/index.html?tabId=${tabId}&theme=${theme}`);
  await panel.locator('[data-testid=cookie-row][data-cookie-name=sessionid]').click();
  await panel.getByTestId('server-record').waitFor();
  const file = join(OUT, `panel-server-${theme}.png`);
  await panel.screenshot({ path: file });
  console.log(file);
  await panel.close();
  await site.close();
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const { context, extensionId } = await launch();
  const companion = await startCompanion();
  try {
    for (const theme of ['light', 'dark'] as const) await shootServer(context, extensionId, theme, companion.port);
    const page = await context.newPage();
    await page.setViewportSize(VIEWPORT);
    for (const theme of ['light', 'dark'] as const) {
      await page.goto(`chrome-extension://${extensionId}/src/panel/index.html?mock=1&theme=${theme}`);
      await page.getByTestId('cookie-row').first().waitFor();
      await page.locator('[data-testid=cookie-row][data-cookie-name="sessionid"]').click();
      await page.getByTestId('secret-input').fill(DEMO_SECRET);
      await page.getByTestId('secret-save').click();
      await page.locator('[data-testid=signature-status][data-status=valid]').waitFor();
      for (const shot of SHOTS) {
        await page.getByTestId(`tab-${shot.tab}`).click();
        if (shot.select) {
          await page.locator(`[data-testid=cookie-row][data-cookie-name="${shot.select}"]`).click();
          await page.getByTestId('signature-status').waitFor();
        }
        if (shot.tab === 'timeline') {
          await page.locator('[data-testid=timeline-event][data-kind=overwritten]').click();
          await page.getByTestId('payload-diff').waitFor();
        }
        const file = join(OUT, `panel-${shot.name}-${theme}.png`);
        await page.screenshot({ path: file });
        console.log(file);
      }
    }
  } finally {
    await context.close();
    await companion.stop();
  }
}

await main();
