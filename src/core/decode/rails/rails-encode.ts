// Writes Rails cookies (JSON serializer, metadata envelope) so the panel can edit-and-re-sign and tests can round-trip.
// Byte-identical to Rails for signed cookies; encrypted ones use a random IV unless one is given, as Rails does.
import type { Json } from '../../protocol/index.ts';
import { base64Encode, hexEncode, utf8Encode } from '../../util/bytes.ts';
import { hmac } from '../../util/crypto.ts';
import { deriveRailsKey, SALTS, type KeyHash } from './rails-keys.ts';

export interface RailsWriteOptions {
  /** the cookie name: the envelope's purpose is `cookie.<name>` */
  name: string;
  /** `_rails.exp` as an ISO string (Rails writes milliseconds, e.g. 2026-11-30T03:06:44.116Z) */
  expires?: string | null;
  /** PBKDF2 hash of the key generator: SHA-1 for Rails 6.1, SHA-256 for Rails 7 defaults */
  keyHash?: KeyHash;
  iv?: Uint8Array;
}

const buf = (b: Uint8Array): ArrayBuffer => b.slice().buffer as ArrayBuffer;
/** Rack::Utils.escape: everything but A-Z a-z 0-9 * - . _ is percent-encoded, and a space becomes `+`. */
export const rackEscape = (text: string): string =>
  encodeURIComponent(text).replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).replace(/%20/g, '+');

/** The serialized `_rails` envelope: the value is JSON, base64 inside `message`. */
export function railsEnvelope(value: Json, opts: RailsWriteOptions): string {
  const message = base64Encode(utf8Encode(JSON.stringify(value)));
  return JSON.stringify({ _rails: { message, exp: opts.expires ?? null, pur: `cookie.${opts.name}` } });
}

export async function signRailsCookie(value: Json, secretKeyBase: string, opts: RailsWriteOptions): Promise<string> {
  const key = await deriveRailsKey(secretKeyBase, SALTS.signed, opts.keyHash ?? 'SHA-1', 64);
  const data = base64Encode(utf8Encode(railsEnvelope(value, opts)));
  return rackEscape(`${data}--${hexEncode(await hmac('SHA-1', key, data))}`);
}

export async function encryptRailsCookie(value: Json, secretKeyBase: string, opts: RailsWriteOptions): Promise<string> {
  const raw = await deriveRailsKey(secretKeyBase, SALTS.authenticatedEncrypted, opts.keyHash ?? 'SHA-1', 32);
  const key = await crypto.subtle.importKey('raw', buf(raw), 'AES-GCM', false, ['encrypt']);
  const iv = opts.iv ?? crypto.getRandomValues(new Uint8Array(12));
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv: buf(iv), tagLength: 128 }, key, buf(utf8Encode(railsEnvelope(value, opts)))));
  const ct = sealed.subarray(0, sealed.length - 16);
  const tag = sealed.subarray(sealed.length - 16);
  return rackEscape(`${base64Encode(ct)}--${base64Encode(iv)}--${base64Encode(tag)}`);
}

/** Legacy `use_authenticated_cookie_encryption = false`: AES-256-CBC, then HMAC-SHA1 over base64(ct--iv). */
export async function encryptRailsCookieCbc(value: Json, secretKeyBase: string, opts: RailsWriteOptions): Promise<string> {
  const hash = opts.keyHash ?? 'SHA-1';
  const raw = await deriveRailsKey(secretKeyBase, SALTS.encrypted, hash, 32);
  const key = await crypto.subtle.importKey('raw', buf(raw), 'AES-CBC', false, ['encrypt']);
  const iv = opts.iv ?? crypto.getRandomValues(new Uint8Array(16));
  const ct = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-CBC', iv: buf(iv) }, key, buf(utf8Encode(railsEnvelope(value, opts)))));
  const data = base64Encode(utf8Encode(`${base64Encode(ct)}--${base64Encode(iv)}`));
  const hkey = await deriveRailsKey(secretKeyBase, SALTS.encryptedSigned, hash, 64);
  return rackEscape(`${data}--${hexEncode(await hmac('SHA-1', hkey, data))}`);
}
