// One call for the companion CLI: security hook, demo app and inspection API on every site, plus any
// --attach-* stores served read-only through the same API.
import type { CompanionServer } from '../types.ts';
import type { CacheStore } from '../backends/cache-store.ts';
import { hasAttachFlags, openAttachedStores, parseAttachArgs } from '../attach/index.ts';
import { mountDemo } from '../demo/index.ts';
import { resolveBindHost } from '../security/guard.ts';
import { secureCompanion } from '../security/hook.ts';
import { mountInspection } from './mount.ts';
import type { InspectTarget } from './types.ts';

export interface ExtrasOptions {
  version: string;
  /** the CLI arguments (attach flags are read from here) */
  argv: string[];
  /** the --host value when the user gave one explicitly */
  explicitHost?: string;
  caches?: Partial<Record<string, CacheStore>>;
}

export interface Extras { targets: InspectTarget[]; attached: InspectTarget[]; close(): Promise<void> }

export async function installCompanionExtras(server: CompanionServer, opts: ExtrasOptions): Promise<Extras> {
  secureCompanion(server, resolveBindHost(opts.explicitHost).extraHosts);
  const attached = hasAttachFlags(opts.argv) ? await openAttachedStores(parseAttachArgs(opts.argv), { port: server.port }) : [];
  for (const site of server.sites) mountDemo(site);
  const targets = mountInspection(server, { version: opts.version, attached, caches: opts.caches });
  return { targets, attached, close: async () => { await Promise.all(attached.map((t) => t.close?.())); } };
}
