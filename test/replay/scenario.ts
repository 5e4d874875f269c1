// The 84-step session scenario of the Django reference app (peers/django_ref), as TypeScript, so that
// `npm test` can diff the companion with real Django's transcripts on a machine without the reference.
import { PyFloat } from '../../src/core/python/json.ts';
import { Runner } from './runner.ts';

export const SCENARIO_VERSION = 1;
export const DEFAULT_SECRET = 'django-ref-insecure-secret-key-do-not-use-in-production';
const UNKNOWN_KEY = '0123456789abcdefghijklmnopqrstuv';
const UPPER_KEY = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const TRAVERSAL_KEY = '../../../../etc/passwd';

function isoIn(seconds: number): () => [string, string] {
  return () => {
    const d = new Date(Math.floor(Date.now() / 1000) * 1000 + seconds * 1000);
    return [d.toISOString().replace('.000Z', '+00:00'), `"<iso now${seconds >= 0 ? '+' : ''}${seconds}s>"`];
  };
}

async function partA(s: Runner['step'], r: Runner): Promise<void> {
  await s('no cookie, view never touches the session', 'GET', '/noop');
  await s('no cookie, read session', 'GET', '/session');
  await s('first write creates the session', 'POST', '/session/set', { color: 'blue', n: 1 });
  await s('read back', 'GET', '/session');
  await s('storage after first write', 'GET', '/store/{jar}');
  await s('cookie sent, session not touched', 'GET', '/noop');
  await s('overwrite a value', 'POST', '/session/set', { n: 2 });
  await s('update({}) still marks modified', 'POST', '/session/update', {});
  await s('setdefault on an existing key', 'POST', '/session/setdefault', { key: 'color', value: 'red' });
  await s('setdefault on a new key', 'POST', '/session/setdefault', { key: 'size', value: 'L' });
  await s('get an existing key', 'GET', '/session/get?key=color');
  await s('get a missing key', 'GET', '/session/get?key=nope');
  await s('pop an existing key', 'POST', '/session/pop?key=n');
  await s('pop a missing key without default', 'POST', '/session/pop?key=nope');
  await s('pop a missing key with default', 'POST', '/session/pop?key=nope&default=null');
  await s('delete an existing key', 'POST', '/session/delete?key=size');
  await s('delete a missing key', 'POST', '/session/delete?key=nope');
  await s('unicode and nested values', 'POST', '/session/set',
    { text: 'caf\u00e9 \u2603', nested: { list: [1, new PyFloat(2.5), true, null], obj: { z: 1, a: 2 } } });
  await s('storage after nested values', 'GET', '/store/{jar}');
  await s('large value (compression)', 'POST', '/session/set', { big: 'x'.repeat(300) });
  await s('storage with compressible data', 'GET', '/store/{jar}');
  await s('remove large value', 'POST', '/session/pop?key=big');
  void r;
}

async function partB(s: Runner['step']): Promise<void> {
  await s('set_expiry(300)', 'POST', '/session/set_expiry', 300);
  await s('state with int expiry', 'GET', '/session');
  await s('storage with int expiry', 'GET', '/store/{jar}');
  await s('set_expiry(90.5) float', 'POST', '/session/set_expiry', new PyFloat(90.5));
  await s('set_expiry(0) = browser close', 'POST', '/session/set_expiry', 0);
  await s('state with browser-close expiry', 'GET', '/session');
  await s('storage with browser-close expiry', 'GET', '/store/{jar}');
  await s('set_expiry(None) removes custom expiry', 'POST', '/session/set_expiry', null);
  await s('set_expiry(None) again (nothing to remove)', 'POST', '/session/set_expiry', null);
  await s('set_expiry(timedelta 3600s)', 'POST', '/session/set_expiry', { timedelta_seconds: 3600 }, { approx: true });
  await s('state after timedelta expiry', 'GET', '/session', undefined, { approx: true });
  await s('set_expiry(ISO datetime now+7200s)', 'POST', '/session/set_expiry', isoIn(7200), { approx: true });
  await s('state after datetime expiry', 'GET', '/session', undefined, { approx: true });
  await s('reset expiry', 'POST', '/session/set_expiry', null);
  await s('modify + 404 response', 'POST', '/session/set?status=404', { s404: 1 });
  await s('modify + 500 response', 'POST', '/session/set?status=500', { s500: 1 });
  await s('modify + 503 response', 'POST', '/session/set?status=503', { s503: 1 });
  await s('which writes survived', 'GET', '/session');
}

