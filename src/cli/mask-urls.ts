// Every finding carries the URL of the exchange it came from. When a session id travels in that URL (what
// session-in-url reports), the other findings of the same exchange printed it in clear in the JSON and SARIF
// reports, which end up in CI logs and code-scanning uploads. Values shorter than 8 characters are left alone:
// masking "1" or "true" everywhere would garble URLs without hiding anything.
import type { Exchange } from '../core/audit/exchanges.ts';
import { classifySession } from '../core/audit/classify.ts';
import { maskValuesInUrl } from '../core/audit/mask.ts';
import { parseCookieHeader } from '../core/audit/request-audit.ts';
import type { Finding } from '../core/audit/types.ts';
import { parseSetCookie, splitSetCookieHeaders } from '../core/cookies/index.ts';

const MIN_LENGTH = 8;

/** Values of the session cookies sent or set in `exchanges`, longest first. */
export function sessionValuesOf(exchanges: readonly Exchange[]): string[] {
  const values = new Set<string>();
  const consider = (name: string, value: string): void => {
    if (value.length >= MIN_LENGTH && classifySession(name, value).is) values.add(value);
  };
  for (const ex of exchanges) {
    for (const c of parseCookieHeader(ex.request.cookieHeader ?? '')) consider(c.name, c.value);
    for (const line of splitSetCookieHeaders(ex.response?.setCookieHeaders ?? [])) {
      const p = parseSetCookie(line);
      consider(p.name, p.value);
    }
  }
  return [...values].sort((a, b) => b.length - a.length);
}

/** The findings with those values masked in `url` (raw and percent-encoded forms). */
export function maskFindingUrls(findings: Finding[], values: readonly string[]): Finding[] {
  if (values.length === 0) return findings;
  return findings.map((f) => {
    const url = maskValuesInUrl(f.url, values);
    return url === f.url ? f : { ...f, url };
  });
}
