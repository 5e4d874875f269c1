// Wires the inspection API into a running companion: every site serves /__sessionscope/, answering for
// itself by default and for any other site (attached stores included) with ?engine=.
import type { BeforeRouteHook, CompanionResponse, CompanionServer } from '../types.ts';
import { HANDLED } from '../types.ts';
import { hostName } from '../server.ts';
import type { CacheStore } from '../backends/cache-store.ts';
import { handleInspection, PREFIX, type InspectionOptions } from './routes.ts';
import { SiteTarget } from './site-target.ts';
import type { InspectTarget } from './types.ts';

export interface MountOptions {
  version: string;
  /** read-only stores from --attach-* flags */
  attached?: InspectTarget[];
  /** the cache behind a site's engine, by engine name, for fault injection */
  caches?: Partial<Record<string, CacheStore>>;
}

export function mountInspection(server: CompanionServer, opts: MountOptions): InspectTarget[] {
  const live = server.sites.map((s) => new SiteTarget(s, opts.caches?.[s.engine]));
  const all = [...live, ...(opts.attached ?? [])];
  const routes = { version: opts.version, targets: () => all };
  server.sites.forEach((site, i) => {
    site.mount(PREFIX, async (req) => {
      await handleInspection(req.raw.req, req.raw.res, routes, live[i], req.body);
      return HANDLED;
    });
  });
  server.addBeforeRoute(routeOtherHosts(server, opts.attached ?? [], routes));
  return all;
}

/**
 * Hosts without a companion Site never reach the sites' mounts, so answer them before routing: attached
 * stores (attached-sqlite.localhost, read-only) and, in multi-site mode, the landing host
 * (localhost:8765, the panel's default companion URL), which serves the API for the first site.
 */
function routeOtherHosts(server: CompanionServer, attached: InspectTarget[], routes: InspectionOptions): BeforeRouteHook {
  return async (req) => {
    const name = hostName(req.headers.host);
    const target = attached.find((t) => t.site.host === name);
    if (!target && (server.sites.length === 1 || server.sites.some((s) => s.host === name))) return null;
    if (!req.path.startsWith(PREFIX)) {
      if (!target) return null; // the landing page
      return { status: 404, headers: [['Content-Type', 'application/json; charset=utf-8']], body: JSON.stringify({ error: `${target.site.engine} is a read-only attached store: only ${PREFIX} is served here` }) };
    }
    await handleInspection(req.raw.req, req.raw.res, routes, target, req.body);
    // the server's hook loop treats HANDLED like a route's "already answered"
    return HANDLED as unknown as CompanionResponse;
  };
}
