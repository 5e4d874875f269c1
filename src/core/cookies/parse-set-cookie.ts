// Set-Cookie parsing as browsers do it (RFC 6265bis §5.6 as implemented by Chromium's ParsedCookie).
// Hand-written, single pass: set-cookie-parser (and most server libraries) decode values, treat quotes
// and drop nameless cookies, all of which differ from what a browser stores.
import { parseCookieDate } from './cookie-date.ts';
import type { CookiePriority, ParsedSameSite, ParsedSetCookie, RawAttribute } from './types.ts';

export const MAX_NAME_VALUE_BYTES = 4096;
export const MAX_ATTRIBUTE_VALUE_BYTES = 1024;
const PREFIX = /^\s*set-cookie\s*:[ \t]*/i;
const KNOWN = new Set(['expires', 'max-age', 'domain', 'path', 'secure', 'httponly', 'samesite', 'partitioned', 'priority']);
const MAX_AGE = /^[+-]?\d+$/;

/** UTF-8 byte length without allocating (the browser's limits are in bytes). */
export function utf8Length(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) n += c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 1 : 2;
  }
  return n;
}

/**
 * True for CTLs (HTAB included) in an already-trimmed token. RFC 6265bis tolerates HTAB, but Chrome rejects a
 * tab anywhere except the whitespace trimmed around names and values (measured by the differential test).
 */
export function hasControlCharacter(token: string): boolean {
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

const isSpace = (c: number): boolean => c === 0x20 || c === 0x09;

/** Trims only SP and HTAB, as Chromium does (no Unicode whitespace: that is what prefix-shadowing exploits). */
export function trimCookieWhitespace(text: string, start = 0, end = text.length): string {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return text.slice(start, end);
}

/** Position of the character `code` in text[from, to), or -1 (never scans past `to`). */
function indexIn(text: string, code: number, from: number, to: number): number {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === code) return i;
  return -1;
}

function readAttributes(line: string, from: number, out: ParsedSetCookie): void {
  let pos = from;
  while (pos < line.length) {
    let end = line.indexOf(';', pos);
    if (end < 0) end = line.length;
    // name and value are cut from the line itself: no intermediate string per attribute
    const eq = indexIn(line, 61, pos, end);
    const name = trimCookieWhitespace(line, pos, eq >= 0 ? eq : end);
    const value = eq >= 0 ? trimCookieWhitespace(line, eq + 1, end) : '';
    pos = end + 1;
    if (!out.problems.includes('control-character') && (hasControlCharacter(name) || hasControlCharacter(value))) {
      out.problems.push('control-character');
    }
    if (name === '') continue;
    out.attributes.push({ name, value } satisfies RawAttribute);
    const key = name.toLowerCase();
    if (!KNOWN.has(key)) continue;
    if (value.length > MAX_ATTRIBUTE_VALUE_BYTES / 4 && utf8Length(value) > MAX_ATTRIBUTE_VALUE_BYTES) {
      out.problems.push(`attribute-oversize:${key}`);
      continue;
    }
    out.effective[key] = value;
  }
}

function readSameSite(raw: string | undefined): ParsedSameSite {
  if (raw === undefined) return 'unspecified';
  const v = raw.toLowerCase();
  return v === 'strict' || v === 'lax' || v === 'none' ? v : 'invalid';
}

function readPriority(raw: string | undefined): CookiePriority {
  const v = raw?.toLowerCase();
  return v === 'low' || v === 'high' ? v : 'medium';
}

/** Fills the typed fields from the effective attributes. */
function interpret(out: ParsedSetCookie): void {
  const e = out.effective;
  if (e.expires !== undefined && e.expires !== '') {
    out.expiresRaw = e.expires;
    out.expires = parseCookieDate(e.expires);
    if (out.expires === null) out.problems.push('expires-invalid');
  }
  if (e['max-age'] !== undefined) {
    if (MAX_AGE.test(e['max-age'])) out.maxAge = Math.max(Math.min(Number(e['max-age']), 9.2e18), -9.2e18);
    else out.problems.push('max-age-invalid');
  }
  if (e.domain !== undefined && e.domain !== '') {
    out.domain = (e.domain.charCodeAt(0) === 46 ? e.domain.slice(1) : e.domain).toLowerCase();
    if (/[^\x00-\x7f]/.test(e.domain)) out.problems.push('domain-non-ascii');
  }
  if (e.path !== undefined) out.path = e.path;
  out.secure = e.secure !== undefined;
  out.httpOnly = e.httponly !== undefined;
  out.partitioned = e.partitioned !== undefined;
  out.sameSiteRaw = e.samesite;
  out.sameSite = readSameSite(e.samesite);
  if (out.sameSite === 'invalid') out.problems.push('samesite-invalid');
  out.priority = readPriority(e.priority);
}

/** Parses one Set-Cookie header line. Never throws: anything odd is reported in `problems`. */
export function parseSetCookie(header: string): ParsedSetCookie {
  const text = typeof header === 'string' ? header : String(header ?? '');
  const prefix = PREFIX.exec(text);
  const line = prefix ? text.slice(prefix[0].length) : text;
  const out: ParsedSetCookie = {
    header: line, name: '', value: '', nameless: false, attributes: [], effective: {},
    secure: false, httpOnly: false, sameSite: 'unspecified', partitioned: false, priority: 'medium', problems: [],
  };
  let end = line.indexOf(';');
  if (end < 0) end = line.length;
  const eq = line.indexOf('=');
  if (eq >= 0 && eq < end) {
    out.name = trimCookieWhitespace(line, 0, eq);
    out.value = trimCookieWhitespace(line, eq + 1, end);
  } else {
    out.nameless = true;
    out.value = trimCookieWhitespace(line, 0, end);
  }
  if (hasControlCharacter(out.name) || hasControlCharacter(out.value)) out.problems.push('control-character');
  if (out.name === '' && out.value === '') out.problems.push('no-content');
  else if (out.nameless) out.problems.push('nameless');
  if (utf8Length(out.name) + utf8Length(out.value) > MAX_NAME_VALUE_BYTES) out.problems.push('name-value-oversize');
  readAttributes(line, end + 1, out);
  interpret(out);
  return out;
}

/**
 * Splits Set-Cookie values that Firefox's webRequest joined with newlines, dropping the blank lines the
 * join leaves; an entry that was itself empty is kept (the browser reports it as NoCookieContent).
 */
export function splitSetCookieHeaders(raw: string | readonly string[]): string[] {
  const list = typeof raw === 'string' ? [raw] : raw;
  const out: string[] = [];
  for (const item of list) {
    if (typeof item !== 'string') continue;
    if (!item.includes('\n')) { out.push(item.endsWith('\r') ? item.slice(0, -1) : item); continue; }
    for (const part of item.split(/\r?\n/)) if (part.trim() !== '') out.push(part);
  }
  return out;
}
