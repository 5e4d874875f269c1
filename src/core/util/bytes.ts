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
const LOOKUP = new Int16Array(128).fill(-1);
for (let i = 0; i < 64; i++) LOOKUP[B64.charCodeAt(i)] = i;
LOOKUP['-'.charCodeAt(0)] = 62;
LOOKUP['_'.charCodeAt(0)] = 63;

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
  let end = text.length;
  while (end > from && text.charCodeAt(end - 1) === 61 /* = */) end--;
  const rest = (end - from) % 4;
  if (rest === 1) return -1;
  const full = end - rest;
  let o = 0;
  // Four characters per step: this runs over every cookie payload during detection.
  for (let i = from; i < full; i += 4) {
    const c0 = text.charCodeAt(i), c1 = text.charCodeAt(i + 1), c2 = text.charCodeAt(i + 2), c3 = text.charCodeAt(i + 3);
    if ((c0 | c1 | c2 | c3) > 127) return -1;
    const v0 = LOOKUP[c0], v1 = LOOKUP[c1], v2 = LOOKUP[c2], v3 = LOOKUP[c3];
    if ((v0 | v1 | v2 | v3) < 0) return -1;
    const n = (v0 << 18) | (v1 << 12) | (v2 << 6) | v3;
    out[o] = n >> 16; out[o + 1] = n >> 8; out[o + 2] = n; o += 3;
  }
  if (rest === 0) return o;
  const c0 = text.charCodeAt(full), c1 = text.charCodeAt(full + 1), c2 = rest === 3 ? text.charCodeAt(full + 2) : 65;
  if ((c0 | c1 | c2) > 127) return -1;
  const v0 = LOOKUP[c0], v1 = LOOKUP[c1], v2 = LOOKUP[c2];
  if ((v0 | v1 | v2) < 0) return -1;
  const n = (v0 << 18) | (v1 << 12) | (v2 << 6);
  out[o++] = n >> 16;
  if (rest === 3) out[o++] = n >> 8;
  return o;
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
  let diff = 0, o = 0;
  for (let i = 0; i < n; i += 3) {
    const v = (bytes[i] << 16) | (i + 1 < n ? bytes[i + 1] << 8 : 0) | (i + 2 < n ? bytes[i + 2] : 0);
    const chars = i + 2 < n ? 4 : i + 1 < n ? 3 : 2;
    for (let k = 0; k < chars; k++) diff |= URL_SAFE.charCodeAt((v >> (18 - 6 * k)) & 63) ^ text.charCodeAt(o++);
  }
  return diff === 0;
}

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
