// The demo app over HTTP on real companion sites: login cycles the key, logout flushes, the cart persists,
// preferences and the wizard live in the session, flash messages travel in Django's messages cookie.
import { afterAll, describe, expect, it } from 'vitest';
import { createCompanionServer } from '../../../src/companion/server.ts';
import { installCompanionExtras } from '../../../src/companion/inspect/install.ts';
import type { CompanionServer, Engine } from '../../../src/companion/types.ts';
import { Browser, testId } from './browser.ts';

const servers: CompanionServer[] = [];
afterAll(async () => { await Promise.all(servers.map((s) => s.close())); });

async function start(engine: Engine): Promise<{ port: number }> {
  const server = await createCompanionServer({ sites: [{ engine }], port: 0, quiet: true });
  servers.push(server);
  await installCompanionExtras(server, { version: 'test', argv: [] });
  return { port: server.port };
}

async function accepted(b: Browser, key: string): Promise<boolean> {
  return (await b.get(`/__sessionscope/sessions/${encodeURIComponent(key)}/accepted`)).json().accepted;
}

describe.each(['db', 'file', 'cache', 'cached_db'] as Engine[])('demo app on %s', (engine) => {
  it('login cycles the key, keeps the cart, logout flushes and revokes', async () => {
    const { port } = await start(engine);
    const b = new Browser(port);
    expect((await b.get('/')).headers.location).toBe('/demo/');
    const home = await b.get('/demo/');
    expect(home.status).toBe(200);
    expect(home.setCookies).toEqual([]); // merely looking does not create a session

    expect((await b.post('/demo/cart', { action: 'add', sku: 'espresso' })).status).toBe(303);
    await b.post('/demo/cart', { action: 'add', sku: 'espresso' });
    await b.post('/demo/cart', { action: 'add', sku: 'mug' });
    const anonymous = b.session()!;
    const cart = await b.get('/demo/cart');
    expect(testId(cart.body, 'cart-qty-espresso')).toBe('2');
    expect(testId(cart.body, 'flash-success')).toMatch(/Added/);
    expect(b.jar.has('messages')).toBe(false); // shown once, then the cookie is deleted
    expect(b.session()).toBe(anonymous);

    const wrong = await b.post('/demo/login', { username: 'alice', password: 'nope' });
    expect([wrong.status, testId(wrong.body, 'login-error')]).toEqual([200, 'That username and password do not match.']);
    expect(b.session()).toBe(anonymous);

    const login = await b.post('/demo/login', { username: 'alice', password: 'wonderland' });
    const loggedIn = b.session()!;
    expect(loggedIn).not.toBe(anonymous);
    expect(login.setCookies.find((c) => c.startsWith('sessionid='))).not.toMatch(/Max-Age/); // not remembered: browser-session cookie
    expect(await accepted(b, anonymous)).toBe(false);
    expect(await accepted(b, loggedIn)).toBe(true);
    const after = await b.get('/demo/cart');
    expect(testId(after.body, 'cart-qty-espresso')).toBe('2');
    expect(testId(after.body, 'current-user')).toBe('Alice');

    const logout = await b.post('/demo/logout');
    expect(logout.setCookies.find((c) => c.startsWith('sessionid='))).toMatch(/^sessionid=""; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=\/; SameSite=Lax$/);
    expect(b.session()).toBeUndefined();
    expect(await accepted(b, loggedIn)).toBe(false);
    const bye = await b.get('/demo/');
    expect(testId(bye.body, 'flash-info')).toMatch(/Goodbye, Alice/);
    expect(testId(bye.body, 'home-cart-count')).toBe('0');
  });

  it('remember-me sets a 30-day cookie; logging in as another user flushes', async () => {
    const { port } = await start(engine);
    const b = new Browser(port);
    await b.post('/demo/login', { username: 'alice', password: 'wonderland' });
    await b.post('/demo/cart', { action: 'add', sku: 'kettle' });
    const alice = b.session()!;
    const bob = await b.post('/demo/login', { username: 'bob', password: 'builder', remember: '1' });
    expect(bob.setCookies.find((c) => c.startsWith('sessionid='))).toMatch(/Max-Age=2592000/);
    expect(b.session()).not.toBe(alice);
    expect(testId((await b.get('/demo/cart')).body, 'cart-empty')).toBe('Your cart is empty.');
    const view = (await b.get(`/__sessionscope/sessions/${b.session()}`)).json();
    expect(view.decoded).toMatchObject({ _auth_user_id: '2', _session_expiry: 2592000 });
  });

  it('preferences (nested dict) and the wizard persist in the session', async () => {
    const { port } = await start(engine);
    const b = new Browser(port);
    await b.post('/demo/preferences', { theme: 'dark', digest: 'daily' });
    const prefs = await b.get('/demo/preferences');
    expect(prefs.body).toMatch(/<option value="dark" selected>/);
    expect((await b.get(`/__sessionscope/sessions/${b.session()}`)).json().decoded.prefs).toEqual({ theme: 'dark', notifications: { email: false, digest: 'daily' } });
    expect((await b.post('/demo/preferences', { theme: 'neon', digest: 'daily' })).status).toBe(303);
    expect(testId((await b.get('/demo/preferences')).body, 'flash-error')).toMatch(/choose a theme/);

    await b.post('/demo/register', { action: 'next', username: 'ada', email: '' });
    expect((await b.get('/demo/register')).body).toMatch(/data-step="1"/);
    await b.post('/demo/register', { action: 'next', username: 'ada', email: 'ada@example.com' });
    await b.post('/demo/register', { action: 'back' });
    const back = await b.get('/demo/register');
    expect(back.body).toMatch(/data-step="1"/);
    expect(back.body).toMatch(/value="ada@example.com"/); // earlier answers survive going back
    await b.post('/demo/register', { action: 'next', username: 'ada', email: 'ada@example.com' });
    await b.post('/demo/register', { action: 'next', display_name: 'Ada L.', city: 'London' });
    const review = await b.get('/demo/register');
    expect([testId(review.body, 'review-email'), testId(review.body, 'review-city')]).toEqual(['ada@example.com', 'London']);
    await b.post('/demo/register', { action: 'finish' });
    expect(testId((await b.get('/demo/')).body, 'flash-success')).toMatch(/Account ada created/);
    expect((await b.get(`/__sessionscope/sessions/${b.session()}`)).json().decoded.signup).toBeUndefined();
    await b.post('/demo/register', { action: 'next', username: 'bo', email: 'bo@example.com' });
    await b.post('/demo/register', { action: 'cancel' });
    expect((await b.get(`/__sessionscope/sessions/${b.session()}`)).json().decoded.signup).toBeUndefined();
    expect(testId((await b.get('/demo/register')).body, 'flash-info')).toBe('Registration cancelled.');
  });
});

describe('demo app on signed_cookies', () => {
  it('works with the cookie as the session, and logout cannot revoke old cookies', async () => {
    const { port } = await start('signed_cookies');
    const b = new Browser(port);
    await b.post('/demo/login', { username: 'alice', password: 'wonderland' });
    const cookie = b.session()!;
    expect(cookie).toMatch(/^[\w.-]+:\w+:[\w-]{43}$/);
    await b.post('/demo/logout');
    expect(b.session()).toBeUndefined();
    expect(await accepted(b, cookie)).toBe(true); // no server-side state: a replayed cookie still works
  });

  it('refuses pages and forms from other origins', async () => {
    const { port } = await start('db');
    const evil = await new Browser(port, 'evil.example').get('/demo/');
    expect(evil.status).toBe(421);
  });
});
