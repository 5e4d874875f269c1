import { browser } from '../browser-api.ts';
import type { BackgroundPlatform } from '../types.ts';
import { createWebextCookies } from './cookies.ts';
import { createWebextMessaging } from './messaging.ts';
import { createWebextArea } from './storage.ts';
import { createWebextTabs } from './tabs.ts';
import { createWebextTraffic } from './traffic.ts';

/** The real browser behind the background's interfaces. */
export function createWebextPlatform(): BackgroundPlatform {
  return {
    cookies: createWebextCookies(browser),
    traffic: createWebextTraffic(browser),
    session: createWebextArea(browser.storage.session, { jsonValues: true }),
    local: createWebextArea(browser.storage.local),
    messaging: createWebextMessaging(browser),
    tabs: createWebextTabs(browser),
    clock: { now: () => Date.now(), setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as number) },
  };
}
