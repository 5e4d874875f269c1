import { browser } from '../../platform/browser-api.ts';
import { PORT_NAMES } from '../../core/protocol/index.ts';
import type { Connection, Transport } from './transport.ts';

/** A runtime port to the background; the tab is named in the `subscribe` message the store sends first. */
export function createPortTransport(): Transport {
  return {
    connect(handlers): Connection {
      const port = browser.runtime.connect({ name: PORT_NAMES.panel });
      let open = true;
      port.onMessage.addListener((message: unknown) => handlers.onMessage(message));
      port.onDisconnect.addListener(() => {
        open = false;
        handlers.onClose(browser.runtime.lastError?.message ?? 'port disconnected');
      });
      return {
        send(message) {
          if (!open) throw new Error('port is closed');
          port.postMessage(message);
        },
        close() { open = false; port.disconnect(); },
      };
    },
  };
}
