// The panel's only seam to the outside: a port-like connection that can drop at any time
// (the MV3 service worker is stopped when idle), so the store owns reconnecting.
export interface ConnectionHandlers {
  onMessage(message: unknown): void;
  onClose(reason?: string): void;
}

export interface Connection {
  send(message: unknown): void;
  close(): void;
}

export interface Transport {
  connect(handlers: ConnectionHandlers): Connection;
}
