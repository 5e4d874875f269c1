// Byte/text helpers that work identically in a service worker, a page and Node (no Buffer).
const encoder = new TextEncoder();
const strictDecoder = new TextDecoder('utf-8', { fatal: true });

export const utf8Encode = (text: string): Uint8Array => encoder.encode(text);

/**
 * UTF-8 encoding into one reused, growing buffer, for hot paths that hash or scan the bytes at once: valid only
 * until the next `encode`. `encodeInto` a reused buffer costs a tenth of `encode`, which allocates.
 */
export class Utf8Scratch {
  bytes = new Uint8Array(1024);

  /** Writes `text` to `bytes` and returns the byte length. */
  encode(text: string): number {
    // at most 3 bytes per UTF-16 unit (a surrogate pair is 2 units for 4 bytes)
    if (text.length * 3 > this.bytes.length) this.bytes = new Uint8Array(Math.max(text.length * 3, this.bytes.length * 2));
    return encoder.encodeInto(text, this.bytes).written;
  }
}

/** Decodes UTF-8; throws on invalid sequences so callers can reject garbage instead of showing U+FFFD. */
export const utf8Decode = (bytes: Uint8Array): string => strictDecoder.decode(bytes);

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** byte -> 6-bit value for both alphabets; 255 = not base64 */
const DECODE = new Uint8Array(256).fill(255);
for (let i = 0; i < 64; i++) DECODE[B64.charCodeAt(i)] = i;
DECODE['-'.charCodeAt(0)] = 62;
DECODE['_'.charCodeAt(0)] = 63;

/** Decodes standard or URL-safe base64, padded or not. Returns null on any invalid character. */
export function base64Decode(text: string): Uint8Array | null {
  const out = new Uint8Array(base64DecodedLength(text, 0));
  return base64DecodeInto(text, 0, out) < 0 ? null : out;
}

/** The byte length base64DecodeInto(text, from, …) needs (an upper bound when the text is invalid). */
export function base64DecodedLength(text: string, from: number): number {
  let end = text.length;
  while (end > from && text.charCodeAt(end - 1) === 61 /* = */) end--;
  return Math.floor(((end - from) * 3) / 4);
}

/**
 * base64Decode of text[from..] into `out` (at least base64DecodedLength long), without allocating: returns the
 * byte count, or -1 on an invalid character or length.
 */
export function base64DecodeInto(text: string, from: number, out: Uint8Array): number {
  const bytes = asciiBytes(text);
  // Any other character is invalid base64; only a prefix that is skipped anyway may hold one.
  if (!bytes) return from > 0 ? base64DecodeInto(text.slice(from), 0, out) : -1;
  let end = text.length;
  while (end > from && bytes[end - 1] === 61 /* = */) end--;
  const rest = (end - from) % 4;
  if (rest === 1) return -1;
  const full = end - rest;
  let o = 0;
  for (let i = from; i < full; i += 4) {
    const v0 = DECODE[bytes[i]], v1 = DECODE[bytes[i + 1]], v2 = DECODE[bytes[i + 2]], v3 = DECODE[bytes[i + 3]];
    if ((v0 | v1 | v2 | v3) > 63) return -1;
    const n = (v0 << 18) | (v1 << 12) | (v2 << 6) | v3;
    out[o] = n >> 16; out[o + 1] = n >> 8; out[o + 2] = n; o += 3;
  }
  if (rest === 0) return o;
  const v0 = DECODE[bytes[full]], v1 = DECODE[bytes[full + 1]], v2 = rest === 3 ? DECODE[bytes[full + 2]] : 0;
  if ((v0 | v1 | v2) > 63) return -1;
  const n = (v0 << 18) | (v1 << 12) | (v2 << 6);
  out[o++] = n >> 16;
  if (rest === 3) out[o++] = n >> 8;
  return o;
}

// Reading a string's characters one by one (charCodeAt) costs twice as much as encoding it into a reused buffer
// and reading bytes.
const asciiScratch = new Uint8Array(16 * 1024);

/** The text's bytes when it is all ASCII (in a shared buffer for short texts, valid until the next call), else null. */
function asciiBytes(text: string): Uint8Array | null {
  if (text.length <= asciiScratch.length) {
    const { read, written } = encoder.encodeInto(text, asciiScratch);
    return read === text.length && written === text.length ? asciiScratch : null;
  }
  const bytes = encoder.encode(text);
  return bytes.length === text.length ? bytes : null;
}

const URL_SAFE = B64.slice(0, 62) + '-_';

export function base64Encode(bytes: Uint8Array, { urlSafe = false, pad = true } = {}): string {
  const alphabet = urlSafe ? URL_SAFE : B64;
  const n = bytes.length, full = n - (n % 3);
  let out = '';
  for (let i = 0; i < full; i += 3) {
    const v = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += alphabet[v >> 18] + alphabet[(v >> 12) & 63] + alphabet[(v >> 6) & 63] + alphabet[v & 63];
  }
  if (full === n) return out;
  const v = (bytes[full] << 16) | (full + 1 < n ? bytes[full + 1] << 8 : 0);
  out += alphabet[v >> 18] + alphabet[(v >> 12) & 63];
  if (full + 1 < n) out += alphabet[(v >> 6) & 63];
  return pad ? out + (full + 1 < n ? '=' : '==') : out;
}

/**
 * Whether `text` is exactly base64UrlEncode(bytes), without building that string; no early exit once the length
 * matches, so a signature check does not reveal how much of it was right.
 */
export function equalsBase64Url(bytes: Uint8Array, text: string): boolean {
  const n = bytes.length;
  if (text.length !== Math.floor(n / 3) * 4 + (n % 3 === 0 ? 0 : (n % 3) + 1)) return false;
  const full = n - (n % 3);
  let diff = 0, o = 0;
  for (let i = 0; i < full; i += 3, o += 4) {
    const v = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    diff |= (URL_SAFE_CODES[v >> 18] ^ text.charCodeAt(o)) | (URL_SAFE_CODES[(v >> 12) & 63] ^ text.charCodeAt(o + 1))
      | (URL_SAFE_CODES[(v >> 6) & 63] ^ text.charCodeAt(o + 2)) | (URL_SAFE_CODES[v & 63] ^ text.charCodeAt(o + 3));
  }
  if (full < n) {
    const v = (bytes[full] << 16) | (full + 1 < n ? bytes[full + 1] << 8 : 0);
    for (let k = 0; k < n - full + 1; k++) diff |= URL_SAFE_CODES[(v >> (18 - 6 * k)) & 63] ^ text.charCodeAt(o + k);
  }
  return diff === 0;
}

const URL_SAFE_CODES = Uint8Array.from(URL_SAFE, (ch) => ch.charCodeAt(0));

export const base64UrlEncode = (bytes: Uint8Array): string => base64Encode(bytes, { urlSafe: true, pad: false });

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

export function hexEncode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += HEX[bytes[i]];
  return out;
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}

/** Constant-time comparison: signature checks must not leak how many bytes matched. */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}
