// @vitest-environment happy-dom
// The tab labels promise a number of rows; the views must list exactly that many.
import { afterEach, describe, expect, it } from 'vitest';
import { createBulkSnapshot, createDemoSnapshot } from '../mock/demo-data.ts';
import { deriveTimeline } from '../lib/derive-timeline.ts';
import type { RawEvent } from '../store/initial-state.ts';
import { countTimelineRows, eventsOf } from '../store/selectors.ts';
import { click, mountPanel, testIds, type Mounted } from '../test-support.tsx';

const NOW = 1_796_000_000;
let mounted: Mounted | null = null;
afterEach(() => { mounted?.unmount(); mounted = null; });

const labelCount = (root: HTMLElement, tab: string) => Number(/\((\d+)\)/.exec(testIds(root, `tab-${tab}`)[0].textContent ?? '')?.[1]);

describe('tab counts', () => {
  it('the Timeline tab counts the rows the timeline lists (requests and overwrite removals are not rows)', async () => {
    const snapshot = await createDemoSnapshot(NOW);
    // the login overwrites sessionid: a removal and a set in the store, one "overwritten" row on the timeline
    expect(snapshot.events.some((e) => e.kind === 'change' && e.removed && e.cause === 'overwrite')).toBe(true);
    snapshot.events.push({ kind: 'request', seq: 99, time: NOW * 1000, tabId: snapshot.tabId, url: 'http://localhost:8000/shop',
      method: 'GET', frameId: 0, cookieNames: ['sessionid'], headerBytes: 60 });
    mounted = await mountPanel(snapshot, { nowMs: NOW * 1000 });
    const { root } = mounted;
    await click(testIds(root, 'tab-timeline')[0]);
    const rows = testIds(root, 'timeline-event').length;
    expect(rows).toBeGreaterThan(0);
    expect(labelCount(root, 'timeline')).toBe(rows);
    expect(root.textContent).toContain(`${rows} event(s)`);
  });

  it('the Findings tab counts the findings listed', async () => {
    mounted = await mountPanel(await createDemoSnapshot(NOW), { nowMs: NOW * 1000 });
    const { root } = mounted;
    await click(testIds(root, 'tab-findings')[0]);
    expect(labelCount(root, 'findings')).toBe(testIds(root, 'finding').length);
  });

  it('countTimelineRows agrees with the derived timeline on a bulk tab', () => {
    const raw = createBulkSnapshot(200, 5000, NOW).events as unknown as RawEvent[];
    expect(countTimelineRows(raw)).toBe(deriveTimeline(eventsOf(raw)).length);
  });
});
