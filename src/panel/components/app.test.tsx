// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { createDemoSnapshot, DEMO_SECRET, makeCookie } from '../mock/demo-data.ts';
import { $all, check, click, mountPanel, settle, testIds, type, until, type Mounted } from '../test-support.tsx';

const NOW = 1_796_000_000;
const vectors = JSON.parse(readFileSync('test/fixtures/vectors/django.json', 'utf8')) as {
  id: string; cookie: { name: string; value: string }; secrets: string[]; options: { now: number }; expect: { payload: unknown } }[];

let mounted: Mounted | null = null;
afterEach(() => { mounted?.unmount(); mounted = null; vi.restoreAllMocks(); });

const rowNames = (root: HTMLElement) => testIds(root, 'cookie-row').map((r) => r.dataset.cookieName);

describe('cookies table', () => {
  it('lists every cookie and filters by text and by attributes', async () => {
    mounted = await mountPanel(await createDemoSnapshot(NOW), { nowMs: NOW * 1000 });
    const { root } = mounted;
    expect(rowNames(root)).toEqual(['_ga', 'auth_token', 'csrftoken', 'sessionid']);
    await type(testIds(root, 'cookie-filter')[0], 'token');
    expect(rowNames(root)).toEqual(['auth_token', 'csrftoken']);
    await type(testIds(root, 'cookie-filter')[0], '');
    await check(testIds(root, 'filter-httpOnly')[0]);
    expect(rowNames(root)).toEqual(['sessionid']);
    await check(testIds(root, 'filter-httpOnly')[0], false);
    await check(testIds(root, 'filter-thirdParty')[0]);
    expect(rowNames(root)).toEqual(['_ga']);
    await check(testIds(root, 'filter-thirdParty')[0], false);
    await check(testIds(root, 'filter-hasFindings')[0]);
    expect(rowNames(root)).toEqual(['_ga', 'auth_token', 'csrftoken', 'sessionid']);
    await check(testIds(root, 'filter-sessionOnly')[0]);
    expect(rowNames(root)).toEqual(['auth_token', 'sessionid']);
  });

  it('sorts by a column and reverses on a second click', async () => {
    mounted = await mountPanel(await createDemoSnapshot(NOW), { nowMs: NOW * 1000 });
    const { root } = mounted;
    await click(testIds(root, 'sort-size')[0]);
    expect(rowNames(root)).toEqual(['_ga', 'csrftoken', 'auth_token', 'sessionid']);
    await click(testIds(root, 'sort-size')[0]);
    expect(rowNames(root)).toEqual(['sessionid', 'auth_token', 'csrftoken', '_ga']);
    expect(testIds(root, 'sort-size')[0].closest('[role=columnheader]')?.getAttribute('aria-sort')).toBe('descending');
  });

  it('is keyboard navigable: arrows move the selection, which opens the decoded view', async () => {
    mounted = await mountPanel(await createDemoSnapshot(NOW), { nowMs: NOW * 1000 });
    const { root } = mounted;
    const grid = testIds(root, 'cookie-grid')[0];
    await act(() => { grid.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true })); });
    await act(() => { grid.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true })); });
    expect($all(root, '[data-testid=cookie-row][aria-selected=true]').map((r) => r.dataset.cookieName)).toEqual(['sessionid']);
    await until(() => testIds(root, 'signature-status').length > 0, 'decoded view');
  });

  it('renders only a window of rows for 10,000 cookies', async () => {
    const snapshot = await createDemoSnapshot(NOW);
    snapshot.cookies = Array.from({ length: 10_000 }, (_, i) => makeCookie(`c${String(i).padStart(5, '0')}`, `v${i}`, 'localhost'));
    mounted = await mountPanel(snapshot, { nowMs: NOW * 1000 });
    const rows = testIds(mounted.root, 'cookie-row');
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBeLessThan(100);
    expect(testIds(mounted.root, 'cookie-grid')[0].getAttribute('aria-rowcount')).toBe('10000');
  });
});

