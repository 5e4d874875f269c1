import type { Connection, ConnectionHandlers, Transport } from './transport.ts';

/** The background's end of an in-memory transport: tests and `?mock=1` drive the panel through it. */
export interface MemoryBackground {
  /** messages the panel sent, oldest first */
  readonly received: unknown[];
  readonly connections: number;
  isConnected(): boolean;
  post(message: unknown): void;
  /** simulates the service worker being stopped: the panel sees its port close */
  drop(reason?: string): void;
  onReceive(listener: (message: unknown) => void): () => void;
}

/**
 * `clone: false` hands background→panel messages over by reference: the demo page's bulk mode
 * (50,000 events) would otherwise spend most of its first render in structuredClone. Tests keep
 * cloning so nothing can rely on shared objects a real port would not share.
 */
export function createMemoryTransport(opts: { clone?: boolean } = {}): { transport: Transport; background: MemoryBackground } {
  const copy = opts.clone === false ? <T>(m: T) => m : <T>(m: T) => structuredClone(m);
  let current: ConnectionHandlers | null = null;
  let connections = 0;
  const received: unknown[] = [];
  const listeners = new Set<(message: unknown) => void>();
  const transport: Transport = {
    connect(handlers): Connection {
      current = handlers;
      connections += 1;
      return {
        send(message) {
          if (current !== handlers) throw new Error('send on a closed connection');
          const sent = structuredClone(message);
          received.push(sent);
          for (const listener of listeners) listener(sent);
        },
        close() { if (current === handlers) current = null; },
      };
    },
  };
  const background: MemoryBackground = {
    received,
    get connections() { return connections; },
    isConnected: () => current !== null,
    post(message) { current?.onMessage(copy(message)); },
    drop(reason) {
      const handlers = current;
      current = null;
      handlers?.onClose(reason);
    },
    onReceive(listener) { listeners.add(listener); return () => listeners.delete(listener); },
  };
  return { transport, background };
}
