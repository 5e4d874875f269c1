// chrome.cookies does not expose a cookie's Priority, but the Set-Cookie headers the background records do.
// A header without the attribute gives Chrome's default, Medium (Firefox has no priorities: only what the
// server sent is shown there); a cookie never seen in a header stays unknown.
import type { PanelCookie } from '../model/types.ts';
import type { RawEvent } from '../store/initial-state.ts';
import { memoizeLast } from './memoize.ts';

export type Priority = 'Low' | 'Medium' | 'High';

const ATTR = /;\s*priority\s*=\s*(low|medium|high)\s*(?:;|$)/i;
const DOMAIN = /;\s*domain\s*=\s*\.?([^;\s]+)/i;
const CAPITAL: Record<string, Priority> = { low: 'Low', medium: 'Medium', high: 'High' };

function hostOf(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  try { return new URL(url).hostname; } catch { return null; }
}

const keyOf = (name: string, domain: string) => `${name}\u0000${domain.replace(/^\./, '').toLowerCase()}`;

/** name+domain → priority from the last Set-Cookie header seen for it; `defaultMedium` false on Firefox. */
export const prioritiesFromHeaders = memoizeLast((raw: RawEvent[], defaultMedium: boolean): Map<string, Priority> => {
  const out = new Map<string, Priority>();
  for (const e of raw) {
    if (e.kind !== 'set-cookie' || typeof e.header !== 'string' || typeof e.name !== 'string') continue;
    const domain = DOMAIN.exec(e.header)?.[1] ?? hostOf(e.url);
    if (!domain) continue;
    const attr = ATTR.exec(e.header)?.[1];
    if (attr) out.set(keyOf(e.name, domain), CAPITAL[attr.toLowerCase()]);
    else if (defaultMedium) out.set(keyOf(e.name, domain), 'Medium');
    else out.delete(keyOf(e.name, domain));
  }
  return out;
});

export function priorityOf(cookie: PanelCookie, priorities: Map<string, Priority> | null): Priority | null {
  return cookie.priority ?? priorities?.get(keyOf(cookie.name, cookie.domain)) ?? null;
}

/** Only Chromium ranks cookies by Priority when it evicts them. */
export const BROWSER_HAS_PRIORITY = typeof navigator === 'undefined' || !/\bFirefox\//.test(navigator.userAgent);
