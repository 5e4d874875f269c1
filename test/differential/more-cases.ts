// A second curated batch: IDN hosts, date spellings, odd paths and jar interactions (incl. cookie budgets).
import { single, type DiffCase, type DiffStep } from './case-types.ts';

const S = 'https://x.test';
const H = 'http://x.test';
const step = (origin: string, headers: string[], path?: string, script?: string[]): DiffStep => ({ origin, headers, path, script });

const singles: DiffCase[] = [
  ['idn-host', 'https://bücher.test', 'a=1'], ['idn-http-secure', 'http://bücher.test', 'a=1; Secure'], ['idn-domain-punycode', 'https://sub.bücher.test', 'a=1; Domain=xn--bcher-kva.test'],
  ['idn-domain-unicode', 'https://sub.bücher.test', 'a=1; Domain=bücher.test'], ['trailing-dot-host', 'https://x.test.', 'a=1'],
  ['trailing-dot-host-domain', 'https://sub.x.test.', 'a=1; Domain=x.test.'], ['localhost-domain-on-ip', 'http://127.0.0.1', 'a=1; Domain=localhost'],
  ['none-insecure-localhost', 'http://localhost', 'a=1; SameSite=None'], ['secure-none-http', H, 'a=1; Secure; SameSite=None'],
  ['case-sensitive-names', S, ['A=1', 'a=2']], ['quoted-eq-value', S, 'a="b=c"'], ['quoted-path', S, 'a=1; Path="/"', '/q/r'],
  ['dot-segments-path', S, 'a=1; Path=/a/../b'], ['date-dash-1970', S, 'a=1; Expires=Thu, 01-Jan-1970 00:00:01 GMT'],
  ['date-asctime-1994', S, 'a=1; Expires=Sun Nov  6 08:49:37 1994'], ['date-tz-offset', S, 'a=1; Expires=Thu, 01 Jan 2099 00:00:00 +0100'],
  ['maxage-quoted', S, 'a=1; Max-Age="60"'], ['maxage-spaces', S, 'a=1; Max-Age =  60 '], ['maxage-two', S, 'a=1; Max-Age=60; Max-Age=0'],
  ['expires-two', S, 'a=1; Expires=Wed, 21 Oct 2015 07:28:00 GMT; Expires=Wed, 21 Oct 2065 07:28:00 GMT'],
  ['domain-then-nonascii', 'https://sub.x.test', 'a=1; Domain=x.test; Domain=ü.test'], ['secure-ip-http', 'http://10.0.0.1', 'a=1; Secure'],
  ['host-prefix-domain-localhost', 'http://localhost', '__Host-a=1; Secure; Path=/; Domain=localhost'],
  ['priority-last-wins', S, 'a=1; Priority=High; Priority=Low'], ['partitioned-value', S, 'a=1; Secure; Partitioned=no'],
  ['httponly-samesite-strict-secure', S, '__Host-sid=abc; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=3600'],
  ['django-default', 'http://localhost', 'sessionid=abc123; expires=Wed, 21 Oct 2065 07:28:00 GMT; HttpOnly; Max-Age=1209600; Path=/; SameSite=Lax'],
  ['django-delete', 'http://localhost', 'sessionid=""; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; SameSite=Lax'],
  ['express-default', 'http://localhost', 'connect.sid=s%3Aabc.def; Path=/; HttpOnly'],
  ['rails-default', 'http://localhost', '_app_session=abc--def; path=/; httponly; samesite=lax'],
  ['php-default', 'http://localhost', 'PHPSESSID=abc; path=/'],
].map(([id, o, h, p]) => single(`more/${id}`, o as string, h, p as string | undefined));

const seq = (id: string, ...steps: DiffStep[]): DiffCase => ({ id: `more/seq/${id}`, steps });
const many = (n: number, attrs = '') => Array.from({ length: n }, (_, i) => `c${i}=${i}${attrs}`);

