// Hand-picked edge cases of RFC 6265bis as browsers implement it, one family per block.
import { single, type DiffCase } from './case-types.ts';

const H = 'http://x.test';
const S = 'https://x.test';
const SUB = 'https://sub.x.test';
const LOCAL = 'http://localhost';

const syntax: DiffCase[] = [
  ['plain', S, 'a=1'], ['eq-in-value', S, 'a=b=c=='], ['nameless', S, 'justvalue'], ['empty-name', S, '=v'],
  ['only-eq', S, '='], ['empty', S, ''], ['spaces-only', S, '   '], ['empty-value', S, 'a='],
  ['padded', S, '  a  =  1  '], ['quoted', S, 'a="q u o"'], ['trailing-semi', S, 'a=1;'], ['leading-semi', S, ';a=1'],
  ['name-only-semi', S, 'a;Secure'], ['tab-padded', S, 'a=\t1\t'], ['tab-in-name', S, 'a\tb=1'], ['tab-in-value', S, 'a=1\t2'], ['tab-in-path', S, 'a=1; Path=/a\tb'], ['tab-in-domain', SUB, 'a=1; Domain=x.te\tst'], ['tab-in-unknown-attr', S, 'a=1; Foo=a\tb'],
  ['tab-before-attr', S, 'a=1;\tSecure'], ['tab-in-attr-name', S, 'a=1; Se\tcure'], ['tab-around-eq', S, 'a\t=\t1; Path\t=\t/p'], ['space-in-name', S, 'a b=1'], ['inner-space', S, 'a=1 2'],
  ['ctl-value', S, 'a=b\x01c'], ['ctl-name', S, 'a\x01=1'], ['ctl-attr', S, 'a=1; Path=/\x01'], ['del-value', S, 'a=1\x7f'],
  // a NUL makes Chromium refuse the whole response (ERR_INVALID_HTTP_RESPONSE): not a cookie rule
  ['ctl-after-semi', S, 'a=1; \x02'], ['utf8-value', S, 'a=é😀'], ['utf8-name', S, 'é=1'],
  ['comma-value', S, 'a=1,b=2'], ['nbsp-host-prefix', S, '\u00a0__Host-a=1; Secure; Path=/'], ['dollar-version', S, '$Version=1'],
  ['unknown-attrs', S, 'a=1; Foo=bar; Version=1; Comment=x'], ['empty-attrs', S, 'a=1;;; ;Secure'],
  ['many-attrs-secure-last', S, `a=1; ${Array.from({ length: 20 }, (_, i) => `x${i}=1`).join('; ')}; HttpOnly`],
].map(([id, o, h]) => single(`syntax/${id}`, o, h));

const x = (n: number) => 'x'.repeat(n);
const sizes: DiffCase[] = [
  ['nv-4096', `a=${x(4095)}`], ['nv-4097', `a=${x(4096)}`], ['name-4096', `${x(4095)}=1`], ['name-4097', `${x(4096)}=1`], ['nv-utf8-4097', `a=${'é'.repeat(2047)}xx`],
  ['path-1024', `a=1; Path=/${x(1023)}`], ['path-1025', `a=1; Path=/${x(1024)}`], ['path-oversize-keeps-earlier', `a=1; Path=/ok; Path=/${x(1024)}`],
  ['secure-oversize-value', `a=1; Secure=${x(1025)}`], ['domain-oversize', `a=1; Domain=${x(1020)}.x.test`],
  ['expires-oversize', `a=1; Expires=Wed, 01 Jan 2031 00:00:00 GMT ${x(1000)}`], ['samesite-oversize', `a=1; SameSite=Strict; SameSite=${x(1025)}`],
].map(([id, h]) => single(`size/${id}`, S, h));

const attrs: DiffCase[] = [
  ['secure-upper', S, 'a=1; SECURE'], ['httponly-lower', S, 'a=1; httponly'], ['httponly-false', S, 'a=1; HttpOnly=false'],
  ['secure-no', S, 'a=1; Secure=no'], ['path-last-wins', S, 'a=1; Path=/a; path=/b'], ['path-relative', S, 'a=1; Path=abc', '/d/e/f'],
  ['path-empty', S, 'a=1; Path=', '/d/e/f'], ['default-path-deep', S, 'a=1', '/d/e/f'], ['default-path-dir', S, 'a=1', '/d/e/'],
  ['default-path-top', S, 'a=1', '/d'], ['path-trailing-slash', S, 'a=1; Path=/d/'], ['path-encoded', S, 'a=1; Path=/%7Ex/a b'],
  ['path-utf8', S, 'a=1; Path=/é'], ['priority-high', S, 'a=1; Priority=High'], ['priority-low', S, 'a=1; priority=LOW'],
  ['priority-bogus', S, 'a=1; Priority=urgent'],
].map(([id, o, h, p]) => single(`attr/${id}`, o, h, p));

