// What a browser run records, normalised to the model's StoredCookie vocabulary for comparison.
import type { CookiePriority, SameSiteStatus, StoredCookie } from '../../src/core/cookies/index.ts';

/**
 * A stored cookie as a browser reports it: the model's StoredCookie minus the fields browsers do not expose
 * (creation and access times), and priority optional because Firefox does not report it.
 */
export type ObservedCookie = Omit<StoredCookie, 'creationTime' | 'lastAccess' | 'priority'> & { priority?: CookiePriority };

export interface StepObservation {
  url: string;
  /** The framing page's URL when the step was loaded in an iframe. */
  topUrl?: string;
  now: number;
  /** The Cookie header the step's request carried, as the server saw it. */
  requestCookie?: string;
  /** CDP blocked reasons per rejected Set-Cookie line (Chromium only). */
  blocked: { line: string; reasons: string[] }[];
  error?: string;
}

export interface CaseObservation { id: string; steps: StepObservation[]; cookies: ObservedCookie[] }

export interface CdpCookie {
  name: string; value: string; domain: string; path: string; expires: number; session: boolean;
  secure: boolean; httpOnly: boolean; sameSite?: 'Strict' | 'Lax' | 'None'; priority?: 'Low' | 'Medium' | 'High';
  partitionKey?: unknown;
}

/** CDP gives {topLevelSite, hasCrossSiteAncestor}; older builds gave the site as a string. */
function readPartitionKey(key: unknown): ObservedCookie['partitionKey'] {
  if (typeof key === 'string') return { topLevelSite: key, hasCrossSiteAncestor: false };
  if (!key || typeof key !== 'object') return undefined;
  const k = key as { topLevelSite?: string; hasCrossSiteAncestor?: boolean };
  return { topLevelSite: k.topLevelSite ?? '', hasCrossSiteAncestor: k.hasCrossSiteAncestor ?? false };
}

const CDP_SAME_SITE: Record<string, SameSiteStatus> = { Strict: 'strict', Lax: 'lax', None: 'no_restriction' };

export function fromCdpCookie(c: CdpCookie): ObservedCookie {
  const hostOnly = !c.domain.startsWith('.');
  return {
    name: c.name, value: c.value, domain: hostOnly ? c.domain : c.domain.slice(1), hostOnly, path: c.path,
    secure: c.secure, httpOnly: c.httpOnly, sameSite: (c.sameSite && CDP_SAME_SITE[c.sameSite]) || 'unspecified',
    expiresAt: c.session ? null : Math.round(c.expires * 1000), partitioned: c.partitionKey !== undefined,
    partitionKey: readPartitionKey(c.partitionKey),
    priority: (c.priority?.toLowerCase() ?? 'medium') as CookiePriority,
  };
}
