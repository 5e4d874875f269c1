// Property tests: whatever the headers, the jar stays consistent with the storage rules.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applySetCookies, isEquivalentCookie } from './apply-set-cookie.ts';
import { domainMatch } from './cookie-scope.ts';
import { isSecureOrigin } from './hosts.ts';

const NOW = Date.UTC(2026, 10, 30, 12);
const URLS = ['https://x.test/a/b', 'http://x.test/', 'https://sub.x.test/', 'http://localhost:8000/p', 'http://127.0.0.1/', 'https://example.co.uk/'];
const piece = fc.constantFrom('a=1', 'a=2', '__Host-a=1', '__Secure-a=1', '=v', 'v', '; Secure', '; HttpOnly', '; Path=/', '; Path=/a',
  '; Domain=x.test', '; Domain=co.uk', '; Domain=localhost', '; Max-Age=0', '; Max-Age=60', '; SameSite=None', '; SameSite=Lax',
  '; Partitioned', '; Expires=Thu, 01 Jan 1970 00:00:00 GMT', ';', '=', ' ', '\t');
const header = fc.array(fc.oneof(piece, fc.string({ maxLength: 8 })), { maxLength: 8 }).map((p) => p.join(''));
const response = fc.record({ url: fc.constantFrom(...URLS), headers: fc.array(header, { maxLength: 5 }) });

describe('applySetCookies properties', () => {
  it('never throws and keeps the jar consistent', () => {
    fc.assert(fc.property(fc.array(response, { minLength: 1, maxLength: 4 }), (responses) => {
      let jar = applySetCookies({ url: URLS[0], headers: [], jar: [], now: NOW }).jar;
      for (const r of responses) {
        const result = applySetCookies({ url: r.url, headers: r.headers, jar, now: NOW });
        const host = new URL(r.url).hostname;
        for (const d of result.decisions) {
          if (d.action !== 'stored' && d.action !== 'updated') continue;
          const c = d.cookie!;
          expect(c.hostOnly ? c.domain === host : domainMatch(host, c.domain)).toBe(true);
          if (c.secure) expect(isSecureOrigin(r.url)).toBe(true);
          if (c.partitioned) expect(c.secure).toBe(true);
          expect(c.path.startsWith('/')).toBe(true);
        }
        jar = result.jar;
        jar.forEach((a, i) => jar.slice(i + 1).forEach((b) => expect(isEquivalentCookie(a, b)).toBe(false)));
        expect(jar.every((c) => c.expiresAt === null || c.expiresAt > NOW)).toBe(true);
      }
    }), { numRuns: 500 });
  });
});
