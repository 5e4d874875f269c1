// The panel page of the built extension, opened as a tab (?tabId=N), against the companion's demo app.
import { test, expect, type Page } from '@playwright/test';
import { launchWithExtension, type LoadedExtension } from '../support/extension.ts';
import { startCompanion, type Companion } from './companion.ts';
import { page as html, startSite } from '../background/site.ts';
import { dumpsDjango } from '../../src/core/decode/django/signing.ts';

const DJANGO_SECRET = 'django-ref-insecure-secret-key-do-not-use-in-production';
const SITES = [
  { host: 'db.localhost', engine: 'db' }, { host: 'cache.localhost', engine: 'cache' },
  { host: 'cached-db.localhost', engine: 'cached_db' }, { host: 'file.localhost', engine: 'file' },
  { host: 'signed-cookies.localhost', engine: 'signed_cookies' },
];

let ext: LoadedExtension;
let companion: Companion;

test.beforeAll(async () => {
  companion = await startCompanion();
  ext = await launchWithExtension();
});
test.afterAll(async () => {
  await ext?.context.close();
  await companion?.stop();
});

async function tabIdOf(url: string): Promise<number> {
  const id = await ext.worker.evaluate(async (prefix) => (await chrome.tabs.query({})).find((t) => t.url?.startsWith(prefix))?.id, url);
  if (typeof id !== 'number') throw new Error(`no tab at ${url}`);
  return id;
}

async function openPanel(tabId: number): Promise<Page> {
  const panel = await ext.context.newPage();
  await panel.goto(`chrome-extension://${ext.extensionId}/src/panel/index.html?tabId=${tabId}`);
  await expect(panel.getByTestId('panel-root')).toBeVisible();
  return panel;
}

const sessionRow = (panel: Page, host: string) => panel.locator(`[data-testid=cookie-row][data-cookie-name=sessionid][data-cookie-domain="${host}"]`);

test('the server record of each of the five backends shows beside its session cookie', async () => {
  const site = await ext.context.newPage();
  await site.goto(`${companion.siteUrl(SITES[0].host)}/demo/cart`);
  const panel = await openPanel(await tabIdOf(companion.siteUrl(SITES[0].host)));
  for (const { host, engine } of SITES) {
    await site.goto(`${companion.siteUrl(host)}/demo/cart`);
    await site.getByTestId('add-espresso').click();
    await expect(site.getByTestId('cart-line-espresso')).toBeVisible();
    await sessionRow(panel, host).click();
    const record = panel.getByTestId('server-record');
    await expect(record).toHaveAttribute('data-engine', engine);
    await expect(record).toHaveAttribute('data-found', 'true');
    await expect(record.getByTestId('server-data')).toContainText('espresso');
  }
  await site.close();
  await panel.close();
});

test('a signed_cookies session decodes in place and verifies with the SECRET_KEY', async () => {
  const site = await ext.context.newPage();
  const origin = companion.siteUrl('signed-cookies.localhost');
  await site.goto(`${origin}/demo/cart`);
  await site.getByTestId('add-mug').click();
  await expect(site.getByTestId('cart-line-mug')).toBeVisible();
  const panel = await openPanel(await tabIdOf(origin));
  await sessionRow(panel, 'signed-cookies.localhost').click();
  await expect(panel.getByTestId('decoded-payload')).toContainText('mug');
  await expect(panel.getByTestId('signature-status')).toHaveAttribute('data-status', 'unverified');
  await panel.getByTestId('secret-input').fill(DJANGO_SECRET);
  await panel.getByTestId('secret-save').click();
  await expect(panel.getByTestId('signature-status')).toHaveAttribute('data-status', 'valid');
  await expect(panel.getByTestId('signature-status')).toContainText('Django SECRET_KEY #1');
  await site.close();
  await panel.close();
});

test('edit & re-sign: a changed signed_cookies payload is set on the site and the server accepts it', async () => {
  const site = await ext.context.newPage();
  const origin = companion.siteUrl('signed-cookies.localhost');
  await site.goto(`${origin}/demo/cart`);
  if (await site.getByTestId('cart-clear').count()) await site.getByTestId('cart-clear').click();
  await site.getByTestId('add-kettle').click();
  await expect(site.getByTestId('cart-line-kettle')).toBeVisible();
  const panel = await openPanel(await tabIdOf(origin));
  await sessionRow(panel, 'signed-cookies.localhost').click();
  await panel.getByTestId('secret-input').fill(DJANGO_SECRET);
  await panel.getByTestId('secret-save').click();
  await expect(panel.getByTestId('signature-status')).toHaveAttribute('data-status', 'valid');
  await panel.getByTestId('edit-payload').locator('summary').click();
  const editor = panel.getByTestId('edit-json');
  const edited = JSON.parse(await editor.inputValue()) as Record<string, unknown>;
  const cartKey = Object.keys(edited).find((k) => JSON.stringify(edited[k]).includes('kettle'))!;
  edited[cartKey] = JSON.parse(JSON.stringify(edited[cartKey]).replaceAll('kettle', 'mug'));
  await editor.fill(JSON.stringify(edited));
  await panel.getByTestId('resign-set').click();
  await expect(panel.getByTestId('notice')).toContainText('re-signed and set');
  await expect(panel.getByTestId('decoded-payload')).toContainText('mug');
  await expect(panel.getByTestId('signature-status')).toHaveAttribute('data-status', 'valid');
  await site.goto(`${origin}/demo/cart`);
  await expect(site.getByTestId('cart-line-mug')).toBeVisible();
  await expect(site.getByTestId('cart-line-kettle')).toHaveCount(0);
  await site.close();
  await panel.close();
});

