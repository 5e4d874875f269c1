// CDP to the extension's service worker for e2e tests and the benches: Playwright's newCDPSession takes only pages and
// frames, so this attaches through a page session (Target.attachToTarget + sendMessageToTarget).
import type { BrowserContext, CDPSession } from '@playwright/test';

export interface WorkerCdp {
  send(method: string, params?: object): Promise<Record<string, unknown>>;
  on(event: string, listener: (params: Record<string, unknown>) => void): void;
  detach(): Promise<void>;
}

export async function attachWorker(context: BrowserContext): Promise<WorkerCdp> {
  const page = context.pages()[0] ?? await context.newPage();
  const session: CDPSession = await context.newCDPSession(page);
  const { targetInfos } = await session.send('Target.getTargets');
  const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
  if (!sw) throw new Error('no extension service worker target');
  const { sessionId } = await session.send('Target.attachToTarget', { targetId: sw.targetId, flatten: false });
  const pending = new Map<number, (m: { result?: Record<string, unknown>; error?: { message: string } }) => void>();
  const listeners = new Map<string, ((p: Record<string, unknown>) => void)[]>();
  session.on('Target.receivedMessageFromTarget', (e) => {
    const m = JSON.parse(e.message) as { id?: number; method?: string; params?: Record<string, unknown>; result?: Record<string, unknown>; error?: { message: string } };
    if (m.id !== undefined) pending.get(m.id)?.(m);
    else if (m.method) for (const l of listeners.get(m.method) ?? []) l(m.params ?? {});
  });
  let next = 0;
  return {
    send(method, params = {}) {
      const id = ++next;
      return new Promise((done, fail) => {
        pending.set(id, (m) => { pending.delete(id); if (m.error) fail(new Error(m.error.message)); else done(m.result ?? {}); });
        void session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
      });
    },
    on(event, listener) { listeners.set(event, [...(listeners.get(event) ?? []), listener]); },
    detach: () => session.detach(),
  };
}

/** Hosts that never leave the machine. */
export function isLoopbackUrl(raw: string): boolean {
  const url = new URL(raw);
  if (['chrome-extension:', 'data:', 'blob:', 'about:', 'chrome:', 'devtools:'].includes(url.protocol)) return true;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(host) || host === '::1';
}
