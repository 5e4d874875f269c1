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

export function createMemoryTransport(): { transport: Transport; background: MemoryBackground } {
  let current: ConnectionHandlers | null = null;
  let connections = 0;
  const received: unknown[] = [];
  const listeners = new Set<(message: unknown) => void>();
  // structuredClone mirrors what a real port does: nobody can share mutable objects across it
  const transport: Transport = {
    connect(handlers): Connection {
      current = handlers;
      connections += 1;
      return {
        send(message) {
          if (current !== handlers) throw new Error('send on a closed connection');
          const copy = structuredClone(message);
          received.push(copy);
          for (const listener of listeners) listener(copy);
        },
        close() { if (current === handlers) current = null; },
      };
    },
  };
  const background: MemoryBackground = {
    received,
    get connections() { return connections; },
    isConnected: () => current !== null,
    post(message) { current?.onMessage(structuredClone(message)); },
    drop(reason) {
      const handlers = current;
      current = null;
      handlers?.onClose(reason);
    },
    onReceive(listener) { listeners.add(listener); return () => listeners.delete(listener); },
  };
  return { transport, background };
}