describe('decoded view and secrets', () => {
  it('decodes a real Django signed_cookies session and verifies it once the SECRET_KEY is entered', async () => {
    const v = vectors.find((x) => x.id === 'django-signed_cookies-nested-1')!;
    const snapshot = await createDemoSnapshot(v.options.now);
    snapshot.cookies = [makeCookie(v.cookie.name, v.cookie.value, 'localhost', { httpOnly: true })];
    mounted = await mountPanel(snapshot, { nowMs: v.options.now * 1000 });
    const { root } = mounted;
    await click(testIds(root, 'cookie-row')[0]);
    await until(() => testIds(root, 'signature-status').length > 0, 'decoded view');
    expect(testIds(root, 'signature-status')[0].dataset.status).toBe('unverified');
    const tree = testIds(root, 'decoded-payload')[0].textContent ?? '';
    for (const key of Object.keys(v.expect.payload as object)) expect(tree).toContain(key);
    await type(testIds(root, 'secret-input')[0], v.secrets[0]);
    await click(testIds(root, 'secret-save')[0]);
    await until(() => testIds(root, 'signature-status')[0]?.dataset.status === 'valid', 'valid signature');
    expect(testIds(root, 'signature-status')[0].textContent).toContain('with Django SECRET_KEY #1');
    expect(mounted.fake.secrets.get('localhost')).toEqual({ secrets: [{ kind: 'django', value: v.secrets[0] }], persist: false });
  });

  it('takes a secret for the inspected site before any cookie is selected', async () => {
    mounted = await mountPanel(await createDemoSnapshot(NOW), { nowMs: NOW * 1000 });
    const { root } = mounted;
    await until(() => testIds(root, 'secret-input').length === 1, 'secrets form in the empty details pane');
    await type(testIds(root, 'secret-input')[0], DEMO_SECRET);
    await click(testIds(root, 'secret-save')[0]);
    await until(() => mounted!.fake.secrets.has('localhost'), 'secret stored');
    await click($all(root, '[data-testid=cookie-row][data-cookie-name=sessionid]')[0]);
    await until(() => testIds(root, 'signature-status')[0]?.dataset.status === 'valid', 'valid signature');
    expect(testIds(root, 'secret-input')).toHaveLength(1);
  });

  it('says invalid for a tampered value, and warns before persisting secrets', async () => {
    const v = vectors.find((x) => x.id === 'django-signed_cookies-small-1-tampered')!;
    const snapshot = await createDemoSnapshot(v.options.now);
    snapshot.cookies = [makeCookie(v.cookie.name, v.cookie.value, 'localhost')];
    mounted = await mountPanel(snapshot, { nowMs: v.options.now * 1000 });
    const { root } = mounted;
    await click(testIds(root, 'cookie-row')[0]);
    await until(() => testIds(root, 'secret-input').length > 0, 'secrets form');
    await check(testIds(root, 'secret-persist')[0]);
    expect(root.textContent).toMatch(/Persisted secrets are written unencrypted/);
    await type(testIds(root, 'secret-input')[0], v.secrets[0]);
    await click(testIds(root, 'secret-save')[0]);
    await until(() => testIds(root, 'signature-status')[0]?.dataset.status === 'invalid', 'invalid signature');
    expect(mounted.fake.secrets.get('localhost')?.persist).toBe(true);
  });

  it('edits the payload, re-signs with the dev secret and sets the cookie through the background', async () => {
    mounted = await mountPanel(await createDemoSnapshot(NOW), { nowMs: NOW * 1000 });
    const { root, fake } = mounted;
    await click($all(root, '[data-testid=cookie-row][data-cookie-name=sessionid]')[0]);
    await until(() => testIds(root, 'secret-input').length > 0, 'secrets form');
    await type(testIds(root, 'secret-input')[0], DEMO_SECRET);
    await click(testIds(root, 'secret-save')[0]);
    await until(() => testIds(root, 'edit-json').length > 0, 'editor');
    await type(testIds(root, 'edit-json')[0], '{"cart": ["plum"]}');
    await click(testIds(root, 'resign-set')[0]);
    await until(() => testIds(root, 'notice')[0]?.textContent?.includes('re-signed') ?? false, 'notice');
    const session = fake.snapshot.cookies.find((c) => c.name === 'sessionid')!;
    await until(() => testIds(root, 'decoded-payload')[0]?.textContent?.includes('plum') ?? false, 'new payload decoded');
    expect(testIds(root, 'signature-status')[0].dataset.status).toBe('valid');
    expect(session.httpOnly).toBe(true);
  });
});

describe('findings', () => {
  it('groups by severity, worst first, with the fix', async () => {
    mounted = await mountPanel(await createDemoSnapshot(NOW), { nowMs: NOW * 1000 });
    const { root } = mounted;
    await click(testIds(root, 'tab-findings')[0]);
    expect(testIds(root, 'finding-group').map((g) => g.dataset.severity)).toEqual(['high', 'medium', 'info']);
    const high = testIds(root, 'finding-group')[0];
    expect($all(high, '[data-testid=finding]').map((f) => f.dataset.rule)).toEqual(['missing-httponly', 'jwt-weak']);
    expect(root.textContent).toContain('SESSION_COOKIE_SECURE = True');
  });

  it('shows JWT time claims as dates in the decoded tree', async () => {
    mounted = await mountPanel(await createDemoSnapshot(NOW), { nowMs: NOW * 1000 });
    const { root } = mounted;
    await click($all(root, '[data-testid=cookie-row][data-cookie-name=auth_token]')[0]);
    await until(() => testIds(root, 'json-date').length > 0, 'dates');
    expect(testIds(root, 'json-date').map((d) => d.textContent?.trim())).toEqual([
      new Date((NOW - 60) * 1000).toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, ' UTC'),
      new Date((NOW + 3600) * 1000).toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, ' UTC'),
    ]);
  });

  it('exports SARIF through a blob download', async () => {
    mounted = await mountPanel(await createDemoSnapshot(NOW), { nowMs: NOW * 1000 });
    const { root } = mounted;
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => { blobs.push(b as Blob); return 'blob:test'; });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    await click(testIds(root, 'tab-findings')[0]);
    await click(testIds(root, 'export-sarif')[0]);
    const sarif = JSON.parse(await blobs[0].text());
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results).toHaveLength(6);
    await click(testIds(root, 'export-markdown')[0]);
    expect(await blobs[1].text()).toMatch(/^# sessionscope findings/);
  });
});

