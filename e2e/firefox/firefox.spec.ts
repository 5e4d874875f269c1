// Firefox ESR through puppeteer-core (WebDriver BiDi): Playwright cannot drive Debian's Firefox.
import { test, expect } from '@playwright/test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { resolve } from 'node:path';
import { page as html, startSite, type Site } from '../background/site.ts';
import type { DebugState } from '../../src/background/debug-state.ts';

const GECKO_ID = 'sessionscope@sessionscope.dev';
const UUID = '5e55105c-0bee-4d0e-9b1e-5e551005c0be';
const EXT = `moz-extension://${UUID}`;
const b64url = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
const JWT = `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url({ sub: 'alice', role: 'admin', exp: 4102444800 })}.c2lnbmF0dXJlLW5vdC1jaGVja2Vk`;

let browser: Browser;
let site: Site;

test.beforeAll(async () => {
  site = await startSite({
    '/': { headers: { 'set-cookie': [`token=${JWT}; Path=/`, 'theme=dark; Path=/; SameSite=Lax', 'lang=en; Path=/; HttpOnly'] },
      body: html('firefox', '<script src="/app.js"></script>') },
    '/app.js': { type: 'text/javascript', body: "document.cookie = 'js_pref=dark; path=/';" },
  });
  browser = await puppeteer.launch({
    browser: 'firefox', executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr', headless: true,
    args: ['--remote-allow-system-access'], // lets BiDi navigate to moz-extension:// pages
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }) },
  });
  await browser.installExtension(resolve('dist/firefox'));
});
test.afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** Navigations to moz-extension:// never resolve under BiDi: fire, then wait for the document. */
async function openExtensionPage(path: string): Promise<Page> {
  const tab = await browser.newPage();
  void tab.goto(`${EXT}${path}`).catch(() => undefined);
  // tab.url() is not updated for these navigations, and evaluating mid-navigation can fail inside the
  // BiDi agent: poll the document itself and treat an error as "not there yet"
  await expect.poll(() => tab.evaluate(() => `${location.href}|${document.readyState}`).catch(() => ''), { timeout: 15_000 })
    .toMatch(new RegExp(`^${EXT}.*\\|complete$`));
  return tab;
}

async function readState(extPage: Page): Promise<DebugState> {
  return extPage.evaluate(() => (globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } })
    .browser.runtime.sendMessage({ v: 1, type: 'debugState', payload: {} })) as Promise<DebugState>;
}

test('Firefox: installs, splits the joined Set-Cookie form, hooks document.cookie, and the panel shows the cookies decoded', async () => {
  // like Chromium's worker-ready wait: talk to the background before loading the site, so a just-installed
  // add-on is surely listening
  const probe = await openExtensionPage('/src/panel/index.html?tabId=-1');
  await expect.poll(() => readState(probe).then((s) => typeof s.startedAt, () => 'not yet'), { timeout: 15_000 }).toBe('number');
  const page = await browser.newPage();
  await page.goto(site.origin() + '/');
  let tab: DebugState['tabs'][number] | undefined;
  await expect.poll(async () => {
    tab = (await readState(probe)).tabs.find((t) => t.url?.startsWith(site.origin()));
    return (tab?.events ?? []).filter((e) => e.kind === 'set-cookie').map((e) => e.kind === 'set-cookie' && e.name).sort();
  }, { timeout: 15_000 }).toEqual(['lang', 'theme', 'token']);
  await expect.poll(async () => {
    tab = (await readState(probe)).tabs.find((t) => t.url?.startsWith(site.origin()));
    return (tab?.events ?? []).filter((e) => e.kind === 'change').map((e) => e.kind === 'change' && `${e.cookie.name}:${e.source}`).sort();
  }, { timeout: 15_000 }).toEqual(['js_pref:script', 'lang:http', 'theme:http', 'token:http']);
  // the MAIN-world hook runs in Firefox too (manifest "world": "MAIN", Firefox ≥ 128)
  expect(tab!.events.find((e) => e.kind === 'script-write')).toMatchObject({ name: 'js_pref', scriptUrl: `${site.origin()}/app.js` });
  await probe.close();

  const panel = await openExtensionPage(`/src/panel/index.html?tabId=${tab!.tabId}`);
  for (const name of ['token', 'theme', 'lang']) await panel.waitForSelector(`[data-testid="cookie-row"][data-cookie-name="${name}"]`, { timeout: 15_000 });
  await panel.click('[data-testid="cookie-row"][data-cookie-name="token"]');
  const payload = await panel.waitForSelector('[data-testid="decoded-payload"]', { timeout: 15_000 });
  expect(await payload!.evaluate((el) => el.textContent)).toContain('alice');
});
