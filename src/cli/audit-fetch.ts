// URL mode: fetch like a browser would, so the audit sees what a browser sees. Redirects are followed by
// hand (redirect: 'manual') so every Set-Cookie along the chain is recorded, and the cookie model decides
// which cookies the next hop sends.
import { applySetCookies, formatCookieHeader, matchCookies, type StoredCookie } from '../core/cookies/index.ts';
import type { Exchange } from '../core/audit/exchanges.ts';

const MAX_REDIRECTS = 20;
const TIMEOUT_MS = 15_000;
// A dev server's own certificate: say how to trust it rather than leave the user with an OpenSSL code.
const TLS_TRUST = /SELF_SIGNED|UNABLE_TO_(GET_ISSUER|VERIFY_LEAF)|CERT_UNTRUSTED/;
const TLS_HINT = ' (certificate not trusted; to audit a dev server, run with NODE_EXTRA_CA_CERTS=its-ca.pem)';

export class FetchError extends Error {
  override name = 'FetchError';
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** fetch hands header bytes over as latin-1 code units; browsers read cookie text as UTF-8 when it is valid UTF-8. */
export function headerText(latin1: string): string {
  if (!/[\x80-\xff]/.test(latin1) || /[^\x00-\xff]/.test(latin1)) return latin1;
  try { return UTF8.decode(Buffer.from(latin1, 'latin1')); } catch { return latin1; }
}

function setCookiesOf(headers: Headers): string[] {
  const lines = typeof headers.getSetCookie === 'function' ? headers.getSetCookie() : (headers.get('set-cookie') ?? '').split(/\n/).filter(Boolean);
  return lines.map(headerText);
}

function headerPairs(headers: Headers): Array<{ name: string; value: string }> {
  const pairs: Array<{ name: string; value: string }> = [];
  headers.forEach((value, name) => { if (name !== 'set-cookie') pairs.push({ name, value }); });
  return pairs;
}

async function fetchOnce(url: URL, cookieHeader: string, authorization?: string): Promise<Response> {
  const headers: Record<string, string> = { 'user-agent': 'sessionscope-audit', accept: 'text/html,*/*' };
  if (authorization) headers.authorization = authorization;
  // back to the bytes the server sent: a JS string header is written as latin-1 (and throws above U+00FF)
  if (cookieHeader) headers.cookie = Buffer.from(cookieHeader, 'utf8').toString('latin1');
  try {
    return await fetch(url, { redirect: 'manual', headers, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    const why = cause?.code ?? cause?.message ?? (err as Error).message;
    throw new FetchError(`cannot fetch ${url.href}: ${why}${TLS_TRUST.test(why) ? TLS_HINT : ''}`);
  }
}

/** "https://user:pass@host/" with the password hidden, for messages and reports; other text unchanged. */
export function redactCredentials(text: string): string {
  try {
    const url = new URL(text);
    if (!url.password) return text;
    url.password = '***';
    return url.href;
  } catch {
    return text;
  }
}

interface Start { url: URL; authorization?: string; origin: string }

/** The first URL, and Basic credentials from its user:password@ part: fetch refuses URLs that carry them. */
function readStart(start: string): Start {
  // "example.com/login" means what the address bar makes of it: https.
  const text = /^[\w.-]+(:\d+)?(\/|$)/.test(start) && !start.includes('://') ? `https://${start}` : start;
  let url: URL;
  try { url = new URL(text); } catch { throw new FetchError(`not a URL: ${JSON.stringify(start.slice(0, 200))}`); }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchError(`only http(s) URLs can be audited: ${redactCredentials(start)}`);
  if (!url.username && !url.password) return { url, origin: url.origin };
  const user = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  url.username = '';
  url.password = '';
  return { url, origin: url.origin, authorization: `Basic ${Buffer.from(user, 'utf8').toString('base64')}` };
}

/** Follows one URL's redirect chain; `jar` carries cookies between hops and between URLs. */
export async function fetchChain(start: string, jar: StoredCookie[]): Promise<{ exchanges: Exchange[]; jar: StoredCookie[] }> {
  const first = readStart(start);
  let url = first.url;
  const exchanges: Exchange[] = [];
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const now = Date.now();
    const cookieHeader = formatCookieHeader(matchCookies({ url, jar, now }));
    // Like a typed-in navigation: no Referer, and (per Fetch) redirects keep the original one.
    // credentials stay with the origin they were given for, as a browser keeps them per protection space
    const response = await fetchOnce(url, cookieHeader, url.origin === first.origin ? first.authorization : undefined);
    await response.body?.cancel();
    const setCookieHeaders = setCookiesOf(response.headers);
    exchanges.push({
      request: { url: url.href, method: 'GET', cookieHeader: cookieHeader || undefined },
      response: { status: response.status, setCookieHeaders, responseHeaders: headerPairs(response.headers), now: now / 1000 },
    });
    jar = applySetCookies({ url, headers: setCookieHeaders, jar, now }).jar;
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location) return { exchanges, jar };
    const from = url.href;
    try { url = new URL(location, url); } catch { throw new FetchError(`bad redirect Location "${location}" from ${from}`); }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return { exchanges, jar };
  }
  throw new FetchError(`more than ${MAX_REDIRECTS} redirects starting at ${first.url.href}`);
}
