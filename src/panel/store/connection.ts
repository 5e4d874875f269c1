// Keeps one live connection to the background for the inspected tab. The MV3 worker is stopped
// when idle, which closes our port: we reconnect with exponential backoff and resume the timeline
// from the last sequence number we hold, so nothing is lost or duplicated.
import { makeMessage, type PanelToBackground } from '../../core/protocol/index.ts';
import type { Connection, Transport } from '../transport/transport.ts';
import { applyMessage } from './apply-message.ts';
import type { PanelState } from './initial-state.ts';

export interface Backoff { baseMs: number; maxMs: number }
export const DEFAULT_BACKOFF: Backoff = { baseMs: 250, maxMs: 8000 };
const REQUEST_TIMEOUT_MS = 10_000;

interface StoreApi {
  getState(): PanelState;
  setState(patch: Partial<PanelState>): void;
}

export interface ConnectionController {
  start(): void;
  stop(): void;
  send<K extends keyof PanelToBackground & string>(type: K, payload: PanelToBackground[K]): void;
  request<K extends keyof PanelToBackground & string>(type: K, payload: PanelToBackground[K]): Promise<Record<string, unknown>>;
}

export function createConnection(api: StoreApi, transport: Transport, backoff: Backoff = DEFAULT_BACKOFF): ConnectionController {
  let conn: Connection | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = true;
  let resumed = false;
  let nextId = 1;
  const pending = new Map<number, { resolve(p: Record<string, unknown>): void; reject(e: Error): void }>();

  const setConnection = (patch: Partial<PanelState['connection']>) =>
    api.setState({ connection: { ...api.getState().connection, ...patch } });

  function onMessage(message: unknown) {
    const m = message as { id?: unknown; type?: unknown; payload?: unknown };
    if (typeof m?.id === 'number' && pending.has(m.id)) {
      const waiter = pending.get(m.id)!;
      pending.delete(m.id);
      const payload = (m.payload ?? {}) as Record<string, unknown>;
      if (m.type === 'result' && payload.ok === false) waiter.reject(new Error(String(payload.error ?? 'request failed')));
      else waiter.resolve(payload);
      return;
    }
    const outcome = applyMessage(api.getState(), message, resumed);
    if ('patch' in outcome) api.setState(outcome.patch);
    else if ('error' in outcome) setConnection({ lastError: outcome.error });
  }

  function onClose(reason?: string) {
    conn = null;
    for (const waiter of pending.values()) waiter.reject(new Error('connection to the background closed'));
    pending.clear();
    if (stopped) return;
    const attempts = api.getState().connection.attempts + 1;
    setConnection({ status: 'disconnected', attempts, lastError: reason ?? null });
    const delay = Math.min(backoff.baseMs * 2 ** (attempts - 1), backoff.maxMs);
    timer = setTimeout(open, delay);
  }

  function open() {
    timer = null;
    const { tabId } = api.getState().connection;
    if (stopped || tabId === null) return;
    setConnection({ status: 'connecting' });
    try {
      conn = transport.connect({ onMessage, onClose });
      const last = api.getState().timeline.raw.at(-1);
      resumed = last !== undefined;
      const since = last?.seq;
      conn.send(makeMessage<PanelToBackground, 'subscribe'>('subscribe', since === undefined ? { tabId } : { tabId, since }));
    } catch (error) {
      onClose(error instanceof Error ? error.message : String(error));
    }
  }

  return {
    start() { if (!stopped) return; stopped = false; open(); },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      conn?.close();
      conn = null;
    },
    send(type, payload) {
      if (!conn) throw new Error('not connected to the extension background');
      conn.send(makeMessage<PanelToBackground, typeof type>(type, payload));
    },
    request(type, payload) {
      if (!conn) return Promise.reject(new Error('not connected to the extension background'));
      const id = nextId++;
      const reply = new Promise<Record<string, unknown>>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        setTimeout(() => { if (pending.delete(id)) reject(new Error(`${type}: no reply from the background`)); }, REQUEST_TIMEOUT_MS);
      });
      conn.send(makeMessage<PanelToBackground, typeof type>(type, payload, id));
      return reply;
    },
  };
}
