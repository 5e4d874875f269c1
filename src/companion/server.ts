// createCompanionServer: one node:http server for one or more sites, routed by Host header. node:http
// rather than a web framework because Django's exact header/cookie output must be controlled byte by byte.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { EventEmitter } from 'node:events';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BeforeRouteHook, ChangeEvent, CompanionOptions, CompanionRequest, CompanionResponse, CompanionServer, Site } from './types.ts';
import { HANDLED } from './types.ts';
import { createSite, type SiteRuntime } from './site.ts';
import { parseCookieHeader } from './http/cookies.ts';
import { errorPage } from './http/response.ts';

const MAX_BODY = 8 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) { reject(new Error('request body too large')); req.destroy(); return; }
      chunks.push(c);
    });
    // a plain Uint8Array view (Buffer's slice() would not copy), without copying the usual single chunk
    req.on('end', () => {
      const all = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
      resolve(new Uint8Array(all.buffer, all.byteOffset, all.byteLength));
    });
    req.on('error', reject);
  });
}

/**
 * Headers as one flat [name, value, …] list (duplicates stay separate lines, as before) and a string body: Node
 * then writes status line, headers and body as one string in one write, where a Buffer body is a second
 * buffer of a writev and a header object is rebuilt key by key.
 */
function send(res: ServerResponse, out: CompanionResponse): void {
  const body = typeof out.body === 'string' ? out.body : Buffer.from(out.body.buffer, out.body.byteOffset, out.body.byteLength);
  const headers: string[] = [];
  for (const [k, v] of out.headers) headers.push(k, v);
  headers.push('Content-Length', String(typeof body === 'string' ? Buffer.byteLength(body) : body.length));
  res.writeHead(out.status, headers);
  res.end(body);
}

// paths the WHATWG URL parser returns unchanged (no dot segments, escapes, query, or a leading "//"): those
// skip building a URL per request
const PLAIN_PATH = /^(?:\/[A-Za-z0-9_~-]+)+\/?$|^\/$/;

export function requestTarget(raw: string): { path: string; query: URLSearchParams } {
  if (PLAIN_PATH.test(raw)) return { path: raw, query: new URLSearchParams() };
  const url = new URL(raw, 'http://x');
  return { path: url.pathname, query: url.searchParams };
}

export const hostName = (host: string | undefined): string =>
  (host ?? '').toLowerCase().replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');

function pickSite(sites: SiteRuntime[], host: string | undefined): SiteRuntime | null {
  if (sites.length === 1) return sites[0];
  const name = hostName(host);
  return sites.find((s) => s.host === name) ?? null;
}

/** The landing page of the multi-site mode (a Host that names no site, e.g. localhost:8765). */
function indexPage(sites: SiteRuntime[]): CompanionResponse {
  const rows = sites.map((s) => `<li><a href="${s.url}/">${s.url}/</a> — ${s.engine} (Django ${s.django})</li>`).join('\n');
  return {
    status: 200, headers: [['Content-Type', 'text/html; charset=utf-8']],
    body: `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>sessionscope companion</title></head>\n` +
      `<body><h1>sessionscope companion</h1><p>One Django session backend per host name, so their cookies stay apart:</p>\n<ul>\n${rows}\n</ul></body></html>\n`,
  };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => { server.off('error', reject); resolve((server.address() as { port: number }).port); });
  });
}

interface Shared { dataDir: string; port: number; log(msg: string): void; events: EventEmitter }

/** One site per option; several sites get <engine>.localhost names and a data folder each. */
async function openSites(options: CompanionOptions, shared: Shared): Promise<SiteRuntime[]> {
  const single = options.sites.length === 1;
  const sites: SiteRuntime[] = [];
  try {
    for (const s of options.sites) {
      const host = single ? (s.host ?? '127.0.0.1') : (s.host ?? `${s.engine.replace(/_/g, '-')}.localhost`);
      const siteDir = single ? shared.dataDir : join(shared.dataDir, s.engine);
      mkdirSync(siteDir, { recursive: true });
      const url = `http://${host.includes(':') ? `[${host}]` : host}:${shared.port}`;
      const forward = (e: ChangeEvent): void => { shared.events.emit('change', e); };
      const forwarding = (): boolean => shared.events.listenerCount('change') > 0;
      sites.push(await createSite({ ...s, host }, { dataDir: siteDir, url, log: shared.log, forward, forwarding }));
    }
  } catch (e) {
    await Promise.all(sites.map((s) => s.close()));
    throw e;
  }
  return sites;
}

/** Host routing, before-route hooks, mounted routes, then the playground; never lets an error escape. */
function makeHandler(sites: SiteRuntime[], hooks: BeforeRouteHook[], log: (msg: string) => void, quiet: boolean) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = Date.now();
    let status = 0;
    try {
      const { path, query } = requestTarget(req.url ?? '/');
      const site = pickSite(sites, req.headers.host);
      const creq: CompanionRequest = {
        method: req.method ?? 'GET', path, query, headers: req.headers,
        cookies: parseCookieHeader(req.headers.cookie), body: await readBody(req),
        site: (site ?? sites[0]) as Site, raw: { req, res },
      };
      let out: CompanionResponse | typeof HANDLED | null = null;
      for (const hook of hooks) { out = await hook(creq); if (out) break; }
      if (!out) out = site ? await site.handle(creq) : indexPage(sites);
      if (out === HANDLED) { status = res.statusCode; return; }
      status = out.status;
      send(res, out);
    } catch (e) {
      log(`companion: ${(e as Error).stack ?? e}`);
      status = 500;
      if (!res.headersSent) send(res, errorPage(500)); else res.destroy();
    } finally {
      if (!quiet) log(`[${new Date(started).toISOString()}] "${req.method} ${req.url}" ${status} ${Date.now() - started}ms`);
    }
  };
}

export async function createCompanionServer(options: CompanionOptions): Promise<CompanionServer> {
  if (!options.sites.length) throw new Error('createCompanionServer: no sites');
  const ownDataDir = !options.dataDir;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'sessionscope-companion-'));
  mkdirSync(dataDir, { recursive: true });
  const hooks: BeforeRouteHook[] = options.beforeRoute ? [options.beforeRoute] : [];
  const events = new EventEmitter();
  const log = options.logger ?? ((msg: string): void => { process.stderr.write(msg + '\n'); });
  const server: Server = createServer();
  const port = await listen(server, options.port ?? 0, options.bindHost ?? '127.0.0.1');
  let sites: SiteRuntime[];
  try {
    sites = await openSites(options, { dataDir, port, log, events });
  } catch (e) {
    server.close();
    throw e;
  }
  const handle = makeHandler(sites, hooks, log, !!options.quiet);
  server.on('request', (req, res) => { void handle(req, res); });
  return {
    url: sites.length === 1 ? sites[0].url : `http://localhost:${port}`,
    port,
    sites,
    events,
    addBeforeRoute: (hook) => { hooks.push(hook); },
    async close() {
      server.closeAllConnections?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all(sites.map((s) => s.close()));
      if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type { CompanionServer, CompanionOptions, Site } from './types.ts';
