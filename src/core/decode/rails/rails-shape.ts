// Recognises the three Rails cookie layouts from the text alone (no key needed).
import { base64Decode, utf8Decode } from '../../util/bytes.ts';
import { percentDecode, stripQuotes } from '../../util/cookie-text.ts';

const B64 = /^[A-Za-z0-9+/_-]+={0,2}$/;
const HEX_DIGEST = /^(?:[0-9a-f]{40}|[0-9a-f]{64}|[0-9a-f]{128})$/;

export type RailsShape =
  | { kind: 'gcm'; ciphertext: Uint8Array; iv: Uint8Array; tag: Uint8Array }
  | { kind: 'signed'; data: string; digest: string; message: Uint8Array }
  | { kind: 'cbc'; data: string; digest: string; ciphertext: Uint8Array; iv: Uint8Array };

const b64 = (text: string): Uint8Array | null => (B64.test(text) ? base64Decode(text) : null);

function gcmShape(parts: string[]): RailsShape | null {
  const [ct, iv, tag] = parts.map(b64);
  // Rails rejects an auth tag that is not exactly 16 bytes; the GCM nonce is 12 bytes.
  return ct && iv && tag && ct.length > 0 && iv.length === 12 && tag.length === 16 ? { kind: 'gcm', ciphertext: ct, iv, tag } : null;
}

/** Legacy CBC data is itself base64 of `b64(ciphertext)--b64(iv)` with a 16-byte IV. */
function cbcInner(message: Uint8Array): { ciphertext: Uint8Array; iv: Uint8Array } | null {
  let text: string;
  try { text = utf8Decode(message); } catch { return null; }
  const parts = text.split('--');
  if (parts.length !== 2) return null;
  const [ct, iv] = parts.map(b64);
  return ct && iv && iv.length === 16 && ct.length > 0 && ct.length % 16 === 0 ? { ciphertext: ct, iv } : null;
}

/**
 * The cookie text without Rack's escaping, or null when escapes are malformed. Rails never emits a literal `+`
 * (it writes %2B), so plain percent-decoding reads its cookies and also keeps a pasted, unescaped base64 `+` intact.
 */
export const railsCookieText = (value: string): string | null => percentDecode(stripQuotes(value.trim()));

export function railsShape(value: string): RailsShape | null {
  const text = railsCookieText(value);
  if (!text || !text.includes('--')) return null;
  const parts = text.split('--');
  if (parts.length === 3) return gcmShape(parts);
  if (parts.length !== 2 || !HEX_DIGEST.test(parts[1])) return null;
  const message = b64(parts[0]);
  if (!message || message.length === 0) return null;
  const inner = cbcInner(message);
  return inner ? { kind: 'cbc', data: parts[0], digest: parts[1], ...inner } : { kind: 'signed', data: parts[0], digest: parts[1], message };
}

/** The HMAC hash a hex digest's length implies (Rails' signed cookies default to SHA1; SHA256/512 when configured). */
export const digestHash = (hex: string): 'SHA-1' | 'SHA-256' | 'SHA-512' =>
  hex.length === 40 ? 'SHA-1' : hex.length === 64 ? 'SHA-256' : 'SHA-512';
