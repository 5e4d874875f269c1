// Responses loaded in iframes: SameSite when setting cross-site or cross-scheme, and CHIPS partition keys.
import type { DiffCase } from './case-types.ts';

const embedded = (id: string, top: string, frame: string, headers: string[], script?: string[]): DiffCase =>
  ({ id: `embed/${id}`, steps: [{ origin: frame, embedIn: top, headers, script }] });

const X = 'https://x.test';
const Y = 'https://y.test';

const CASES: DiffCase[] = [
  embedded('cross-unspecified', X, Y, ['a=1']),
  embedded('cross-lax', X, Y, ['a=1; SameSite=Lax']),
  embedded('cross-strict', X, Y, ['a=1; SameSite=Strict']),
  embedded('cross-invalid-samesite', X, Y, ['a=1; SameSite=Bogus']),
  embedded('cross-none-secure', X, Y, ['a=1; SameSite=None; Secure']),
  embedded('cross-none-insecure', X, Y, ['a=1; SameSite=None']),
  embedded('cross-partitioned', X, Y, ['a=1; SameSite=None; Secure; Partitioned']),
  embedded('cross-partitioned-unspecified', X, Y, ['a=1; Secure; Partitioned']),
  embedded('cross-host-partitioned', X, Y, ['__Host-a=1; SameSite=None; Secure; Path=/; Partitioned']),
  embedded('cross-mixed', X, Y, ['a=1', 'b=1; SameSite=None; Secure', 'c=1; SameSite=Strict']),
  embedded('cross-script-lax', X, Y, [], ['s=1']),
  embedded('cross-script-none', X, Y, [], ['s=1; SameSite=None; Secure']),
  embedded('same-site-strict', X, 'https://sub.x.test', ['a=1; SameSite=Strict']),
  embedded('same-site-partitioned', X, 'https://sub.x.test', ['a=1; Secure; Partitioned']),
  embedded('same-site-domain', 'https://www.example.co.uk', 'https://api.example.co.uk', ['a=1; Domain=example.co.uk; SameSite=Lax']),
  embedded('cross-scheme-strict', 'http://x.test', 'https://sub.x.test', ['a=1; SameSite=Strict']),
  embedded('cross-scheme-unspecified', 'http://x.test', 'https://sub.x.test', ['a=1']),
  embedded('cross-scheme-none', 'http://x.test', 'https://sub.x.test', ['a=1; SameSite=None; Secure']),
  embedded('cross-psl-sites', 'https://a.github.io', 'https://b.github.io', ['a=1; SameSite=Lax']),
  embedded('cross-localhost', 'http://localhost', 'http://127.0.0.1', ['a=1; SameSite=Lax', 'b=1; SameSite=None; Secure']),
];

/** Each embedded case twice: third-party cookies allowed, and blocked (incognito / user setting). */
export const EMBEDDED_CASES: DiffCase[] = [
  ...CASES,
  ...CASES.map((c) => ({ ...c, id: c.id.replace('embed/', 'embed/3pc-blocked/'), blockThirdPartyCookies: true })),
];
