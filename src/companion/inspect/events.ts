// Server-Sent Events of store changes. Keep-alive comments stop proxies and browsers from timing the
// stream out; every subscription is dropped when the client goes away, so streams never leak listeners.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { InspectTarget, StoreChange } from './types.ts';

export const KEEP_ALIVE_MS = 15_000;

export function formatEvent(change: StoreChange): string {
  return `event: change\ndata: ${JSON.stringify(change)}\n\n`;
}

export function openEventStream(req: IncomingMessage, res: ServerResponse, targets: InspectTarget[], keepAliveMs = KEEP_ALIVE_MS): void {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.write(': connected\n\n');
  const send = (change: StoreChange): void => { res.write(formatEvent(change)); };
  const unsubscribers = targets.flatMap((t) => (t.subscribe ? [t.subscribe(send)] : []));
  const timer = setInterval(() => res.write(': keep-alive\n\n'), keepAliveMs);
  let stopped = false;
  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    clearInterval(timer);
    unsubscribers.forEach((u) => u());
  };
  // the response's close is what reports a dropped connection: the request of a GET whose body nobody reads
  // never ends, so its own close may not come, and the keep-alive timer then held the process after SIGTERM
  res.on('close', stop);
  req.on('close', stop);
  res.on('error', stop);
}
