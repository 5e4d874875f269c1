// Building blocks of django.core.signing (Django 3.2): base62 timestamps, salted HMAC signatures, object payloads.
import type { Json } from '../../protocol/index.ts';
import { base64DecodedLength, base64DecodeInto, base64UrlEncode, equalsBase64Url, utf8Decode, utf8Encode, Utf8Scratch } from '../../util/bytes.ts';
import { digestSync, hmac, hmacWith, prefersNativeHmac, type HashName, type KeyedHmac } from '../../util/crypto.ts';
import { parsePythonJson, pythonJsonDumps } from '../../python/json.ts';

export { parsePythonJson } from '../../python/json.ts';
import { deflateZlib, inflateCappedTransient } from '../../util/zlib.ts';

export type DjangoAlgorithm = 'sha256' | 'sha1';

const HASH: Record<DjangoAlgorithm, HashName> = { sha256: 'SHA-256', sha1: 'SHA-1' };
const B62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const B62_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < B62.length; i++) B62_VALUE[B62.charCodeAt(i)] = i;

export function b62Encode(n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError('base62 needs a safe integer');
  if (n === 0) return '0';
  let sign = '', out = '';
  if (n < 0) { sign = '-'; n = -n; }
  while (n > 0) { out = B62[n % 62] + out; n = Math.floor(n / 62); }
  return sign + out;
}

/** Returns null for text that Django's b62_decode would reject. */
export function b62Decode(text: string): number | null {
  const negative = text.startsWith('-');
  const digits = negative ? text.slice(1) : text;
  if (digits.length === 0 || digits.length > 9) return null;
  let n = 0;
  for (let i = 0; i < digits.length; i++) {
    const code = digits.charCodeAt(i);
    const v = code < 128 ? B62_VALUE[code] : -1;
    if (v < 0) return null;
    n = n * 62 + v;
  }
  return negative ? -n : n;
}

type Signer = KeyedHmac;
// hash -> salt -> secret -> HMAC keyed by hash(salt + "signer" + secret). Nested maps look up the caller's own
// strings (their hashes are cached) instead of building and hashing the concatenation per cookie.
const signers = new Map<HashName, Map<string, Map<string, Signer>>>();
let signerCount = 0;

// The salted key only depends on salt and secret; detection tries the same few pairs for every cookie, so the
// derived key's HMAC state is kept, not just the key.
function saltedSigner(hash: HashName, salt: string, secret: string): Signer {
  let bySalt = signers.get(hash);
  if (!bySalt) signers.set(hash, (bySalt = new Map()));
  let bySecret = bySalt.get(salt);
  if (!bySecret) bySalt.set(salt, (bySecret = new Map()));
  let sign = bySecret.get(secret);
  if (!sign) {
    if (++signerCount > 512) { signers.clear(); signerCount = 0; return saltedSigner(hash, salt, secret); }
    sign = hmacWith(hash, digestSync(hash, salt + 'signer' + secret));
    bySecret.set(secret, sign);
  }
  return sign;
}

/** salted_hmac(salt + "signer", value, secret): HMAC keyed by hash(salt + "signer" + secret), b64url. */
export async function djangoSignature(value: string, secret: string, salt: string, algorithm: DjangoAlgorithm = 'sha256'): Promise<string> {
  const data = utf8Encode(value);
  const quick = signSmall(data, secret, salt, algorithm);
  if (quick !== null) return quick;
  const hash = HASH[algorithm];
  return base64UrlEncode(await hmac(hash, digestSync(hash, salt + 'signer' + secret), data));
}

/**
 * Whether `signature` is the signature of `value`, without a promise or building the expected text, for values
 * the JS HMAC handles (under 32 KB); null for larger ones, which go to WebCrypto through djangoSignature.
 * Verification calls this per cookie and candidate salt.
 */
export function djangoSignatureMatches(value: string, secret: string, salt: string, algorithm: DjangoAlgorithm, signature: string): boolean | null {
  if (prefersNativeHmac(value.length)) return null; // at least as many bytes as UTF-16 units
  const length = valueBytes.encode(value);
  if (prefersNativeHmac(length)) return null;
  return equalsBase64Url(saltedSigner(HASH[algorithm], salt, secret)(valueBytes.bytes, length, macOut[algorithm]), signature);
}

// Reused per check: the signed value's bytes and the HMAC, compared with the signature text at once.
const valueBytes = new Utf8Scratch();
const macOut: Record<DjangoAlgorithm, Uint8Array> = { sha256: new Uint8Array(32), sha1: new Uint8Array(20) };

function signSmall(data: Uint8Array, secret: string, salt: string, algorithm: DjangoAlgorithm): string | null {
  if (prefersNativeHmac(data.length)) return null;
  return base64UrlEncode(saltedSigner(HASH[algorithm], salt, secret)(data));
}

/** The object payload of dumps/sign_object: compact ASCII JSON, zlib only when it saves at least 2 bytes. */
export function encodeDjangoObject(obj: unknown, compress: boolean): string {
  const data = utf8Encode(pythonJsonDumps(obj, { separators: [',', ':'], ensureAscii: true }));
  if (compress) {
    const packed = deflateZlib(data);
    if (packed.length < data.length - 1) return '.' + base64UrlEncode(packed);
  }
  return base64UrlEncode(data);
}

export class PayloadError extends Error {}

// The decoded payload bytes of one cookie only live until they are text: a reused buffer saves an allocation
// per cookie (payloads past its size get their own).
const rawScratch = new Uint8Array(16 * 1024);

/** Reverses encodeDjangoObject; throws PayloadError (bad base64, zlib or JSON, or an inflation bomb). */
export function decodeDjangoObject(payload: string): { value: Json; compressed: boolean } {
  const compressed = payload.charCodeAt(0) === 46; // '.'
  const from = compressed ? 1 : 0;
  const size = base64DecodedLength(payload, from);
  const buffer = size <= rawScratch.length ? rawScratch : new Uint8Array(size);
  const length = base64DecodeInto(payload, from, buffer);
  if (length < 0) throw new PayloadError('payload is not URL-safe base64');
  const raw = buffer.subarray(0, length);
  let data: Uint8Array;
  try {
    data = compressed ? inflateCappedTransient(raw) : raw;
  } catch (err) {
    throw new PayloadError((err as Error).message);
  }
  // Django reads the JSON bytes as latin-1; its output is ASCII, so UTF-8 decoding of it is the same text.
  let text: string;
  try { text = utf8Decode(data); } catch { text = latin1(data); }
  try {
    return { value: parsePythonJson(text), compressed };
  } catch (err) {
    throw new PayloadError(`payload is not JSON: ${(err as Error).message}`);
  }
}

export function latin1(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += String.fromCharCode(b);
  return out;
}
