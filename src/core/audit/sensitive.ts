// sensitive-data-in-cookie: what a client-readable payload (signed but not encrypted, or plain JSON) leaks.
import type { Json } from '../protocol/index.ts';
import { base64Decode, utf8Decode } from '../util/bytes.ts';

export interface Leak {
  /** JSON path of the field, e.g. user.email */
  path: string;
  kind: 'password' | 'card number' | 'email' | 'token';
  value: string;
}

const PASSWORD_KEY = /pass(word|wd)?$|^pwd$|passphrase|^pin$/i;
const TOKEN_KEY = /token|secret|api[_-]?key|access[_-]?key|private[_-]?key|bearer|credential/i;
// CSRF tokens in a session are the user's own and expected there; reporting them is noise.
const CSRF_KEY = /csrf|xsrf/i;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;
const CARD = /\b(?:\d[ -]?){12,18}\d\b/g;

export function isLuhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) { d *= 2; if (d > 9) d -= 9; }
    sum += d;
  }
  return sum % 10 === 0;
}

function findCard(text: string): string | null {
  for (const m of text.matchAll(CARD)) {
    const digits = m[0].replace(/[ -]/g, '');
    if (digits.length >= 13 && digits.length <= 19 && !/^(\d)\1+$/.test(digits) && isLuhnValid(digits)) return m[0];
  }
  return null;
}

function scanString(path: string, key: string, value: string, out: Leak[]): void {
  if (value === '') return;
  if (PASSWORD_KEY.test(key)) { out.push({ path, kind: 'password', value }); return; }
  if (TOKEN_KEY.test(key) && !CSRF_KEY.test(key) && value.length >= 16) { out.push({ path, kind: 'token', value }); return; }
  const card = findCard(value);
  if (card) { out.push({ path, kind: 'card number', value: card }); return; }
  const email = EMAIL.exec(value);
  if (email) out.push({ path, kind: 'email', value: email[0] });
}

/** Walks a decoded payload and lists the sensitive fields it holds. */
export function scanPayload(payload: Json, path = '', out: Leak[] = []): Leak[] {
  if (out.length > 20) return out;
  if (typeof payload === 'string') scanString(path || '(value)', path.split('.').pop() ?? '', payload, out);
  else if (typeof payload === 'number' && Number.isInteger(payload)) scanString(path || '(value)', path.split('.').pop() ?? '', String(payload), out);
  else if (Array.isArray(payload)) payload.forEach((v, i) => scanPayload(v, `${path}[${i}]`, out));
  else if (payload && typeof payload === 'object') {
    for (const [k, v] of Object.entries(payload)) scanPayload(v, path ? `${path}.${k}` : k, out);
  }
  return out;
}

/**
 * A plain (non-structured) cookie value: a password under a password-like cookie name (Burp's "password
 * value set in cookie"), or an e-mail address or card number as the value itself. Token-like names are not
 * judged here: an opaque token is what a session cookie is for.
 */
export function scanPlainValue(name: string, value: string): Leak[] {
  let text = value.replace(/^"|"$/g, '');
  try { text = decodeURIComponent(text); } catch { /* keep raw */ }
  if (text === '') return [];
  if (PASSWORD_KEY.test(name)) return [{ path: name, kind: 'password', value: text }];
  const card = findCard(text);
  if (card) return [{ path: name, kind: 'card number', value: card }];
  const email = EMAIL.exec(text);
  return email ? [{ path: name, kind: 'email', value: email[0] }] : [];
}

/** Best-effort readable payload of a plain cookie value: JSON, percent-encoded JSON, base64 JSON. */
export function readPlainPayload(value: string): Json | null {
  const candidates = [value];
  try { candidates.push(decodeURIComponent(value)); } catch { /* not percent-encoded */ }
  for (const text of candidates) {
    const t = text.replace(/^"|"$/g, '');
    if (/^[[{]/.test(t)) { try { return JSON.parse(t) as Json; } catch { /* not JSON */ } }
    const bytes = /^[\w+/=-]{8,}$/.test(t) ? base64Decode(t) : null;
    if (bytes && (bytes[0] === 0x7b || bytes[0] === 0x5b)) {
      try { return JSON.parse(utf8Decode(bytes)) as Json; } catch { /* not JSON */ }
    }
  }
  return null;
}
