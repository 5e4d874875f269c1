// A tiny local site for the extension e2e tests: each route sets cookies by header and/or by script.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Route { status?: number; headers?: Record<string, string | string[]>; body?: string; type?: string }
export type Routes = Record<string, Route | ((req: IncomingMessage) => Route)>;

export interface Site { port: number; origin(host?: string): string; close(): Promise<void>; hits: string[] }

export async function startSite(routes: Routes): Promise<Site> {
  const hits: string[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    hits.push(`${req.method} ${path}`);
    const entry = routes[path];
    const route = typeof entry === 'function' ? entry(req) : entry;
    if (!route) { res.writeHead(404).end('not found'); return; }
    res.writeHead(route.status ?? 200, { 'content-type': route.type ?? 'text/html; charset=utf-8', 'cache-control': 'no-store', ...route.headers });
    res.end(route.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port, hits,
    origin: (host = '127.0.0.1') => `http://${host}:${port}`,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

export const page = (title: string, body = '', head = '') =>
  `<!doctype html><html><head><title>${title}</title>${head}</head><body><h1>${title}</h1>${body}</body></html>`;