test('login rotates the key (timeline) and logout flushes the server record', async () => {
  const site = await ext.context.newPage();
  const origin = companion.siteUrl('db.localhost');
  await site.goto(`${origin}/demo/cart`);
  await site.getByTestId('add-kettle').click();
  const panel = await openPanel(await tabIdOf(origin));
  await site.goto(`${origin}/demo/login`);
  await site.getByTestId('login-username').fill('alice');
  await site.getByTestId('login-password').fill('wonderland');
  await site.getByTestId('login-submit').click();
  await expect(site.getByTestId('current-user')).toHaveText('Alice');

  await sessionRow(panel, 'db.localhost').click();
  await expect(panel.getByTestId('server-data')).toContainText('_auth_user_id');
  await panel.getByTestId('tab-timeline').click();
  await panel.getByTestId('timeline-filter').selectOption('sessionid');
  await expect(panel.locator('[data-testid=timeline-event][data-kind=key-rotated]').first()).toBeVisible();

  await site.getByTestId('logout-button').click();
  await expect(site.getByTestId('nav-login')).toBeVisible();
  await expect(panel.locator('[data-testid=timeline-event][data-kind=deleted]').first()).toBeVisible();
  await panel.getByTestId('tab-cookies').click();
  await expect(sessionRow(panel, 'db.localhost')).toHaveCount(0);
  await panel.getByTestId('tab-findings').click();
  await expect(panel.locator('[data-testid=finding][data-rule=logout-not-revoked]')).toHaveCount(0);
  await site.close();
  await panel.close();
});

test('signed_cookies: the old cookie is still accepted after logout (logout-not-revoked)', async () => {
  const site = await ext.context.newPage();
  const origin = companion.siteUrl('signed-cookies.localhost');
  await site.goto(`${origin}/demo/login`);
  await site.getByTestId('login-username').fill('bob');
  await site.getByTestId('login-password').fill('builder');
  await site.getByTestId('login-submit').click();
  await expect(site.getByTestId('current-user')).toHaveText('Bob');
  const panel = await openPanel(await tabIdOf(origin));
  await expect(sessionRow(panel, 'signed-cookies.localhost')).toBeVisible();
  await site.getByTestId('logout-button').click();
  await expect(site.getByTestId('nav-login')).toBeVisible();
  await panel.getByTestId('tab-findings').click();
  await expect(panel.locator('[data-testid=finding][data-rule=logout-not-revoked]').first()).toBeVisible();
  await site.close();
  await panel.close();
});

test('without the companion the panel says so plainly and still lists and decodes cookies', async () => {
  const value = await dumpsDjango({ theme: 'dark', user_id: 7 }, { key: DJANGO_SECRET, salt: 'django.contrib.sessions.backends.signed_cookies', compress: true });
  const plain = await startSite({ '/': { headers: { 'set-cookie': `sessionid=${value}; HttpOnly; Path=/; SameSite=Lax` }, body: html('plain') } });
  try {
    const site = await ext.context.newPage();
    await site.goto(plain.origin() + '/');
    const panel = await openPanel(await tabIdOf(plain.origin()));
    await panel.getByTestId('tab-server').click();
    await panel.getByTestId('companion-url').fill('http://127.0.0.1:9');
    await panel.getByTestId('companion-url').press('Enter');
    await expect(panel.getByTestId('companion-offline')).toContainText('not running');
    await panel.getByTestId('tab-cookies').click();
    await sessionRow(panel, '127.0.0.1').click();
    await expect(panel.getByTestId('decoded-payload')).toContainText('theme');
    await site.close();
    await panel.close();
  } finally {
    await plain.close();
  }
});

test('live: a cache restart on the companion turns the shown record into no-server-record without a reload', async () => {
  const site = await ext.context.newPage();
  const origin = companion.siteUrl('cache.localhost');
  await site.goto(`${origin}/demo/cart`);
  await site.getByTestId('add-oat-milk').click();
  await expect(site.getByTestId('cart-line-oat-milk')).toBeVisible();
  const panel = await openPanel(await tabIdOf(origin));
  await sessionRow(panel, 'cache.localhost').click();
  const record = panel.getByTestId('server-record');
  await expect(record).toHaveAttribute('data-found', 'true');
  const r = await fetch(`http://127.0.0.1:${companion.port}/__sessionscope/faults?engine=cache`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action: 'restart-cache' }),
  });
  expect(r.status).toBe(200);
  await expect(record).toHaveAttribute('data-found', 'false');
  await expect(record.locator('[data-testid=server-diagnostic][data-rule=no-server-record]')).toBeVisible();
  await site.close();
  await panel.close();
});