const dates: DiffCase[] = [
  ['imf', 'Wed, 21 Oct 2065 07:28:00 GMT'], ['rfc850', 'Wednesday, 21-Oct-65 07:28:00 GMT'], ['asctime', 'Wed Oct 21 07:28:00 2065'],
  ['past', 'Wed, 21 Oct 2015 07:28:00 GMT'], ['two-digit-70', 'Thu, 01 Jan 70 00:00:01 GMT'], ['two-digit-30', '1 Jan 30 10:00:00'],
  ['invalid-word', 'never'], ['empty', ''], ['year-1000', 'Wed, 01 Jan 1000 00:00:00 GMT'], ['year-99999', 'Wed, 01 Jan 99999 00:00:00 GMT'],
  ['year-1600', '01 Jan 1600 00:00:00'], ['leap-second', '30 Jun 2027 23:59:60'], ['feb-31', '31 Feb 2027 10:00:00'],
  ['hour-24', '1 Mar 2027 24:00:00'], ['month-prefix', '1 Marchxyz 2027 10:00:00'], ['no-time', '1 Mar 2027'],
  ['one-digit-time', '1 Mar 2027 1:2:3'], ['three-digit-hour', '1 Mar 2027 123:00:00 10:00:00'], ['far-future-capped', 'Fri, 01 Jan 2100 00:00:00 GMT'],
  ['quoted', '"Wed, 21 Oct 2065 07:28:00 GMT"'], ['time-then-bad-time', '1 Mar 2027 10:00:00 123:00:00'],
  ['bad-time-alone', '1 Mar 2027 123:00:00'], ['year-3-digit', '1 Mar 999 10:00:00'], ['year-5-digit', '1 Mar 20270 10:00:00'],
  ['time-suffix', '1 Mar 2027 10:00:00abc'], ['day-3-digit', '001 Mar 2027 10:00:00'], ['year-first', '2027 Mar 1 10:00:00'],
  ['extra-number', '1 Mar 2027 10:00:00 55'], ['time-4-part', '1 Mar 2027 10:00:00:00'], ['month-number', '1 03 2027 10:00:00'], ['dashes', '21-Oct-2065 07:28:00'], ['day-suffix', '1st Mar 2027 10:00:00'],
].map(([id, d]) => single(`expires/${id}`, S, `a=1; Expires=${d}`));

const maxAge: DiffCase[] = [
  ['60', 'Max-Age=60'], ['zero', 'Max-Age=0'], ['negative', 'Max-Age=-1'], ['plus', 'Max-Age=+60'], ['minus-zero', 'Max-Age=-0'],
  ['huge', 'Max-Age=99999999999'], ['overflow', 'Max-Age=999999999999999999999999'], ['float', 'Max-Age=1.5'], ['suffix', 'Max-Age=60s'],
  ['empty', 'Max-Age='], ['beats-expires-past', 'Max-Age=60; Expires=Wed, 21 Oct 2015 07:28:00 GMT'],
  ['zero-beats-expires', 'Expires=Wed, 21 Oct 2065 07:28:00 GMT; Max-Age=0'], ['invalid-falls-back', 'Max-Age=abc; Expires=Wed, 21 Oct 2065 07:28:00 GMT'],
  ['over-400-days', 'Max-Age=34560100'], ['exactly-400-days', 'Max-Age=34560000'],
].map(([id, a]) => single(`maxage/${id}`, S, `a=1; ${a}`));

const sameSite: DiffCase[] = [
  ['strict', S, 'a=1; SameSite=Strict'], ['lax-lower', S, 'a=1; samesite=lax'], ['none-secure', S, 'a=1; SameSite=NONE; Secure'],
  ['none-insecure-https', S, 'a=1; SameSite=None'], ['none-insecure-http', H, 'a=1; SameSite=None'], ['invalid', S, 'a=1; SameSite=Lax2'],
  ['valueless', S, 'a=1; SameSite'], ['last-wins', S, 'a=1; SameSite=None; SameSite=Strict'], ['none-localhost-secure', LOCAL, 'a=1; SameSite=None; Secure'],
  ['quoted', S, 'a=1; SameSite="Lax"'],
].map(([id, o, h]) => single(`samesite/${id}`, o, h));

const secure: DiffCase[] = [
  ['http', H, 'a=1; Secure'], ['https', S, 'a=1; Secure'], ['localhost', LOCAL, 'a=1; Secure'], ['loopback', 'http://127.0.0.1', 'a=1; Secure'],
  ['loopback-2', 'http://127.0.0.2', 'a=1; Secure'], ['sub-localhost', 'http://a.localhost', 'a=1; Secure'], ['ipv6-loopback', 'http://[::1]', 'a=1; Secure'],
].map(([id, o, h]) => single(`secure/${id}`, o, h));

