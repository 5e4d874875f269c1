import { test, expect } from '@playwright/test';
import { launchWithExtension, type LoadedExtension } from '../support/extension.ts';
import { page as html, startSite, type Site } from './site.ts';
import { tabFor } from './debug.ts';

let ext: LoadedExtension;
let site: Site;

test.beforeAll(async () => {
  site = await startSite({
    '/': { headers: { 'set-cookie': ['server_pref=compact; Path=/; HttpOnly; SameSite=Lax'] },
      body: html('home', '<script src="/app.js"></script>') },
    '/app.js': { type: 'text/javascript', body: "document.cookie = 'js_pref=dark; path=/; SameSite=Lax';" },
    '/store': { body: html('cookie store', '<script src="/store.js"></script>') },
    '/store.js': { type: 'text/javascript', body: "cookieStore.set({ name: 'cs_pref', value: 'wide', sameSite: 'lax' });" },
    '/rejected': { headers: { 'set-cookie': ['cross_site=1; Path=/; SameSite=None', 'kept=1; Path=/; SameSite=Lax'] }, body: html('rejected') },
  });
  ext = await launchWithExtension();
});
test.afterAll(async () => {
  await ext?.context.close();
  await site?.close();
});

test('the timeline tells HTTP-set cookies from script-set ones, with the writer', async () => {
  const tab = await ext.context.newPage();
  await tab.goto(site.origin() + '/');
  await expect.poll(async () => {
    const t = await tabFor(ext.worker, site.origin());
    return (t?.events ?? []).filter((e) => e.kind === 'change').map((e) => e.kind === 'change' && `${e.cookie.name}:${e.source}:${e.origin}`).sort();
  }, { timeout: 10_000 }).toEqual([`js_pref:script:${site.origin()}/app.js`, `server_pref:http:${site.origin()}/`]);
  const t = (await tabFor(ext.worker, site.origin()))!;
  const header = t.events.find((e) => e.kind === 'set-cookie');
  expect(header).toMatchObject({ name: 'server_pref', method: 'GET', status: 200, frameId: 0, url: `${site.origin()}/` });
  expect(t.events.find((e) => e.kind === 'script-write')).toMatchObject({ api: 'document.cookie', name: 'js_pref', scriptUrl: `${site.origin()}/app.js` });
  await tab.close();
});

test('a Set-Cookie the browser rejects becomes blocked-by-browser with the model reason', async () => {
  const tab = await ext.context.newPage();
  await tab.goto(site.origin() + '/rejected');
  await expect.poll(async () => {
    const t = await tabFor(ext.worker, `${site.origin()}/rejected`);
    return t?.findings.filter((f) => f.rule === 'blocked-by-browser').map((f) => f.cookie.name) ?? [];
  }, { timeout: 10_000 }).toEqual(['cross_site']);
  const t = (await tabFor(ext.worker, `${site.origin()}/rejected`))!;
  expect(t.events.find((e) => e.kind === 'blocked')).toMatchObject({ name: 'cross_site', reason: 'SameSiteNoneInsecure' });
  expect(t.findings.find((f) => f.rule === 'blocked-by-browser')!.message).toContain('SameSiteNoneInsecure');
  await tab.close();
});

test('CookieStore writes are attributed to the calling script as well', async () => {
  const tab = await ext.context.newPage();
  await tab.goto(site.origin() + '/store');
  await expect.poll(async () => {
    const t = await tabFor(ext.worker, `${site.origin()}/store`);
    return (t?.events ?? []).filter((e) => e.kind === 'change' && e.cookie.name === 'cs_pref').map((e) => e.kind === 'change' && `${e.source}:${e.origin}`);
  }, { timeout: 10_000 }).toEqual([`script:${site.origin()}/store.js`]);
  const t = (await tabFor(ext.worker, `${site.origin()}/store`))!;
  expect(t.events.find((e) => e.kind === 'script-write')).toMatchObject({ api: 'cookieStore.set', name: 'cs_pref', text: 'cs_pref=wide' });
  await tab.close();
});
