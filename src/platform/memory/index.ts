import type { BackgroundPlatform } from '../types.ts';
import { ManualClock } from './clock.ts';
import { MemoryCookies } from './cookies.ts';
import { MemoryMessaging, MemoryPort } from './messaging.ts';
import { MemoryArea } from './storage.ts';
import { MemoryTabs } from './tabs.ts';
import { MemoryTraffic } from './traffic.ts';

export { ManualClock, flushMicrotasks } from './clock.ts';
export { MemoryCookies, MemoryMessaging, MemoryPort, MemoryArea, MemoryTabs, MemoryTraffic };

export interface MemoryPlatform extends BackgroundPlatform {
  cookies: MemoryCookies; traffic: MemoryTraffic; session: MemoryArea; local: MemoryArea;
  messaging: MemoryMessaging; tabs: MemoryTabs; clock: ManualClock;
}

/** A whole fake browser; pass `session` to simulate a worker restart that keeps storage.session. */
export function createMemoryPlatform(keep: Partial<Pick<MemoryPlatform, 'session' | 'local' | 'cookies' | 'clock' | 'tabs'>> = {}): MemoryPlatform {
  const clock = keep.clock ?? new ManualClock();
  return {
    clock,
    cookies: keep.cookies ?? new MemoryCookies(() => clock.now()),
    traffic: new MemoryTraffic(),
    session: keep.session ?? new MemoryArea(10 * 1024 * 1024),
    local: keep.local ?? new MemoryArea(),
    messaging: new MemoryMessaging(),
    tabs: keep.tabs ?? new MemoryTabs(),
  };
}
