// itsdangerous 2.x Signer / TimestampSigner / URLSafeSerializer as Flask's session interface uses them
// (cookie-formats.md §2). Byte-identical to Flask 2.2 for the same session and timestamp.
import type { Json } from '../../protocol/index.ts';
import { base64Decode, base64UrlEncode, bytesEqual, utf8Decode, utf8Encode } from '../../util/bytes.ts';
import { digest, hmac, hmacWith, prefersNativeHmac, type HashName } from '../../util/crypto.ts';
import { parsePythonJson, pythonJsonDumps } from '../../python/json.ts';
import { deflateZlib, inflateCapped } from '../../util/zlib.ts';

export type FlaskDigest = 'sha1' | 'sha256' | 'sha384' | 'sha512' | 'sha224' | 'md5';
export type KeyDerivation = 'hmac' | 'django-concat' | 'concat' | 'none';
export interface FlaskSignOptions { salt?: string; digest?: FlaskDigest; keyDerivation?: KeyDerivation }

export const FLASK_SALT = 'cookie-session';
export const PERMANENT_SESSION_LIFETIME = 2678400;
const HASH: Record<FlaskDigest, HashName> = { sha1: 'SHA-1', sha256: 'SHA-256', sha384: 'SHA-384', sha512: 'SHA-512', sha224: 'SHA-224', md5: 'MD5' };
/** signature length in b64url characters → digest */
export const DIGEST_BY_SIG_LENGTH: Record<number, FlaskDigest> = { 22: 'md5', 27: 'sha1', 38: 'sha224', 43: 'sha256', 64: 'sha384', 86: 'sha512' };

type Signer = (value: Uint8Array) => Uint8Array;
const signers = new Map<string, Promise<Signer>>();

/** Signer.derive_key, cached with its HMAC state: detection derives the same few (salt, secret) keys for every cookie. */
function keyedSigner(secret: string, opts: FlaskSignOptions): Promise<Signer> {
  const id = `${opts.digest ?? 'sha1'}\u0000${opts.salt ?? FLASK_SALT}\u0000${opts.keyDerivation ?? 'hmac'}\u0000${secret}`;
  let signer = signers.get(id);
  if (!signer) {
    if (signers.size > 512) signers.clear();
    signer = computeKey(secret, opts).then((key) => hmacWith(HASH[opts.digest ?? 'sha1'], key));
    signers.set(id, signer);
  }
  return signer;
}

async function computeKey(secret: string, opts: FlaskSignOptions): Promise<Uint8Array> {
  const hash = HASH[opts.digest ?? 'sha1'];
  const salt = opts.salt ?? FLASK_SALT;
  switch (opts.keyDerivation ?? 'hmac') {
    case 'hmac': return hmac(hash, secret, salt);
    case 'django-concat': return digest(hash, salt + 'signer' + secret);
    case 'concat': return digest(hash, salt + secret);
    case 'none': return utf8Encode(secret);
  }
}

export async function flaskSignature(value: string, secret: string, opts: FlaskSignOptions): Promise<Uint8Array> {
  const data = utf8Encode(value);
  if (prefersNativeHmac(data.length)) return hmac(HASH[opts.digest ?? 'sha1'], await computeKey(secret, opts), data);
  return (await keyedSigner(secret, opts))(data);
}

/** itsdangerous decodes the signature and compares bytes, so non-canonical trailing bits still verify. */
export async function verifyFlaskSignature(value: string, signature: string, secret: string, opts: FlaskSignOptions): Promise<boolean> {
  const given = base64Decode(signature);
  return given !== null && bytesEqual(given, await flaskSignature(value, secret, opts));
}

/** int_to_bytes: big-endian, minimal length, then unpadded b64url. */
export function encodeFlaskTimestamp(ts: number): string {
  const bytes: number[] = [];
  for (let n = Math.floor(ts); n > 0; n = Math.floor(n / 256)) bytes.unshift(n % 256);
  return base64UrlEncode(Uint8Array.from(bytes));
}

export function decodeFlaskTimestamp(text: string): number | null {
  const bytes = base64Decode(text);
  if (!bytes || bytes.length === 0 || bytes.length > 6) return null;
  return bytes.reduce((n, b) => n * 256 + b, 0);
}

/** URLSafeSerializerMixin.dump_payload: compact sorted ASCII JSON, zlib when it saves 2+ bytes, '.' marker. */
export function encodeFlaskPayload(session: unknown): string {
  const json = utf8Encode(pythonJsonDumps(session, { separators: [',', ':'], sortKeys: true, ensureAscii: true }));
  const packed = deflateZlib(json);
  return packed.length < json.length - 1 ? '.' + base64UrlEncode(packed) : base64UrlEncode(json);
}

export function decodeFlaskPayload(payload: string): { value: Json; compressed: boolean } {
  const compressed = payload.startsWith('.');
  const raw = base64Decode(compressed ? payload.slice(1) : payload);
  if (!raw) throw new Error('payload is not URL-safe base64');
  const json = compressed ? inflateCapped(raw) : raw;
  let text: string;
  try { text = utf8Decode(json); } catch { throw new Error('payload is not UTF-8'); }
  try { return { value: parsePythonJson(text), compressed }; } catch (err) { throw new Error(`payload is not JSON: ${(err as Error).message}`); }
}

export interface EncodeFlaskOptions extends FlaskSignOptions { secretKey: string; timestamp?: number }

/** SecureCookieSessionInterface.save_session: the session must already be in tagged-JSON form (` t`, ` b`, …). */
export async function encodeFlaskSession(session: Json, opts: EncodeFlaskOptions): Promise<string> {
  const ts = opts.timestamp ?? Math.floor(Date.now() / 1000);
  const value = encodeFlaskPayload(session) + '.' + encodeFlaskTimestamp(ts);
  return value + '.' + base64UrlEncode(await flaskSignature(value, opts.secretKey, opts));
}
