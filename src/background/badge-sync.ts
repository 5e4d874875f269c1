// Keeps each tab's in-page badge in step with its findings, at most once per BADGE_DELAY_MS per tab.
import type { BackgroundToContent, BadgeItem, Settings } from '../core/protocol/index.ts';
import { makeMessage } from '../core/protocol/index.ts';
import type { BackgroundPlatform } from '../platform/types.ts';
import { hostOf, type TabRegistry } from './tab-state.ts';

export const BADGE_DELAY_MS = 300;
const MAX_ITEMS = 200;

export class BadgeSync {
  private timers = new Map<number, unknown>();

  constructor(private platform: BackgroundPlatform, private tabs: TabRegistry, private settings: () => Settings) {}

  /** What the badge in `tabId` should show for a page at `pageUrl`. No cookie values: the page owns the DOM. */
  badgeFor(tabId: number, pageUrl: string | null): BackgroundToContent['findings'] {
    const s = this.settings();
    const host = pageUrl ? hostOf(pageUrl) : null;
    const enabled = s.badgeEnabled && !(host && s.badgeDisabledSites.includes(host));
    const tab = this.tabs.tabs.get(tabId);
    const items: BadgeItem[] = !tab || !enabled ? [] : [...tab.findings.values()].slice(0, MAX_ITEMS)
      .map((f) => ({ rule: f.rule, severity: f.severity, cookieName: f.cookie.name, message: f.message }));
    return { enabled, items };
  }

  schedule(tabId: number): void {
    if (this.timers.has(tabId)) return;
    this.timers.set(tabId, this.platform.clock.setTimeout(() => {
      this.timers.delete(tabId);
      const tab = this.tabs.tabs.get(tabId);
      if (!tab) return;
      const payload = this.badgeFor(tabId, tab.url);
      void this.platform.messaging.sendToTab(tabId, makeMessage<BackgroundToContent, 'findings'>('findings', payload));
    }, BADGE_DELAY_MS));
  }

  scheduleAll(): void {
    for (const tabId of this.tabs.tabs.keys()) this.schedule(tabId);
  }
}
