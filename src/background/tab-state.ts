// Per-tab state held by the background: the bounded timeline, the tab's findings and the hosts it talked
// to (which decide what cookies the panel shows for it).
import type { Finding, NewTimelineEvent, TimelineEvent } from '../core/protocol/index.ts';
import { Timeline } from '../core/timeline/index.ts';

const MAX_HOSTS = 200;
export const MAX_FINDINGS = 2000;

export function findingId(f: Finding): string {
  return [f.rule, f.cookie.name, f.cookie.domain, f.cookie.path].join('\u0000');
}

export class TabState {
  url: string | null = null;
  readonly hosts = new Set<string>();
  readonly findings = new Map<string, Finding>();
  /** events pushed since the last flush to panels */
  fresh: TimelineEvent[] = [];
  findingsChanged = false;
  /** bumped on every added finding: persistence rewrites the findings record only when it moved */
  findingsVersion = 0;
  /** Cookie headers of the latest POSTs: what a login form actually sent (values, HttpOnly included) */
  readonly recentPosts: { url: string; time: number; cookieHeader: string }[] = [];

  constructor(readonly tabId: number, public timeline: Timeline) {}

  addHost(url: string): void {
    this.addHostName(hostOf(url));
  }

  /** addHost() for a URL whose host the caller has read already */
  addHostName(host: string | null): void {
    if (!host || this.hosts.has(host)) return;
    if (this.hosts.size >= MAX_HOSTS) this.hosts.delete(this.hosts.values().next().value as string);
    this.hosts.add(host);
  }

  /** Files a fresh event object (it becomes the stored event: callers build one per tab). */
  push(event: NewTimelineEvent): TimelineEvent {
    const stored = this.timeline.adopt(event);
    this.fresh.push(stored);
    return stored;
  }

  /** Adds findings not yet known (first report wins: it carries the earliest evidence). */
  addFindings(findings: readonly Finding[]): void {
    for (const f of findings) {
      const id = findingId(f);
      if (this.findings.has(id) || this.findings.size >= MAX_FINDINGS) continue;
      this.findings.set(id, f);
      this.findingsChanged = true;
      this.findingsVersion++;
    }
  }

  /** Whether a cookie's domain is visible to any host this tab talked to. */
  seesDomain(domain: string, hostOnly: boolean): boolean {
    if (this.hosts.has(domain)) return true;
    if (hostOnly) return false;
    for (const host of this.hosts) {
      if (host === domain || (!hostOnly && host.endsWith(`.${domain}`))) return true;
    }
    return false;
  }
}

export function hostOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.hostname || null;
  } catch {
    return null;
  }
}

export class TabRegistry {
  readonly tabs = new Map<number, TabState>();

  constructor(public limit: number) {}

  /** Tab -1 (requests from no tab: service workers, prefetch) is not tracked. */
  get(tabId: number): TabState | null {
    if (tabId < 0) return null;
    let tab = this.tabs.get(tabId);
    if (!tab) {
      tab = new TabState(tabId, new Timeline(this.limit));
      this.tabs.set(tabId, tab);
    }
    return tab;
  }

  setLimit(limit: number): void {
    this.limit = limit;
    for (const tab of this.tabs.values()) tab.timeline.setLimit(limit);
  }

  /** Tabs whose hosts see a cookie of this domain. */
  interestedIn(domain: string, hostOnly: boolean): TabState[] {
    const out: TabState[] = [];
    for (const t of this.tabs.values()) if (t.seesDomain(domain, hostOnly)) out.push(t);
    return out;
  }
}
