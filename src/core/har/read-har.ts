// HAR 1.2 reader for Chrome and Firefox DevTools exports: turns entries into the audit's exchanges.
// Firefox joins several Set-Cookie headers into one value with newlines; Chrome's sanitized export drops
// Set-Cookie headers but may keep the parsed `cookies` array, from which the header is rebuilt.
import type { Exchange } from '../audit/exchanges.ts';

export class HarError extends Error {
  override name = 'HarError';
}

interface HarHeader { name: string; value: string }
interface HarCookie { name: string; value: string; path?: string; domain?: string; expires?: string | null; httpOnly?: boolean; secure?: boolean; sameSite?: string }

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function readHeaders(value: unknown, where: string): HarHeader[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new HarError(`${where}.headers is not an array`);
  return value.filter((h): h is HarHeader => isObj(h) && typeof h.name === 'string' && typeof h.value === 'string');
}

function readCookies(value: unknown): HarCookie[] {
  if (!Array.isArray(value)) return [];
  return value.filter((c): c is HarCookie => isObj(c) && typeof c.name === 'string' && typeof c.value === 'string');
}

const valuesOf = (headers: HarHeader[], name: string): string[] => headers.filter((h) => h.name.toLowerCase() === name).map((h) => h.value);

/** Rebuilds a Set-Cookie line from a HAR cookie object (used only when the headers were stripped). */
export function formatHarCookie(c: HarCookie): string {
  const parts = [`${c.name}=${c.value}`];
  if (c.domain) parts.push(`Domain=${c.domain}`);
  if (c.path) parts.push(`Path=${c.path}`);
  if (c.expires) { const t = Date.parse(c.expires); if (!Number.isNaN(t)) parts.push(`Expires=${new Date(t).toUTCString()}`); }
  if (c.httpOnly) parts.push('HttpOnly');
  if (c.secure) parts.push('Secure');
  if (c.sameSite) parts.push(`SameSite=${c.sameSite}`);
  return parts.join('; ');
}

function formFields(request: Obj): string[] {
  const post = request.postData;
  if (!isObj(post)) return [];
  // Firefox writes `params: []` for every body it did not parse (JSON, multipart): the names are in `text`
  if (Array.isArray(post.params) && post.params.length > 0) return post.params.filter(isObj).map((p) => String(p.name ?? ''));
  const text = typeof post.text === 'string' ? post.text : '';
  const mime = typeof post.mimeType === 'string' ? post.mimeType : '';
  if (mime.includes('json')) {
    try { const parsed: unknown = JSON.parse(text); return isObj(parsed) ? Object.keys(parsed) : []; } catch { return []; }
  }
  if (mime.includes('multipart/form-data')) return [...text.matchAll(/content-disposition:[^\r\n]*?\bname="([^"]*)"/gi)].map((m) => m[1]);
  return mime.includes('x-www-form-urlencoded') || /^[\w%.-]+=/.test(text) ? [...new URLSearchParams(text).keys()] : [];
}

function readEntry(entry: unknown, i: number): Exchange {
  const where = `entry ${i}`;
  if (!isObj(entry) || !isObj(entry.request)) throw new HarError(`${where} has no request object`);
  const { request } = entry;
  if (typeof request.url !== 'string' || !URL.canParse(request.url)) throw new HarError(`${where}: request.url is missing or not a URL`);
  const reqHeaders = readHeaders(request.headers, `${where}.request`);
  const cookieHeader = valuesOf(reqHeaders, 'cookie').join('; ')
    || readCookies(request.cookies).map((c) => `${c.name}=${c.value}`).join('; ');
  const exchange: Exchange = {
    request: {
      url: request.url, method: typeof request.method === 'string' ? request.method : 'GET',
      cookieHeader: cookieHeader || undefined, referer: valuesOf(reqHeaders, 'referer')[0], formFields: formFields(request),
    },
  };
  if (isObj(entry.response)) {
    const headers = readHeaders(entry.response.headers, `${where}.response`);
    let setCookieHeaders = valuesOf(headers, 'set-cookie');
    if (setCookieHeaders.length === 0) setCookieHeaders = readCookies(entry.response.cookies).map(formatHarCookie);
    exchange.response = { status: typeof entry.response.status === 'number' ? entry.response.status : undefined, setCookieHeaders, responseHeaders: headers };
    if (typeof entry.startedDateTime === 'string' && !Number.isNaN(Date.parse(entry.startedDateTime))) {
      exchange.response.now = Date.parse(entry.startedDateTime) / 1000;
    }
  }
  return exchange;
}

/** Parses HAR text; throws HarError with a one-line reason for anything that is not a HAR 1.x log. */
export function readHar(text: string): Exchange[] {
  if (/[\x00-\x08\x0e-\x1f]/.test(text.slice(0, 4096))) throw new HarError('not a HAR file: the input is binary, not JSON text');
  let json: unknown;
  try { json = JSON.parse(text.replace(/^\uFEFF/, '')); } catch (e) { throw new HarError(`not a HAR file: invalid JSON (${(e as Error).message.split('\n')[0]})`); }
  if (!isObj(json) || !isObj(json.log)) throw new HarError('not a HAR file: no "log" object at the top level');
  if (!Array.isArray(json.log.entries)) throw new HarError('not a HAR file: log.entries is missing or not an array');
  return json.log.entries.map(readEntry);
}
