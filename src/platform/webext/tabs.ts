import type { Browser } from '../browser-api.ts';
import type { TabsPort } from '../types.ts';

export function createWebextTabs(browser: Browser): TabsPort {
  return {
    onRemoved(listener) {
      browser.tabs.onRemoved.addListener((tabId) => listener(tabId));
    },
    onNavigated(listener) {
      // webNavigation would need another permission; a top-frame URL change on tabs.onUpdated is enough
      browser.tabs.onUpdated.addListener((tabId, info) => {
        if (typeof info.url === 'string') listener(tabId, info.url);
      });
    },
    async getUrl(tabId) {
      try {
        return (await browser.tabs.get(tabId)).url ?? null;
      } catch {
        return null; // the tab closed meanwhile
      }
    },
  };
}
