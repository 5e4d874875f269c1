// The security guard as the companion's before-route hook: refusals become responses, and CORS headers for
// allowed origins are set on the raw response so whichever route answers carries them.
import type { BeforeRouteHook, CompanionServer } from '../types.ts';
import { checkRequest, type GuardOptions } from './guard.ts';

export function createSecurityHook(opts: GuardOptions): BeforeRouteHook {
  return (req) => {
    const verdict = checkRequest(req.raw.req, opts);
    if (!verdict.ok) {
      return { status: verdict.status, headers: [['Content-Type', 'application/json; charset=utf-8'], ['Cache-Control', 'no-store']], body: JSON.stringify({ error: verdict.message }) };
    }
    if (!verdict.corsOrigin) return null;
    req.raw.res.setHeader('Access-Control-Allow-Origin', verdict.corsOrigin);
    req.raw.res.setHeader('Vary', 'Origin');
    if (req.method !== 'OPTIONS') return null;
    return {
      status: 204, body: '',
      headers: [['Access-Control-Allow-Methods', 'GET, POST, OPTIONS'], ['Access-Control-Allow-Headers', 'content-type'], ['Access-Control-Max-Age', '600']],
    };
  };
}

/** Install on a started companion; its own sites' origins are always allowed. */
export function secureCompanion(server: CompanionServer, extraHosts: string[] = []): void {
  const origins = (): string[] => server.sites.map((s) => new URL(s.url).origin);
  server.addBeforeRoute(createSecurityHook({ ownOrigins: origins, extraHosts }));
}