describe('timeline', () => {
  it('shows every change, filters by cookie and diffs the decoded payload', async () => {
    mounted = await mountPanel(await createDemoSnapshot(NOW), { nowMs: NOW * 1000 });
    const { root } = mounted;
    await click(testIds(root, 'tab-timeline')[0]);
    const kinds = testIds(root, 'timeline-event').map((e) => e.dataset.kind);
    expect(kinds).toEqual(['navigation', 'set-http', 'set-http', 'login', 'overwritten', 'set-script', 'set-http']);
    await act(() => {
      const select = testIds(root, 'timeline-filter')[0] as HTMLSelectElement;
      select.value = 'sessionid';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(testIds(root, 'timeline-event').map((e) => e.dataset.kind)).toEqual(['set-http', 'overwritten']);
    await click($all(root, '[data-testid=timeline-event][data-kind=overwritten]')[0]);
    await until(() => testIds(root, 'diff-row').length > 0, 'diff');
    expect(testIds(root, 'diff-row').map((r) => r.dataset.kind)).toEqual(['added', 'added', 'added']);
    expect(testIds(root, 'payload-diff')[0].textContent).toContain('_auth_user_id');
  });

  it('reports events the background dropped', async () => {
    const snapshot = await createDemoSnapshot(NOW);
    snapshot.dropped = 12;
    mounted = await mountPanel(snapshot, { nowMs: NOW * 1000 });
    await click(testIds(mounted.root, 'tab-timeline')[0]);
    expect(testIds(mounted.root, 'timeline-dropped')[0].textContent).toContain('12');
  });
});

describe('server', () => {
  it('says plainly when the companion is not running, and the rest keeps working', async () => {
    const offline = () => ({
      info: () => Promise.reject(new Error('connect ECONNREFUSED')),
      session: () => Promise.reject(new Error('unreachable')), accepted: () => Promise.reject(new Error('unreachable')),
      subscribe: () => () => {},
    });
    mounted = await mountPanel(await createDemoSnapshot(NOW), { nowMs: NOW * 1000, companion: offline });
    const { root } = mounted;
    await click(testIds(root, 'tab-server')[0]);
    await until(() => testIds(root, 'companion-offline').length > 0, 'offline notice');
    expect(testIds(root, 'companion-status')[0].dataset.status).toBe('offline');
    await click(testIds(root, 'tab-cookies')[0]);
    expect(testIds(root, 'cookie-row')).toHaveLength(4);
  });

  it('shows the server record beside the cookie and flags a key not rotated on login', async () => {
    const snapshot = await createDemoSnapshot(NOW);
    const key = 'k3y0000000000000000000000000rot8';
    const session = makeCookie('sessionid', key, 'db.localhost', { httpOnly: true, session: false, expirationDate: NOW + 1209600 });
    snapshot.cookies = [session];
    snapshot.events = [
      { kind: 'change', seq: 1, time: 1, tabId: 1, cookie: session, removed: false, cause: 'explicit', source: 'http' },
      { kind: 'login', seq: 2, time: 2, tabId: 1, pageUrl: 'http://db.localhost:8765/login', action: '/login' },
    ];
    const site = { engine: 'db', host: 'db.localhost', url: 'http://db.localhost:8765', cookieName: 'sessionid', readOnly: false };
    const companion = () => ({
      info: async () => ({ name: 'sessionscope-companion', version: '0.1.0', sites: [site] }),
      session: async (_s: unknown, k: string) => ({ host: 'db.localhost', key: k, found: true, engine: 'db', data: { _auth_user_id: '1' }, record: null,
        expiresAt: NOW + 1209600, expired: false, location: 'django_session row', fetchedAt: 0 }),
      accepted: async () => ({ accepted: false, reason: 'no stored session with this key' }),
      subscribe: () => () => {},
    });
    mounted = await mountPanel(snapshot, { nowMs: NOW * 1000, companion });
    const { root } = mounted;
    await until(() => mounted!.store.getState().server.status === 'online', 'companion online');
    await click(testIds(root, 'cookie-row')[0]);
    await until(() => testIds(root, 'server-record').length > 0, 'server record');
    const record = testIds(root, 'server-record')[0];
    expect(record.dataset.engine).toBe('db');
    expect(record.dataset.found).toBe('true');
    expect($all(record, '[data-testid=server-diagnostic]').map((d) => d.dataset.rule)).toEqual(['session-fixation']);
    await click(testIds(root, 'tab-findings')[0]);
    expect(testIds(root, 'finding').map((f) => f.dataset.rule)).toContain('session-fixation');
    await settle();
  });
});
