import { browser } from '../../platform/browser-api.ts';
import type { Connection, Transport } from './transport.ts';

/** A runtime port to the background, named per inspected tab so the router can pair it. */
export function createPortTransport(tabId: number): Transport {
  return {
    connect(handlers): Connection {
      const port = browser.runtime.connect({ name: `panel:${tabId}` });
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
