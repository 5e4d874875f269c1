import { test, expect } from '@playwright/test';
import { launchWithExtension, type LoadedExtension } from '../support/extension.ts';
import { page as html, startSite, type Site } from '../background/site.ts';
import { tabFor } from '../background/debug.ts';

// Two toy apps: one keeps the pre-login session id (fixation), one rotates it like Django's cycle_key().
let ext: LoadedExtension;
let site: Site;
const FIXED = 'p4x8c2v6b1n9m3q7w5e0r4t8y2u6i1o5';
let rotated = 0;
const form = html('login', '<form method="post" action="/login"><input name="u" value="alice"><input type="password" name="p" value="pw"><button>Log in</button></form>');

test.beforeAll(async () => {
  site = await startSite({
    '/fixed/': { headers: { 'set-cookie': `sessionid=${FIXED}; Path=/fixed; HttpOnly; SameSite=Lax` }, body: form.replace('/login', '/fixed/login') },
    '/fixed/login': { status: 302, headers: { location: '/fixed/home', 'set-cookie': [`sessionid=${FIXED}; Path=/fixed; HttpOnly; SameSite=Lax`, 'logged_in=1; Path=/fixed; SameSite=Lax'] } },
    '/fixed/home': { body: html('home') },
    '/rotating/': { headers: { 'set-cookie': 'sessionid=a0a0a0a0b1b1b1b1c2c2c2c2d3d3d3d3; Path=/rotating; HttpOnly; SameSite=Lax' }, body: form.replace('/login', '/rotating/login') },
    '/rotating/login': () => ({ status: 302, headers: { location: '/rotating/home',
      'set-cookie': `sessionid=f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c${rotated++}; Path=/rotating; HttpOnly; SameSite=Lax` } }),
    '/rotating/home': { body: html('home') },
  });
  ext = await launchWithExtension();
});
test.afterAll(async () => {
  await ext?.context.close();
  await site?.close();
});

async function logIn(prefix: string) {
  const tab = await ext.context.newPage();
  await tab.goto(`${site.origin()}${prefix}/`);
  await expect.poll(async () => (await tabFor(ext.worker, site.origin()))?.events.some((e) => e.kind === 'change') ?? false).toBe(true);
  await tab.getByRole('button', { name: 'Log in' }).click();
  await tab.waitForURL(`**${prefix}/home`);
  return tab;
}

test('a password login that keeps the session id raises session-fixation', async () => {
  const tab = await logIn('/fixed');
  await expect.poll(async () => (await tabFor(ext.worker, site.origin()))?.findings
    .filter((f) => f.rule === 'session-fixation').map((f) => f.cookie.name) ?? [], { timeout: 15_000 }).toEqual(['sessionid']);
  const t = (await tabFor(ext.worker, site.origin()))!;
  expect(t.events.find((e) => e.kind === 'login')).toMatchObject({ action: `${site.origin()}/fixed/login` });
  await tab.close();
});

test('a login that rotates the session id does not', async () => {
  const tab = await logIn('/rotating');
  const tabId = (await tabFor(ext.worker, `${site.origin()}/rotating`))!.tabId;
  // a login is judged LOGIN_SETTLE_MS (4 s) after the submit: poll until that has passed and the audit ran
  await expect.poll(async () => ext.worker.evaluate(async (id) => {
    const dbg = (globalThis as unknown as { __sessionscopeDebug: { idle(): Promise<void>; state(t?: number): Promise<{ tabs: { events: { kind: string; time: number }[] }[] }> } }).__sessionscopeDebug;
    await dbg.idle();
    const login = (await dbg.state(id)).tabs[0]?.events.find((e) => e.kind === 'login');
    return login !== undefined && Date.now() - login.time > 4500;
  }, tabId), { timeout: 15_000 }).toBe(true);
  await ext.worker.evaluate(() => (globalThis as unknown as { __sessionscopeDebug: { idle(): Promise<void> } }).__sessionscopeDebug.idle());
  const t = (await tabFor(ext.worker, `${site.origin()}/rotating`))!;
  expect(t.findings.filter((f) => f.rule === 'session-fixation')).toEqual([]);
  await tab.close();
});
