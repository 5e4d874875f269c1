// Isolated-world end of the hook channel: accepts the first handshake only, validates and rate-limits
// what the hook sends, and forwards batches to the background.
import { isHandshake, readHookBatch, type HookWrite } from './channel.ts';

export interface RelayOptions {
  /** sends one validated batch on (to the background) */
  forward(writes: HookWrite[]): void;
  /** writes accepted per second before the rest are dropped */
  perSecond?: number;
  now?: () => number;
}

export interface Relay { stop(): void; readonly dropped: number; readonly connected: boolean }

export function startRelay(win: Window, opts: RelayOptions): Relay {
  const perSecond = opts.perSecond ?? 200;
  const now = opts.now ?? (() => Date.now());
  let windowStart = now();
  let inWindow = 0;
  let dropped = 0;
  let port: MessagePort | null = null;

  const onBatch = (event: MessageEvent) => {
    const writes = readHookBatch(event.data);
    if (!writes) { dropped++; return; }
    const t = now();
    if (t - windowStart >= 1000) { windowStart = t; inWindow = 0; }
    const room = Math.max(0, perSecond - inWindow);
    const accepted = writes.slice(0, room);
    inWindow += accepted.length;
    dropped += writes.length - accepted.length;
    if (accepted.length) opts.forward(accepted);
  };
  const onWindowMessage = (event: MessageEvent) => {
    if (port || event.source !== win || !isHandshake(event.data) || event.ports.length !== 1) return;
    port = event.ports[0];
    port.onmessage = onBatch;
    win.removeEventListener('message', onWindowMessage, true);
  };
  win.addEventListener('message', onWindowMessage, true);
  return {
    stop() {
      win.removeEventListener('message', onWindowMessage, true);
      port?.close();
    },
    get dropped() { return dropped; },
    get connected() { return port !== null; },
  };
}
