// Panel ports: one per open panel, subscribed to one tab. A panel reconnects after a worker restart and
// subscribes again with the last seq it holds; it then gets a snapshot with only the events it missed.
import {
  PANEL_TO_BACKGROUND, PORT_NAMES, PROTOCOL_VERSION, cookieKeyOf, makeMessage, parseMessage,
  type BackgroundToPanel, type CookieKey, type CookieRecord, type PanelToBackground, type Settings,
} from '../core/protocol/index.ts';
import type { BackgroundPlatform, PortLike, Sender } from '../platform/types.ts';
import type { TabRegistry, TabState } from './tab-state.ts';

type Reply = BackgroundToPanel[keyof BackgroundToPanel];
/** Answers a validated panel request; the returned message (if any) goes back with the request's id. */
export type PanelRequestHandler = (message: { type: keyof PanelToBackground; payload: unknown }) =>
  Promise<{ type: keyof BackgroundToPanel; payload: Reply } | null>;

const send = <K extends keyof BackgroundToPanel>(port: PortLike, type: K, payload: BackgroundToPanel[K], id?: number) => {
  try { port.postMessage(makeMessage<BackgroundToPanel, K>(type, payload, id)); } catch { /* panel closed mid-send */ }
};

export function isExtensionPage(sender: Sender | undefined, runtimeId: string, extensionOrigin: string): boolean {
  // a prefix test, not URL.origin: non-special schemes (chrome-extension:, moz-extension:) have an opaque
  // origin in some URL implementations
  return !!sender && sender.id === runtimeId && !!sender.url && sender.url.startsWith(`${extensionOrigin}/`);
}

export class PanelHub {
  private subs = new Map<number, Set<PortLike>>();

  constructor(
    private platform: BackgroundPlatform,
    private tabs: TabRegistry,
    private startedAt: number,
    private settings: () => Settings,
    private handle: PanelRequestHandler,
    private ready: Promise<void>,
  ) {}

  accept(port: PortLike): void {
    const { runtimeId, extensionOrigin } = this.platform.messaging;
    if (port.name !== PORT_NAMES.panel || !isExtensionPage(port.sender, runtimeId, extensionOrigin)) {
      port.disconnect();
      return;
    }
    port.onMessage((raw) => void this.onMessage(port, raw));
    port.onDisconnect(() => { for (const set of this.subs.values()) set.delete(port); });
  }

  private async onMessage(port: PortLike, raw: unknown): Promise<void> {
    await this.ready; // a restarted worker answers only once its persisted timelines are back
    const parsed = parseMessage<PanelToBackground>(PANEL_TO_BACKGROUND, raw);
    const id = typeof (raw as { id?: unknown } | null)?.id === 'number' ? (raw as { id: number }).id : undefined;
    if (!parsed.ok) return send(port, 'result', { ok: false, error: parsed.error }, id);
    const msg = parsed.message;
    if (msg.type === 'subscribe') return this.subscribe(port, msg.payload as PanelToBackground['subscribe'], id);
    try {
      const reply = await this.handle(msg);
      if (reply) send(port, reply.type, reply.payload as never, id);
      else send(port, 'result', { ok: true }, id);
    } catch (error) {
      send(port, 'result', { ok: false, error: error instanceof Error ? error.message : String(error) }, id);
    }
  }

  private async subscribe(port: PortLike, { tabId, since }: PanelToBackground['subscribe'], id?: number): Promise<void> {
    for (const set of this.subs.values()) set.delete(port);
    if (!this.subs.has(tabId)) this.subs.set(tabId, new Set());
    this.subs.get(tabId)!.add(port);
    send(port, 'welcome', { tabId, startedAt: this.startedAt, protocol: PROTOCOL_VERSION }, id);
    send(port, 'snapshot', await this.snapshot(tabId, since));
  }

  async snapshot(tabId: number, since?: number): Promise<BackgroundToPanel['snapshot']> {
    const tab = this.tabs.get(tabId);
    if (tab && tab.hosts.size === 0) {
      const url = await this.platform.tabs.getUrl(tabId);
      if (url && /^https?:/.test(url)) { tab.url = url; tab.addHost(url); }
    }
    const all = await this.platform.cookies.getAll({});
    const cookies = tab ? all.filter((c) => tab.seesDomain(c.domain, c.hostOnly)) : [];
    const events = !tab ? [] : since === undefined ? tab.timeline.all() : tab.timeline.since(since);
    return { tabId, url: tab?.url ?? null, cookies, events, findings: tab ? [...tab.findings.values()] : [],
      dropped: tab?.timeline.dropped ?? 0, settings: this.settings(), startedAt: this.startedAt };
  }

  /** Sends what changed in a tab since the last publish to its subscribers. */
  publish(tab: TabState): void {
    const ports = this.subs.get(tab.tabId);
    const fresh = tab.fresh.length > tab.timeline.limit ? tab.fresh.slice(-tab.timeline.limit) : tab.fresh;
    tab.fresh = [];
    const findingsChanged = tab.findingsChanged;
    tab.findingsChanged = false;
    if (!ports || ports.size === 0) return;
    const upsert: CookieRecord[] = [];
    const remove: CookieKey[] = [];
    for (const e of fresh) if (e.kind === 'change') (e.removed ? remove.push(cookieKeyOf(e.cookie)) : upsert.push(e.cookie));
    for (const port of ports) {
      if (fresh.length) send(port, 'events', { tabId: tab.tabId, events: fresh, dropped: tab.timeline.dropped });
      if (upsert.length || remove.length) send(port, 'cookies', { tabId: tab.tabId, upsert, remove });
      if (findingsChanged) send(port, 'findings', { tabId: tab.tabId, findings: [...tab.findings.values()] });
    }
  }

  broadcastSettings(settings: Settings): void {
    for (const set of this.subs.values()) for (const port of set) send(port, 'settings', { settings });
  }

  /** Subscribers per tab (debug/bench). */
  subscriberCount(): number {
    let n = 0;
    for (const set of this.subs.values()) n += set.size;
    return n;
  }
}
