// WebCrypto wrappers: globalThis.crypto.subtle exists in service workers, pages and Node 20 alike.
import { hexEncode, utf8Encode } from './bytes.ts';

export type HashName = 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512';
type KeyInput = Uint8Array | string;

const subtle = (): SubtleCrypto => globalThis.crypto.subtle;
const toBytes = (k: KeyInput): Uint8Array => (typeof k === 'string' ? utf8Encode(k) : k);
// WebCrypto wants ArrayBuffer-backed views; copying avoids SharedArrayBuffer typing trouble.
const buf = (b: Uint8Array): ArrayBuffer => b.slice().buffer as ArrayBuffer;

export async function digest(hash: HashName, data: KeyInput): Promise<Uint8Array> {
  return new Uint8Array(await subtle().digest(hash, buf(toBytes(data))));
}

const hmacKeys = new Map<string, Promise<CryptoKey>>();

async function importHmacKey(hash: HashName, key: Uint8Array): Promise<CryptoKey> {
  // HMAC keys of zero length are legal for Django/Flask (an empty SECRET_KEY) but WebCrypto rejects them;
  // HMAC pads short keys with zeros to the block size, so one zero byte is the same key.
  const material = key.length === 0 ? new Uint8Array(1) : key;
  return subtle().importKey('raw', buf(material), { name: 'HMAC', hash }, false, ['sign']);
}

/** HMAC with a small key cache: verifying many cookies with one secret should import it once. */
export async function hmac(hash: HashName, key: KeyInput, data: KeyInput): Promise<Uint8Array> {
  const keyBytes = toBytes(key);
  // Derived keys (Django/Flask salted keys) are bytes and repeat as often as secrets do, so cache short ones too.
  const cacheKey = typeof key === 'string' ? `${hash}|s|${key}` : key.length <= 128 ? `${hash}|b|${hexEncode(key)}` : null;
  let cryptoKey: Promise<CryptoKey>;
  if (cacheKey) {
    cryptoKey = hmacKeys.get(cacheKey) ?? importHmacKey(hash, keyBytes);
    if (hmacKeys.size > 256) hmacKeys.clear();
    hmacKeys.set(cacheKey, cryptoKey);
  } else {
    cryptoKey = importHmacKey(hash, keyBytes);
  }
  return new Uint8Array(await subtle().sign('HMAC', await cryptoKey, buf(toBytes(data))));
}

export async function pbkdf2(hash: HashName, password: KeyInput, salt: KeyInput, iterations: number, bytes: number): Promise<Uint8Array> {
  const key = await subtle().importKey('raw', buf(toBytes(password)), 'PBKDF2', false, ['deriveBits']);
  const bits = await subtle().deriveBits({ name: 'PBKDF2', hash, salt: buf(toBytes(salt)), iterations }, key, bytes * 8);
  return new Uint8Array(bits);
}