async function partD(s: Runner['step']): Promise<void> {
  await s('cycle_key keeps data, new key', 'POST', '/session/cycle_key', undefined, { remember: 'before_cycle' });
  await s('old key after cycle_key', 'GET', '/store/{before_cycle}');
  await s('new key after cycle_key', 'GET', '/store/{jar}');
  await s('replay the pre-cycle cookie', 'GET', '/session', undefined, { cookie: { var: 'before_cycle' } });
  await s('login user 42 (cycle_key)', 'POST', '/login', { user_id: 42 });
  await s('storage after login', 'GET', '/store/{jar}');
  await s('login same user again (no rotation)', 'POST', '/login', { user_id: 42 });
  await s('login a different user (flush)', 'POST', '/login', { user_id: 7 });
  await s('logout (flush)', 'POST', '/logout', undefined, { remember: 'before_logout' });
  await s('old key after logout', 'GET', '/store/{before_logout}');
  await s('replay the logged-out cookie', 'GET', '/session', undefined, { cookie: { var: 'before_logout' } });
  await s('after logout, no cookie', 'GET', '/session');
}

async function partE(s: Runner['step'], r: Runner): Promise<void> {
  await s('short cookie (<8 chars), session read', 'GET', '/session', undefined, { cookie: 'short' });
  await s('short cookie, session NOT touched', 'GET', '/noop', undefined, { cookie: 'short' });
  await s('empty cookie value, session NOT touched', 'GET', '/noop', undefined, { cookie: '' });
  await s('unknown well-formed key, session read', 'GET', '/session', undefined, { cookie: UNKNOWN_KEY });
  await s('unknown well-formed key, session NOT touched', 'GET', '/noop', undefined, { cookie: UNKNOWN_KEY });
  await s('path traversal key', 'GET', '/session', undefined, { cookie: TRAVERSAL_KEY });
  await s('upper-case key', 'GET', '/session', undefined, { cookie: UPPER_KEY });
  await s('write with unknown key: key is not adopted', 'POST', '/session/set', { x: 1 }, { cookie: UNKNOWN_KEY, jar: true });
  await s('unknown key stays unknown', 'GET', `/store/${UNKNOWN_KEY}`);
  await s('duplicate cookie names: last one wins', 'GET', '/session', undefined,
    { rawCookieHeader: `${r.cookieName}=${UNKNOWN_KEY}; ${r.cookieName}={jar}` });
  await s('tampered cookie (last char changed)', 'GET', '/session', undefined,
    { cookie: null, rawCookieHeader: `${r.cookieName}={tampered}` });
  await s('corrupt the stored data', 'POST', '/store/{jar}/corrupt');
  await s('read corrupted session', 'GET', '/session');
  await s('write after corruption', 'POST', '/session/set', { after_corruption: true });
}

async function partFGH(s: Runner['step']): Promise<void> {
  await s('clear() keeps the key, empties data', 'POST', '/session/clear');
  await s('storage after clear', 'GET', '/store/{jar}');
  await s('flush() with cookie', 'POST', '/session/flush', undefined, { remember: 'before_flush' });
  await s('storage after flush', 'GET', '/store/{before_flush}');
  await s('flush() without cookie', 'POST', '/session/flush');
  await s('clear() without cookie', 'POST', '/session/clear');
  await s('update({}) without cookie', 'POST', '/session/update', {});
  await s('new session for interruption test', 'POST', '/session/set', { b: 1 });
  await s('store deleted before save', 'POST', '/session/interrupt');
  await s('after interruption', 'GET', '/session');
  await s('new session for expiry test', 'POST', '/session/set', { c: 1 });
  await s('set_expiry(-10): already expired', 'POST', '/session/set_expiry', -10, { capture: 'expired' });
  await s('storage of expired session', 'GET', '/store/{expired}');
  await s('replay the expired cookie', 'GET', '/session', undefined, { cookie: { var: 'expired' } });
  await s('storage after replay', 'GET', '/store/{expired}');
  await s('clearsessions', 'POST', '/clearsessions');
  await s('storage after clearsessions', 'GET', '/store/{expired}');
  await s('end state', 'GET', '/session');
}

/** Runs the whole scenario against `baseUrl` and returns the normalised transcript text. */
export async function runScenario(baseUrl: string, { cookieName = 'sessionid', secret = DEFAULT_SECRET as string | null } = {}): Promise<string> {
  const r = new Runner(baseUrl, cookieName, secret || null);
  const s = r.step.bind(r);
  r.say(`# django session scenario v${SCENARIO_VERSION}`);
  r.say('');
  await partA(s, r);
  await partB(s);
  await partD(s);
  await partE(s, r);
  await partFGH(s);
  return r.lines.join('\n') + '\n';
}
