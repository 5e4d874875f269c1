// Hashes and HMACs for signature checks. Small inputs (every cookie) go through @noble/hashes synchronously: in
// Node, a WebCrypto sign is a thread-pool job plus several promise hops (~200 µs per call on a busy machine against
// ~15 µs for a 300-byte HMAC in JS). Large inputs still use WebCrypto, whose native code wins past a few tens of
// KB. Both give identical bytes; PBKDF2 stays on WebCrypto (thousands of iterations are native work).
import { hmac as nobleHmac, type _HMAC } from '@noble/hashes/hmac.js';
import { md5, sha1 } from '@noble/hashes/legacy.js';
import { sha224, sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import type { CHash, Hash } from '@noble/hashes/utils.js';
import { utf8Encode } from './bytes.ts';
import { HmacSha256 } from './sha256.ts';

// MD5 and SHA-224 only for itsdangerous signers configured with hashlib.md5/sha224; WebCrypto has neither, so
// they always stay in JS.
export type HashName = 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512' | 'SHA-224' | 'MD5';
type KeyInput = Uint8Array | string;

const HASHES: Record<HashName, CHash> = { 'SHA-1': sha1, 'SHA-256': sha256, 'SHA-384': sha384, 'SHA-512': sha512, 'SHA-224': sha224, MD5: md5 };
const jsOnly = (hash: HashName): boolean => hash === 'SHA-224' || hash === 'MD5';
/** Past this many data bytes the native WebCrypto call is faster than the JS hash, despite its fixed cost. */
const NATIVE_FROM_BYTES = 32 * 1024;

const subtle = (): SubtleCrypto => globalThis.crypto.subtle;
const toBytes = (k: KeyInput): Uint8Array => (typeof k === 'string' ? utf8Encode(k) : k);
// WebCrypto wants ArrayBuffer-backed views; copying avoids SharedArrayBuffer typing trouble.
const buf = (b: Uint8Array): ArrayBuffer => b.slice().buffer as ArrayBuffer;

export function digestSync(hash: HashName, data: KeyInput): Uint8Array {
  return HASHES[hash](toBytes(data));
}

export async function digest(hash: HashName, data: KeyInput): Promise<Uint8Array> {
  const bytes = toBytes(data);
  if (bytes.length < NATIVE_FROM_BYTES || jsOnly(hash)) return digestSync(hash, bytes);
  return new Uint8Array(await subtle().digest(hash, buf(bytes)));
}

type Mac = _HMAC<Hash<any>>;
/**
 * An HMAC under one key, of data[0, length) (default: all of it), written to `out` when given (a caller's reused
 * buffer of the digest's size) or to a new array.
 */
export type KeyedHmac = (data: Uint8Array, length?: number, out?: Uint8Array) => Uint8Array;

// A keyed HMAC holds the inner/outer pad states, so a cached key costs no key hashing per message. SHA-256 (Django,
// JWT HS256, express) has its own faster implementation; noble's `scratch` is reset from `keyed` per message.
function createKeyedHmac(hash: HashName, key: Uint8Array): KeyedHmac {
  if (hash === 'SHA-256') {
    const mac = new HmacSha256(key);
    return (data, length, out) => mac.mac(data, length, out);
  }
  const keyed = nobleHmac.create(HASHES[hash], key) as Mac;
  const scratch = keyed.clone();
  return (data, length = data.length, out) => {
    const mac = keyed._cloneInto(scratch).update(length === data.length ? data : data.subarray(0, length));
    if (!out) return mac.digest();
    mac.digestInto(out);
    return out;
  };
}

const keyedMacs = new Map<string, KeyedHmac>();
const MAX_KEYS = 256;

function keyedMac(hash: HashName, key: KeyInput): KeyedHmac {
  // Strings and short byte keys (derived Django/Flask keys) repeat as often as secrets do; long byte keys rarely.
  const id = typeof key === 'string' ? `${hash}|s|${key}` : key.length <= 128 ? `${hash}|b|${latin1Of(key)}` : null;
  let mac = id === null ? undefined : keyedMacs.get(id);
  if (!mac) {
    mac = createKeyedHmac(hash, toBytes(key));
    if (id !== null) {
      if (keyedMacs.size >= MAX_KEYS) keyedMacs.clear();
      keyedMacs.set(id, mac);
    }
  }
  return mac;
}

// A byte-per-char string is a cheaper exact map key than hex.
function latin1Of(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += String.fromCharCode(bytes[i]);
  return out;
}

/** HMAC computed synchronously in JS; an empty key is legal (Django/Flask with an empty SECRET_KEY). */
export function hmacSync(hash: HashName, key: KeyInput, data: KeyInput): Uint8Array {
  return keyedMac(hash, key)(toBytes(data));
}

/** An HMAC bound to one key, for callers that keep their own key cache (no per-call key lookup). */
export function hmacWith(hash: HashName, key: KeyInput): KeyedHmac {
  return createKeyedHmac(hash, toBytes(key));
}

/** True when `hmac` would hand data of this many bytes to WebCrypto rather than hash it in JS. */
export const prefersNativeHmac = (byteLength: number): boolean => byteLength >= NATIVE_FROM_BYTES;

export async function hmac(hash: HashName, key: KeyInput, data: KeyInput): Promise<Uint8Array> {
  const bytes = toBytes(data);
  if (!prefersNativeHmac(bytes.length) || jsOnly(hash)) return hmacSync(hash, key, bytes);
  return nativeHmac(hash, toBytes(key), bytes);
}

async function nativeHmac(hash: HashName, key: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  // WebCrypto rejects zero-length HMAC keys; HMAC pads short keys with zeros to the block size, so one zero byte
  // is the same key.
  const material = key.length === 0 ? new Uint8Array(1) : key;
  const cryptoKey = await subtle().importKey('raw', buf(material), { name: 'HMAC', hash }, false, ['sign']);
  return new Uint8Array(await subtle().sign('HMAC', cryptoKey, buf(data)));
}

export async function pbkdf2(hash: HashName, password: KeyInput, salt: KeyInput, iterations: number, bytes: number): Promise<Uint8Array> {
  const key = await subtle().importKey('raw', buf(toBytes(password)), 'PBKDF2', false, ['deriveBits']);
  const bits = await subtle().deriveBits({ name: 'PBKDF2', hash, salt: buf(toBytes(salt)), iterations }, key, bytes * 8);
  return new Uint8Array(bits);
}
