// @vitest-environment happy-dom
// Keyboard shortcuts of the cookie grid beyond the arrows (docs/panel.md): Enter, Esc and `t`.
import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import { createDemoSnapshot } from '../mock/demo-data.ts';
import { $all, mountPanel, testIds, type Mounted } from '../test-support.tsx';

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
