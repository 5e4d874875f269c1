// @vitest-environment happy-dom
// Keyboard shortcuts of the cookie grid beyond the arrows (docs/panel.md): Enter, Esc and `t`.
import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import { createDemoSnapshot } from '../mock/demo-data.ts';
import { $all, click, mountPanel, testIds, type Mounted } from '../test-support.tsx';

const NOW = 1_796_000_000;
let mounted: Mounted | null = null;
afterEach(() => { mounted?.unmount(); mounted = null; });

const press = (el: HTMLElement, key: string) => act(() => { el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true })); });

describe('cookie grid keyboard', () => {
  it('t opens the timeline of the selected cookie, filtered to it', async () => {
    mounted = await mountPanel(await createDemoSnapshot(NOW), { nowMs: NOW * 1000 });
    const { root } = mounted;
    await press(testIds(root, 'cookie-grid')[0], 'End');
    await press(testIds(root, 'cookie-grid')[0], 't');
    expect(testIds(root, 'tab-timeline')[0].getAttribute('aria-selected')).toBe('true');
    expect(mounted.store.getState().ui.timelineCookie).toBe('sessionid');
    const names = testIds(root, 'timeline-event').map((e) => e.dataset.cookieName);
    expect(names.length).toBeGreaterThan(0);
    expect(new Set(names)).toEqual(new Set(['sessionid']));
  });

  it('End and Home with nothing selected pick the last and the first row', async () => {
    mounted = await mountPanel(await createDemoSnapshot(NOW), { nowMs: NOW * 1000 });
    const { root } = mounted;
    const selected = () => $all(root, '[data-testid=cookie-row][aria-selected=true]').map((r) => r.dataset.cookieName);
    await press(testIds(root, 'cookie-grid')[0], 'End');
    expect(selected()).toEqual(['sessionid']);
    await press(testIds(root, 'cookie-grid')[0], 'Escape');
    await press(testIds(root, 'cookie-grid')[0], 'Home');
    expect(selected()).toEqual(['_ga']);
    await press(testIds(root, 'cookie-grid')[0], 'Escape');
    await press(testIds(root, 'cookie-grid')[0], 'ArrowUp');
    expect(selected()).toEqual(['sessionid']);
  });

  it('shows and sorts by the Priority of the Set-Cookie headers seen (the cookies API has none)', async () => {
    const snapshot = await createDemoSnapshot(NOW);
    const url = 'http://localhost:8000/login';
    snapshot.events.push(
      { kind: 'set-cookie', seq: 100, time: NOW * 1000, tabId: snapshot.tabId, url, method: 'POST', status: 302, frameId: 0, name: 'sessionid', header: 'sessionid=x; Path=/; Priority=High' },
      { kind: 'set-cookie', seq: 101, time: NOW * 1000, tabId: snapshot.tabId, url, method: 'POST', status: 302, frameId: 0, name: 'csrftoken', header: 'csrftoken=y; Path=/' },
    );
    mounted = await mountPanel(snapshot, { nowMs: NOW * 1000 });
    const { root } = mounted;
    const priorities = () => Object.fromEntries(testIds(root, 'cookie-row').map((r) => [r.dataset.cookieName, r.querySelector('[data-testid=cookie-priority]')!.textContent]));
    expect(priorities()).toEqual({ _ga: '', auth_token: '', csrftoken: 'Medium', sessionid: 'High' });
    await click(testIds(root, 'sort-priority')[0]);
    expect(testIds(root, 'cookie-row').map((r) => r.dataset.cookieName)).toEqual(['_ga', 'auth_token', 'csrftoken', 'sessionid']);
    await click(testIds(root, 'sort-priority')[0]);
    expect(testIds(root, 'cookie-row').map((r) => r.dataset.cookieName)).toEqual(['sessionid', 'csrftoken', '_ga', 'auth_token']);
  });

  it('Enter moves focus to the details, Esc clears the selection', async () => {
    mounted = await mountPanel(await createDemoSnapshot(NOW), { nowMs: NOW * 1000 });
    const { root } = mounted;
    const grid = testIds(root, 'cookie-grid')[0];
    await press(grid, 'ArrowDown');
    await press(grid, 'Enter');
    expect(document.activeElement?.id).toBe('cookie-details');
    await press(grid, 'Escape');
    expect($all(root, '[data-testid=cookie-row][aria-selected=true]')).toHaveLength(0);
  });
});
