// django.core.signing (Django 3.2) in WebCrypto: Signer, TimestampSigner, dumps/loads. Byte-identical to Django
// for the same input and timestamp, because the companion server and the panel's re-signing rely on it.
import type { Json } from '../../protocol/index.ts';
import { b62Decode, b62Encode, decodeDjangoObject, djangoSignature, djangoSignatureMatches, encodeDjangoObject, type DjangoAlgorithm } from './primitives.ts';

export { b62Decode, b62Encode, decodeDjangoObject, encodeDjangoObject, parsePythonJson, PayloadError } from './primitives.ts';
export type { DjangoAlgorithm } from './primitives.ts';
export { decodeSessionData, encodeSessionData } from './session-data.ts';

export interface SignOptions { key: string; salt?: string; sep?: string; algorithm?: DjangoAlgorithm }

// Signer(salt='') falls back to the class path, like an omitted salt.
const SIGNER_SALT = 'django.core.signing.Signer';
const TIMESTAMP_SIGNER_SALT = 'django.core.signing.TimestampSigner';

// Django refuses separators that could occur inside a signature or base64 text.
const UNSAFE_SEP = /^[A-z0-9\-_=]*$/;

function checkSep(sep: string): string {
  if (UNSAFE_SEP.test(sep)) throw new Error(`Unsafe Signer separator: ${JSON.stringify(sep)} (cannot be empty or consist of only A-z0-9-_=)`);
  return sep;
}

export async function signDjango(value: string, opts: SignOptions): Promise<string> {
  const sep = checkSep(opts.sep ?? ':');
  const sig = await djangoSignature(value, opts.key, opts.salt || SIGNER_SALT, opts.algorithm);
  return value + sep + sig;
}

export async function timestampSignDjango(value: string, opts: SignOptions & { timestamp: number }): Promise<string> {
  const sep = checkSep(opts.sep ?? ':');
  const salt = opts.salt || TIMESTAMP_SIGNER_SALT;
  return signDjango(value + sep + b62Encode(Math.floor(opts.timestamp)), { ...opts, sep, salt });
}

export interface VerifyOptions { keys: string[]; salt: string; sep?: string; timestamped: boolean; algorithm?: DjangoAlgorithm }
export interface Verified {
  value: string;
  timestamp: number | null;
  valid: boolean;
  keyIndex: number | null;
  algorithm: DjangoAlgorithm | null;
  signature: string;
}

/**
 * Splits and checks `value[:ts]:sig` against every key (rotation). The split value is returned even when no key
 * verifies, because signed-only data stays readable. Returns a string describing why the text is malformed.
 */
export async function verifyDjango(signed: string, opts: VerifyOptions): Promise<Verified | string> {
  const split = splitSigned(signed, opts);
  if (typeof split === 'string') return split;
  return matchKeys(split, opts.keys) ?? matchKeysNative(split, opts.keys);
}

/**
 * verifyDjango without a promise (a promise per candidate salt is most of the allocation of a decode), or null
 * when the value is large enough (32 KB) for its HMAC to go to WebCrypto: then call verifyDjango.
 */
export function verifyDjangoSync(signed: string, opts: VerifyOptions): Verified | string | null {
  const split = splitSigned(signed, opts);
  return typeof split === 'string' ? split : matchKeys(split, opts.keys);
}

interface Split { signedPart: string; value: string; timestamp: number | null; signature: string; salt: string; algorithms: readonly DjangoAlgorithm[] }

function splitSigned(signed: string, opts: VerifyOptions): Split | string {
  const sep = opts.sep ?? ':';
  const cut = signed.lastIndexOf(sep);
  if (cut < 0) return `no "${sep}" found in value`;
  const signedPart = signed.slice(0, cut);
  const signature = signed.slice(cut + sep.length);
  let value = signedPart, timestamp: number | null = null;
  if (opts.timestamped) {
    const tsCut = signedPart.lastIndexOf(sep);
    if (tsCut < 0) return 'no timestamp before the signature';
    timestamp = b62Decode(signedPart.slice(tsCut + sep.length));
    if (timestamp === null) return 'timestamp is not base62';
    value = signedPart.slice(0, tsCut);
  }
  // Django 3.2 accepts the SHA-256 signature and, for old data, the legacy SHA-1 one (27 characters).
  const algorithms = opts.algorithm === 'sha1' || signature.length === 27 ? SHA1_ONLY : SHA256_ONLY;
  const salt = opts.salt || (opts.timestamped ? TIMESTAMP_SIGNER_SALT : SIGNER_SALT);
  return { signedPart, value, timestamp, signature, salt, algorithms };
}