const prefixes: DiffCase[] = [
  ['secure-ok', S, '__Secure-a=1; Secure'], ['secure-no-attr', S, '__Secure-a=1'], ['secure-http', H, '__Secure-a=1; Secure'],
  ['secure-localhost', LOCAL, '__Secure-a=1; Secure'], ['secure-upper', S, '__SECURE-a=1'], ['secure-lower-ok', S, '__secure-a=1; Secure'],
  ['host-ok', S, '__Host-a=1; Secure; Path=/'], ['host-no-path', S, '__Host-a=1; Secure'], ['host-no-path-root-url', S, '__Host-a=1; Secure', '/x/y'],
  ['host-path-x', S, '__Host-a=1; Secure; Path=/x'], ['host-domain-self', S, '__Host-a=1; Secure; Path=/; Domain=x.test'],
  ['host-domain-empty', S, '__Host-a=1; Secure; Path=/; Domain='], ['host-no-secure', S, '__Host-a=1; Path=/'], ['host-lower', S, '__host-a=1; Path=/'],
  ['host-http', H, '__Host-a=1; Secure; Path=/'], ['host-localhost', LOCAL, '__Host-a=1; Secure; Path=/'], ['host-ip-domain', 'http://127.0.0.1', '__Host-a=1; Secure; Path=/; Domain=127.0.0.1'],
  ['nameless-secure', S, '__Secure-a'], ['nameless-host', S, '=__Host-a=1; Secure; Path=/'], ['nameless-host-lower', S, '__host-x'],
  ['only-prefix', S, '__Host-=1; Secure; Path=/'], ['host-partitioned', S, '__Host-a=1; Secure; Path=/; Partitioned'],
].map(([id, o, h, p]) => single(`prefix/${id}`, o, h, p));

const domains: DiffCase[] = [
  ['parent', SUB, 'a=1; Domain=x.test'], ['parent-dot', SUB, 'a=1; Domain=.x.test'], ['parent-upper', SUB, 'a=1; Domain=X.TEST'],
  ['self', SUB, 'a=1; Domain=sub.x.test'], ['other', SUB, 'a=1; Domain=y.test'], ['tld', SUB, 'a=1; Domain=test'],
  ['child', S, 'a=1; Domain=sub.x.test'], ['suffix-not-label', 'https://ax.test', 'a=1; Domain=x.test'],
  ['co-uk', 'https://example.co.uk', 'a=1; Domain=co.uk'], ['co-uk-site', 'https://www.example.co.uk', 'a=1; Domain=example.co.uk'],
  ['co-uk-host-self', 'https://co.uk', 'a=1; Domain=co.uk'], ['co-uk-host-dot', 'https://co.uk', 'a=1; Domain=.co.uk'],
  ['private-psl', 'https://foo.github.io', 'a=1; Domain=github.io'], ['private-psl-self', 'https://foo.github.io', 'a=1; Domain=foo.github.io'],
  ['com', 'https://www.example.com', 'a=1; Domain=com'], ['ip-self', 'http://127.0.0.1', 'a=1; Domain=127.0.0.1'],
  ['ip-dot', 'http://127.0.0.1', 'a=1; Domain=.127.0.0.1'], ['ip-partial', 'http://127.0.0.1', 'a=1; Domain=0.0.1'],
  ['localhost-self', LOCAL, 'a=1; Domain=localhost'], ['localhost-parent', 'http://a.localhost', 'a=1; Domain=localhost'],
  ['non-ascii', SUB, 'a=1; Domain=bücher.test'], ['trailing-dot', SUB, 'a=1; Domain=x.test.'], ['percent', SUB, 'a=1; Domain=%78.test'],
  ['just-dot', SUB, 'a=1; Domain=.'], ['double-dot', SUB, 'a=1; Domain=..x.test'], ['with-port', SUB, 'a=1; Domain=x.test:443'],
  ['last-wins', SUB, 'a=1; Domain=y.test; Domain=x.test'], ['empty-then-valid', SUB, 'a=1; Domain=x.test; Domain='],
  ['ipv6-self', 'http://[::1]', 'a=1; Domain=[::1]'], ['single-label-self', 'https://intranet', 'a=1; Domain=intranet'],
].map(([id, o, h]) => single(`domain/${id}`, o, h));

const partitioned: DiffCase[] = [
  ['secure', S, 'a=1; Secure; Partitioned'], ['insecure', S, 'a=1; Partitioned'], ['http-secure', H, 'a=1; Secure; Partitioned'],
  ['localhost', LOCAL, 'a=1; Secure; Partitioned; Path=/'], ['subdomain', SUB, 'a=1; Secure; Partitioned; Domain=x.test'],
].map(([id, o, h]) => single(`partitioned/${id}`, o, h));

export const CURATED_SINGLE: DiffCase[] = [...syntax, ...sizes, ...attrs, ...dates, ...maxAge, ...sameSite, ...secure, ...prefixes, ...domains, ...partitioned];