const sequences: DiffCase[] = [
  seq('host-then-domain', step(S, ['a=1']), step(S, ['a=2; Domain=x.test'])),
  seq('delete-domain-cookie', step(S, ['a=1; Domain=x.test']), step(S, ['a=; Domain=x.test; Max-Age=0'])),
  seq('httponly-overwritten-by-http', step(S, ['a=1; HttpOnly']), step(S, ['a=2'])),
  seq('secure-overwritten-secure-origin-nonsecure', step(S, ['a=1; Secure']), step(S, ['a=2'])),
  seq('secure-delete-with-secure-attr-http', step(S, ['a=1; Secure']), step(H, ['a=; Secure; Max-Age=0'])),
  seq('secure-then-http-other-host', step(S, ['a=1; Secure']), step('http://y.test', ['a=2'])),
  seq('secure-partitioned-then-http', step(S, ['a=1; Secure; Partitioned']), step(H, ['a=2'])),
  seq('script-secure-https', step(S, [], '/', ['s=1; Secure; SameSite=None'])),
  seq('script-host-prefix', step(S, [], '/', ['__Host-s=1; Secure; Path=/'])),
  seq('script-partitioned', step(S, [], '/', ['p=1; Secure; Partitioned'])),
  seq('script-over-400-days', step(S, [], '/', ['s=1; Max-Age=99999999'])),
  seq('script-overwrite-secure-from-http', step(S, ['a=1; Secure']), step(H, [], '/', ['a=2'])),
  seq('fifty-cookies', step(S, many(50))),
  seq('many-cookies-190', step(S, many(190))),
  seq('evict-secure-then-plain', step(S, [...many(150, '; Secure').map((h) => `s${h}`), ...many(31).map((h) => `n${h}`)])),
  seq('evict-low-then-medium', step(S, [...many(40, '; Priority=Low').map((h) => `l${h}`), ...many(141)])),
  seq('evict-high-then-medium', step(S, [...many(100, '; Priority=High').map((h) => `h${h}`), ...many(81)])),
  seq('evict-across-subdomains', step(S, many(100)), step('https://sub.x.test', many(100, '; Domain=x.test').map((h) => `d${h}`))),
  seq('many-cookies-two-steps', step(S, many(100)), step(S, many(100).map((h) => h.replace('c', 'd')))),
];

/** Set a varied jar on x.test, then check the Cookie header of a later request (matchCookies). */
const JAR = ['root=1; Path=/', 'deep=1; Path=/a/b', 'mid=1; Path=/a', 'sec=1; Secure', 'dom=1; Domain=x.test', 'lax=1; SameSite=Lax',
  'strict=1; SameSite=Strict', 'none=1; SameSite=None; Secure', 'part=1; Secure; Partitioned; SameSite=None', 'gone=1; Max-Age=0', 'bare'];
const sends: DiffCase[] = [
  seq('send-https-deep', step(S, JAR), step(S, [], '/a/b/c')),
  seq('send-http', step(S, JAR), step(H, [], '/a/x')),
  seq('send-subdomain', step(S, JAR), step('https://sub.x.test', [], '/a/b')),
  seq('send-path-boundary', step(S, JAR), step(S, [], '/ab')),
  seq('send-cross-site-frame', step(S, JAR), { origin: S, embedIn: 'https://y.test', headers: [], path: '/a/b' }),
  seq('send-same-site-frame', step(S, JAR), { origin: S, embedIn: 'https://sub.x.test', headers: [], path: '/a/b' }),
  { ...seq('send-cross-site-frame-3pc-blocked', step(S, JAR), { origin: S, embedIn: 'https://y.test', headers: [], path: '/a/b' }), blockThirdPartyCookies: true },
  seq('send-partitioned-in-frame', { origin: 'https://y.test', embedIn: S, headers: ['p=1; Secure; Partitioned; SameSite=None'] },
    { origin: 'https://y.test', embedIn: S, headers: [] }, { origin: 'https://y.test', embedIn: 'https://z.test', headers: [] }),
  seq('send-localhost-secure', step('http://localhost', ['s=1; Secure', 'p=1']), step('http://localhost', [], '/x')),
  seq('send-nameless-and-order', step(S, ['b=1', 'bare', 'a=1; Path=/a']), step(S, [], '/a/')),
];

export const MORE_CASES: DiffCase[] = [...singles, ...sequences, ...sends];
