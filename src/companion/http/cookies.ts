// Django's cookie text handling: parse_cookie for requests, Morsel output for Set-Cookie.
const LEGAL = /^[A-Za-z0-9!#$%&'*+\-.^_`|~:]+$/;
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** http.cookies._unquote: strip surrounding quotes and resolve \ooo octal and \c escapes. */
export function unquoteCookie(value: string): string {
  if (value.length < 2 || value[0] !== '"' || value[value.length - 1] !== '"') return value;
  return value.slice(1, -1).replace(/\\([0-3][0-7][0-7]|.)/g, (_m, esc: string) =>
    esc.length === 3 ? String.fromCharCode(parseInt(esc, 8)) : esc);
}

/** django.http.cookie.parse_cookie: split on ";", first "=", strip, unquote; the last duplicate wins. */
export function parseCookieHeader(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!header) return out;
  for (const chunk of header.split(';')) {
    const eq = chunk.indexOf('=');
    const key = (eq >= 0 ? chunk.slice(0, eq) : '').trim();
    const val = (eq >= 0 ? chunk.slice(eq + 1) : chunk).trim();
    if (key || val) out.set(key, unquoteCookie(val));
  }
  return out;
}

/** http.cookies._quote: legal values raw, anything else double-quoted with octal escapes. */
export function quoteCookieValue(value: string): string {
  if (LEGAL.test(value)) return value;
  const body = [...value].map((ch) => {
    if (ch === '"' || ch === '\\') return '\\' + ch;
    const c = ch.charCodeAt(0);
    if (c < 32 || c >= 127) return [...Buffer.from(ch, 'utf8')].map((b) => '\\' + b.toString(8).padStart(3, '0')).join('');
    return ch;
  }).join('');
  return `"${body}"`;
}

// every response of one second sets the same expires date (as long as the cookie age stays the same)
let lastDate: { seconds: number; text: string } | null = null;

/** email.utils.formatdate(t, usegmt=True): IMF-fixdate, seconds truncated. */
export function httpDate(epochSeconds: number): string {
  const seconds = Math.floor(epochSeconds);
  if (lastDate?.seconds === seconds) return lastDate.text;
  const text = formatHttpDate(seconds, epochSeconds);
  lastDate = { seconds, text };
  return text;
}

function formatHttpDate(seconds: number, given: number): string {
  const d = new Date(seconds * 1000);
  // formatdate goes through datetime.fromtimestamp: years outside 1..9999 raise (a 500 in Django)
  if (Number.isNaN(d.getTime()) || d.getUTCFullYear() > 9999 || d.getUTCFullYear() < 1) throw new RangeError(`ValueError: year is out of range for ${given}`);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${p(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCFullYear()).padStart(4, '0')} ` +
    `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} GMT`;
}

export interface CookieAttrs {
  domain?: string | null;
  expires?: string | null;
  httponly?: boolean;
  maxAge?: number | null;
  path?: string | null;
  samesite?: string | null;
  secure?: boolean;
}

/** Morsel.OutputString: name=value then present attributes sorted by lower-case name. */
export function formatSetCookie(name: string, value: string, a: CookieAttrs): string {
  const parts = [`${name}=${quoteCookieValue(value)}`];
  if (a.domain) parts.push(`Domain=${a.domain}`);
  if (a.expires) parts.push(`expires=${a.expires}`);
  if (a.httponly) parts.push('HttpOnly');
  if (a.maxAge !== null && a.maxAge !== undefined) parts.push(`Max-Age=${Math.trunc(a.maxAge)}`);
  if (a.path) parts.push(`Path=${a.path}`);
  if (a.samesite) parts.push(`SameSite=${a.samesite}`);
  if (a.secure) parts.push('Secure');
  return parts.join('; ');
}

/** HttpResponse.delete_cookie: empty value, epoch expiry, Max-Age=0; Secure only for SameSite=None or __Secure-/__Host- names. */
export function formatDeleteCookie(name: string, path: string, domain: string | null, samesite: string | null): string {
  const secure = name.startsWith('__Secure-') || name.startsWith('__Host-') || (samesite ?? '').toLowerCase() === 'none';
  return formatSetCookie(name, '', { domain, expires: 'Thu, 01 Jan 1970 00:00:00 GMT', maxAge: 0, path, samesite, secure });
}

/** patch_vary_headers: append unless present (case-insensitive); "*" absorbs everything. */
export function patchVary(headers: [string, string][], add: string): void {
  const idx = headers.findIndex(([k]) => k.toLowerCase() === 'vary');
  const existing = idx >= 0 ? headers[idx][1].split(',').map((s) => s.trim()).filter(Boolean) : [];
  if (existing.some((v) => v.toLowerCase() === add.toLowerCase())) return;
  const next = [...existing, add];
  const value = next.includes('*') ? '*' : next.join(', ');
  if (idx >= 0) headers[idx][1] = value; else headers.push(['Vary', value]);
}
