// Splits a (possibly quoted) cookie value into Django's `payload[:timestamp]:signature` parts, or rejects it.
import { unquoteCookieValue } from './cookie-text.ts';
import { b62Decode } from './primitives.ts';

export interface Shape { readonly text: string; readonly quoted: boolean; readonly timestampCapable: boolean; readonly head: string }

// b64url of a SHA-256 (43 chars) or legacy SHA-1 (27 chars) HMAC
const SIGNATURE = /^[A-Za-z0-9_-]{27}$|^[A-Za-z0-9_-]{43}$/;

// score() and decode() read the same value back to back; the shape is immutable, so the last one is kept.
let last: { value: string; shape: Shape | null } | null = null;

export function readShape(value: string): Shape | null {
  if (last?.value === value) return last.shape;
  const shape = splitShape(value);
  last = { value, shape };
  return shape;
}

function splitShape(value: string): Shape | null {
  const { text, quoted } = unquoteCookieValue(value);
  const cut = text.lastIndexOf(':');
  if (cut < 0 || !SIGNATURE.test(text.slice(cut + 1))) return null;
  const head = text.slice(0, cut);
  const tsCut = head.lastIndexOf(':');
  const tsText = tsCut >= 0 ? head.slice(tsCut + 1) : '';
  return { text, quoted, timestampCapable: isPlausibleTimestamp(tsText), head };
}

// `a:b:sig` from Signer.sign("a:b") splits like a timestamped value; the HMAC covers both readings alike, so only
// a timestamp between 2000 and 2100 counts as one.
function isPlausibleTimestamp(text: string): boolean {
  const ts = /^[0-9A-Za-z]{5,6}$/.test(text) ? b62Decode(text) : null;
  return ts !== null && ts >= 946684800 && ts <= 4102444800;
}
