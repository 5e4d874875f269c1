// @vitest-environment happy-dom
// Issue 5: the timeline buffer is configurable and the in-page badge can be turned off globally or per site;
// the background had those settings but the panel offered no way to change them.
import { afterEach, describe, expect, it } from 'vitest';
import { createDemoSnapshot } from '../mock/demo-data.ts';
import { check, click, mountPanel, testIds, type, until, type Mounted } from '../test-support.tsx';

const NOW = 1_796_000_000;
let mounted: Mounted | null = null;
afterEach(() => { mounted?.unmount(); mounted = null; });

async function commit(root: HTMLElement, value: string) {
  await type(testIds(root, 'timeline-limit')[0], value);
  await click(testIds(root, 'timeline-limit-set')[0]);
}

describe('extension settings in the Server tab', () => {
  it('turns the badge off everywhere and back on for a site where it was off', async () => {
    const snapshot = await createDemoSnapshot(NOW);
    snapshot.settings = { ...snapshot.settings, badgeDisabledSites: ['shop.example'] };
    mounted = await mountPanel(snapshot, { nowMs: NOW * 1000 });
    const { root, fake } = mounted;
    await click(testIds(root, 'tab-server')[0]);
    expect(testIds(root, 'badge-off-site').map((li) => li.textContent)).toEqual(['Badge off on shop.example turn back on']);
    await check(testIds(root, 'badge-enabled')[0], false);
    await until(() => fake.snapshot.settings.badgeEnabled === false, 'badge off everywhere');
    await click(testIds(root, 'badge-site-on')[0]);
    await until(() => fake.snapshot.settings.badgeDisabledSites.length === 0, 'badge back on for the site');
    expect(testIds(root, 'badge-off-site')).toHaveLength(0);
  });

  it('sets the per-tab timeline size within the limits the background accepts', async () => {
    mounted = await mountPanel(await createDemoSnapshot(NOW), { nowMs: NOW * 1000 });
    const { root, fake } = mounted;
    await click(testIds(root, 'tab-server')[0]);
    // the Server tab re-renders as the companion check settles: look the input up each time
    const input = () => testIds(root, 'timeline-limit')[0] as HTMLInputElement;
    await until(() => input()?.value === '5000', 'timeline size shown');
    await commit(root, '20000');
    await until(() => fake.snapshot.settings.timelineLimit === 20000, 'limit saved');
    // below the minimum: the form's own validation (min/max/step) refuses it, nothing is sent
    await commit(root, '5');
    expect(fake.snapshot.settings.timelineLimit).toBe(20000);
    expect(mounted.store.getState().settings.timelineLimit).toBe(20000);
  });
});
