import type { TabsPort } from '../types.ts';

export class MemoryTabs implements TabsPort {
  readonly urls = new Map<number, string>();
  private removedListeners: ((tabId: number) => void)[] = [];
  private navigatedListeners: ((tabId: number, url: string) => void)[] = [];

  onRemoved(l: (tabId: number) => void): void { this.removedListeners.push(l); }
  onNavigated(l: (tabId: number, url: string) => void): void { this.navigatedListeners.push(l); }
  async getUrl(tabId: number): Promise<string | null> { return this.urls.get(tabId) ?? null; }

  navigate(tabId: number, url: string): void {
    this.urls.set(tabId, url);
    for (const l of this.navigatedListeners) l(tabId, url);
  }

  close(tabId: number): void {
    this.urls.delete(tabId);
    for (const l of this.removedListeners) l(tabId);
  }
}
