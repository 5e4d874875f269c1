import type { MessagingPort, PortLike, Sender } from '../types.ts';

type Handler = (message: unknown, sender: Sender) => Promise<unknown> | undefined;

/** One end of a fake runtime port; `peer` is what the other side sees. */
export class MemoryPort implements PortLike {
  peer!: MemoryPort;
  readonly received: unknown[] = [];
  connected = true;
  private messageListeners: ((m: unknown) => void)[] = [];
  private disconnectListeners: (() => void)[] = [];

  constructor(readonly name: string, readonly sender?: Sender) {}

  postMessage(message: unknown): void {
    if (!this.connected) throw new Error('Attempting to use a disconnected port object');
    const copy = JSON.parse(JSON.stringify(message)) as unknown; // structured clone stand-in
    queueMicrotask(() => { if (this.peer.connected) this.peer.deliver(copy); });
  }

  onMessage(l: (m: unknown) => void): void { this.messageListeners.push(l); }
  onDisconnect(l: () => void): void { this.disconnectListeners.push(l); }

  disconnect(): void {
    if (!this.connected) return;
    this.connected = false;
    this.peer.connected = false;
    for (const l of this.peer.disconnectListeners) l(); // like the browser: only the other end is told
  }

  private deliver(m: unknown): void {
    this.received.push(m);
    for (const l of this.messageListeners) l(m);
  }
}

export class MemoryMessaging implements MessagingPort {
  readonly runtimeId = 'sessionscope-test-id';
  readonly extensionOrigin = 'chrome-extension://sessionscope-test-id';
  readonly toTabs: { tabId: number; message: unknown }[] = [];
  private handlers: Handler[] = [];
  private connectListeners: ((p: PortLike) => void)[] = [];

  onMessage(handler: Handler): void { this.handlers.push(handler); }
  onConnect(listener: (port: PortLike) => void): void { this.connectListeners.push(listener); }

  async sendToTab(tabId: number, message: unknown): Promise<void> {
    this.toTabs.push({ tabId, message: JSON.parse(JSON.stringify(message)) });
  }

  /** Sends like runtime.sendMessage: the first handler that answers wins; undefined when none does. */
  async send(message: unknown, sender: Sender): Promise<unknown> {
    for (const h of this.handlers) {
      const reply = h(JSON.parse(JSON.stringify(message)), sender);
      if (reply !== undefined) return reply;
    }
    return undefined;
  }

  /** Opens a port to the background; returns the caller's end. */
  connect(name: string, sender: Sender): MemoryPort {
    const mine = new MemoryPort(name);
    const theirs = new MemoryPort(name, sender);
    mine.peer = theirs;
    theirs.peer = mine;
    for (const l of this.connectListeners) l(theirs);
    return mine;
  }

  /** Senders as the browser reports them. */
  pageSender(): Sender { return { id: this.runtimeId, url: `${this.extensionOrigin}/src/panel/index.html`, origin: this.extensionOrigin }; }
  contentSender(tabId: number, url: string): Sender { return { id: this.runtimeId, url, origin: new URL(url).origin, tabId, frameId: 0, tabUrl: url }; }
}
