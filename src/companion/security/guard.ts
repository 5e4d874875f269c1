// The companion's before-route security hook (issue 4 §3): loopback Host only (DNS rebinding), no
// cross-origin requests except the extension's and the companion's own sites, CORS only for those on the
// inspection API, and no cross-site <script>/<img> inclusion of inspection JSON.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isLoopbackName, splitHost } from './loopback.ts';

const INSPECTION_PREFIX = '/__sessionscope/';
const EXTENSION_ORIGIN = /^(chrome-extension|moz-extension):\/\/[a-z0-9-]+$/i;

export interface GuardOptions {
  /** origins of the companion's own sites, e.g. http://db.localhost:8000 */
  ownOrigins?: () => string[];
  /** extra Host names accepted because the user passed --host explicitly */
  extraHosts?: string[];
}

export type Verdict = { ok: true; corsOrigin: string | null } | { ok: false; status: number; message: string };

const header = (req: IncomingMessage, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

function checkHost(req: IncomingMessage, opts: GuardOptions): Verdict | null {
  const raw = header(req, 'host');
  if (!raw) return { ok: false, status: 400, message: 'refused: request has no Host header' };
  const host = splitHost(raw);
  const bare = (h: string): string => h.toLowerCase().replace(/^\[|\]$/g, '');
  const extra = (opts.extraHosts ?? []).map(bare);
  if (host && (isLoopbackName(host.name) || extra.includes(bare(host.name)))) return null;
  return { ok: false, status: 421, message: `refused: Host ${JSON.stringify(raw)} is not a loopback name (DNS rebinding protection)` };
}

/** Same origin, an extension, or one of the companion's own sites. `null` (sandboxed/file pages) never is. */
export function isAllowedOrigin(origin: string, req: IncomingMessage, opts: GuardOptions): boolean {
  if (EXTENSION_ORIGIN.test(origin)) return true;
  const own = (opts.ownOrigins?.() ?? []).map((o) => o.toLowerCase());
  const lower = origin.toLowerCase();
  if (own.includes(lower)) return true;
  const host = header(req, 'host');
  return host !== undefined && (lower === `http://${host.toLowerCase()}` || lower === `https://${host.toLowerCase()}`);
}

export function checkRequest(req: IncomingMessage, opts: GuardOptions = {}): Verdict {
  const hostVerdict = checkHost(req, opts);
  if (hostVerdict) return hostVerdict;
  const origin = header(req, 'origin');
  const inspection = (req.url ?? '/').startsWith(INSPECTION_PREFIX);
  if (origin !== undefined) {
    if (!isAllowedOrigin(origin, req, opts)) return { ok: false, status: 403, message: `refused: cross-origin request from ${origin}` };
    return { ok: true, corsOrigin: inspection ? origin : null };
  }
  // No Origin: a plain navigation or a tool like curl — unless the browser says another site embedded it.
  if (inspection && header(req, 'sec-fetch-site') === 'cross-site' && header(req, 'sec-fetch-mode') !== 'navigate') {
    return { ok: false, status: 403, message: 'refused: cross-site embedding of the inspection API' };
  }
  return { ok: true, corsOrigin: null };
}

/**
 * Run the checks; on refusal answer (JSON) and return true. Otherwise add CORS headers for allowed origins
 * on the inspection API, answer preflights, and return false so the request continues to its route.
 */
export function guardRequest(req: IncomingMessage, res: ServerResponse, opts: GuardOptions = {}): boolean {
  const verdict = checkRequest(req, opts);
  if (!verdict.ok) {
    const body = JSON.stringify({ error: verdict.message });
    res.writeHead(verdict.status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store' });
    res.end(body);
    return true;
  }
  if (verdict.corsOrigin) {
    res.setHeader('access-control-allow-origin', verdict.corsOrigin);
    res.setHeader('vary', 'Origin');
  }
  if (req.method === 'OPTIONS' && (req.url ?? '').startsWith(INSPECTION_PREFIX)) {
    if (verdict.corsOrigin) {
      res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
      res.setHeader('access-control-allow-headers', 'content-type');
      res.setHeader('access-control-max-age', '600');
    }
    res.writeHead(204);
    res.end();
    return true;
  }
  return false;
}

/** Bind address: loopback unless the user explicitly asked for another host with --host. */
export function resolveBindHost(explicitHost: string | undefined): { host: string; extraHosts: string[] } {
  if (!explicitHost) return { host: '127.0.0.1', extraHosts: [] };
  return { host: explicitHost, extraHosts: [explicitHost.replace(/^\[|\]$/g, '')] };
}
