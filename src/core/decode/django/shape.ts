// Splits a (possibly quoted) cookie value into Django's `payload[:timestamp]:signature` parts, or rejects it.
import { unquoteCookieValue } from './cookie-text.ts';

export interface Shape { text: string; quoted: boolean; timestampCapable: boolean; head: string }

// b64url of a SHA-256 (43 chars) or legacy SHA-1 (27 chars) HMAC
const SIGNATURE = /^[A-Za-z0-9_-]{27}$|^[A-Za-z0-9_-]{43}$/;

export function readShape(value: string): Shape | null {
  const { text, quoted } = unquoteCookieValue(value);
  const cut = text.lastIndexOf(':');
  if (cut <= 0 || !SIGNATURE.test(text.slice(cut + 1))) return null;
  const head = text.slice(0, cut);
  const tsCut = head.lastIndexOf(':');
  const tsText = tsCut >= 0 ? head.slice(tsCut + 1) : '';
  return { text, quoted, timestampCapable: /^-?[0-9A-Za-z]{1,9}$/.test(tsText), head };
}
