// Wires the inspection API into a running companion: every site serves /__sessionscope/, answering for
// itself by default and for any other site (attached stores included) with ?engine=.
import type { CompanionServer } from '../types.ts';
import { HANDLED } from '../types.ts';
import type { CacheStore } from '../backends/cache-store.ts';
import { handleInspection, PREFIX } from './routes.ts';
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
  server.sites.forEach((site, i) => {
    site.mount(PREFIX, async (req) => {
      await handleInspection(req.raw.req, req.raw.res, { version: opts.version, targets: () => all }, live[i], req.body);
      return HANDLED;
    });
  });
  return all;
}