/** The first key that verifies (or none); null when a check needs WebCrypto. */
function matchKeys(split: Split, keys: string[]): Verified | null {
  for (const algorithm of split.algorithms) {
    for (let i = 0; i < keys.length; i++) {
      const matches = djangoSignatureMatches(split.signedPart, keys[i], split.salt, algorithm, split.signature);
      if (matches === null) return null;
      if (matches) return verified(split, i, algorithm);
    }
  }
  return verified(split, null, null);
}

async function matchKeysNative(split: Split, keys: string[]): Promise<Verified> {
  for (const algorithm of split.algorithms) {
    for (let i = 0; i < keys.length; i++) {
      const matches = djangoSignatureMatches(split.signedPart, keys[i], split.salt, algorithm, split.signature)
        ?? constantTimeEqual(await djangoSignature(split.signedPart, keys[i], split.salt, algorithm), split.signature);
      if (matches) return verified(split, i, algorithm);
    }
  }
  return verified(split, null, null);
}

function verified({ value, timestamp, signature }: Split, keyIndex: number | null, algorithm: DjangoAlgorithm | null): Verified {
  return { value, timestamp, valid: keyIndex !== null, keyIndex, algorithm, signature };
}

const SHA1_ONLY: readonly DjangoAlgorithm[] = ['sha1'];
const SHA256_ONLY: readonly DjangoAlgorithm[] = ['sha256'];

/** Django's constant_time_compare on text: no early exit, so timing does not reveal how much matched. */
function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

export interface DumpsOptions { key: string; salt?: string; compress?: boolean; timestamp?: number; algorithm?: DjangoAlgorithm }

/** signing.dumps with the JSONSerializer; `timestamp` defaults to now. */
export async function dumpsDjango(obj: unknown, opts: DumpsOptions): Promise<string> {
  const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
  const payload = encodeDjangoObject(obj, opts.compress ?? false);
  return timestampSignDjango(payload, { key: opts.key, salt: opts.salt ?? 'django.core.signing', timestamp, algorithm: opts.algorithm });
}

export interface LoadsOptions { keys: string[]; salt?: string; maxAge?: number | null; now?: number; algorithm?: DjangoAlgorithm }
export type LoadsResult =
  | { ok: true; value: Json; timestamp: number; compressed: boolean; keyIndex: number }
  | { ok: false; error: string; reason: 'bad-signature' | 'expired' | 'malformed' };

/** signing.loads: verify, check max_age against `now`, then decode. Never throws. */
export async function loadsDjango(text: string, opts: LoadsOptions): Promise<LoadsResult> {
  try {
    const checked = await verifyDjango(text, { keys: opts.keys, salt: opts.salt ?? 'django.core.signing', timestamped: true, algorithm: opts.algorithm });
    if (typeof checked === 'string') return { ok: false, error: checked, reason: 'malformed' };
    if (!checked.valid) return { ok: false, error: `Signature "${checked.signature}" does not match`, reason: 'bad-signature' };
    const timestamp = checked.timestamp as number;
    const now = opts.now ?? Date.now() / 1000;
    if (opts.maxAge != null && now - timestamp > opts.maxAge) {
      return { ok: false, error: `Signature age ${now - timestamp} > ${opts.maxAge} seconds`, reason: 'expired' };
    }
    const { value, compressed } = decodeDjangoObject(checked.value);
    return { ok: true, value, timestamp, compressed, keyIndex: checked.keyIndex as number };
  } catch (err) {
    return { ok: false, error: (err as Error).message, reason: 'malformed' };
  }
}
