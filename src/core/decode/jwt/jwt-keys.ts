// Turns the developer's secrets into WebCrypto keys for a JWS algorithm: raw HMAC secrets, SPKI PEM or JWK / JWK Set.
import type { Json } from '../../protocol/index.ts';
import { base64Decode, utf8Encode } from '../../util/bytes.ts';
import { isJsonObject, parseJson } from '../../util/cookie-text.ts';

type HashName = 'SHA-256' | 'SHA-384' | 'SHA-512';
export interface JwsAlgorithm {
  family: 'hmac' | 'rsa' | 'pss' | 'ecdsa' | 'eddsa';
  hash: HashName;
  import: AlgorithmIdentifier | RsaHashedImportParams | EcKeyImportParams | HmacImportParams;
  verify: AlgorithmIdentifier | RsaPssParams | EcdsaParams;
}

const HASH: Record<string, HashName> = { '256': 'SHA-256', '384': 'SHA-384', '512': 'SHA-512' };
const CURVE: Record<string, string> = { '256': 'P-256', '384': 'P-384', '512': 'P-521' };

/** The WebCrypto parameters for a JWS `alg`, or null when it is not one we can verify. */
export function jwsAlgorithm(alg: string): JwsAlgorithm | null {
  const m = /^(HS|RS|PS|ES)(256|384|512)$/.exec(alg);
  if (!m) return alg === 'EdDSA' ? { family: 'eddsa', hash: 'SHA-512', import: { name: 'Ed25519' }, verify: { name: 'Ed25519' } } : null;
  const hash = HASH[m[2]];
  switch (m[1]) {
    case 'HS': return { family: 'hmac', hash, import: { name: 'HMAC', hash }, verify: { name: 'HMAC' } };
    case 'RS': return { family: 'rsa', hash, import: { name: 'RSASSA-PKCS1-v1_5', hash }, verify: { name: 'RSASSA-PKCS1-v1_5' } };
    // RFC 7518 §3.5: the PSS salt is as long as the hash output.
    case 'PS': return { family: 'pss', hash, import: { name: 'RSA-PSS', hash }, verify: { name: 'RSA-PSS', saltLength: Number(m[2]) / 8 } };
    default: return { family: 'ecdsa', hash, import: { name: 'ECDSA', namedCurve: CURVE[m[2]] }, verify: { name: 'ECDSA', hash } };
  }
}

const buf = (b: Uint8Array): ArrayBuffer => b.slice().buffer as ArrayBuffer;
const PUBLIC_JWK_FIELDS = ['kty', 'n', 'e', 'crv', 'x', 'y', 'k'];

const derLength = (n: number): number[] => (n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : n < 0x10000 ? [0x82, n >> 8, n & 0xff] : [0x83, n >> 16, (n >> 8) & 0xff, n & 0xff]);
// AlgorithmIdentifier { rsaEncryption, NULL }: what an SPKI adds around a PKCS#1 RSAPublicKey.
const RSA_ALGORITHM_ID = [0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00];

/** Wraps a PKCS#1 `RSA PUBLIC KEY` in an SPKI structure, which is what WebCrypto imports. */
function pkcs1ToSpki(pkcs1: Uint8Array): Uint8Array {
  const bitString = [0x03, ...derLength(pkcs1.length + 1), 0x00, ...pkcs1];
  const body = [...RSA_ALGORITHM_ID, ...bitString];
  return new Uint8Array([0x30, ...derLength(body.length), ...body]);
}

/** The SPKI DER bytes of a `PUBLIC KEY` (or PKCS#1 `RSA PUBLIC KEY`) PEM block, or null. */
export function pemToSpki(text: string): Uint8Array | null {
  const m = /-----BEGIN (RSA )?PUBLIC KEY-----([^-]*)-----END \1?PUBLIC KEY-----/.exec(text);
  const der = m ? base64Decode(m[2].replace(/\s+/g, '')) : null;
  return der && m?.[1] ? pkcs1ToSpki(der) : der;
}

/** Every JWK in a secret: a single JWK or a JWK Set; private members are dropped so the key imports for verify. */
function jwksOf(text: string, kid: string | undefined): { [key: string]: Json }[] {
  const parsed = text.trimStart().startsWith('{') ? parseJson(text) : undefined;
  if (!isJsonObject(parsed)) return [];
  const all = Array.isArray(parsed.keys) ? parsed.keys.filter(isJsonObject) : [parsed];
  const preferred = kid === undefined ? all : [...all.filter((k) => k.kid === kid), ...all.filter((k) => k.kid !== kid)];
  return preferred.filter((k) => typeof k.kty === 'string')
    .map((k) => Object.fromEntries(Object.entries(k).filter(([name]) => PUBLIC_JWK_FIELDS.includes(name))));
}

async function tryImport(format: 'raw' | 'spki' | 'jwk', data: Uint8Array | JsonWebKey, alg: JwsAlgorithm): Promise<CryptoKey | null> {
  const usage: KeyUsage[] = alg.family === 'hmac' ? ['sign'] : ['verify'];
  try {
    return format === 'jwk'
      ? await crypto.subtle.importKey('jwk', data as JsonWebKey, alg.import, false, usage)
      : await crypto.subtle.importKey(format, buf(data as Uint8Array), alg.import, false, usage);
  } catch {
    return null; // a key of another type or curve simply cannot verify this algorithm
  }
}

/** True for a public key (PEM, certificate or asymmetric JWK): never usable as an HMAC secret. */
export const isPublicKeySecret = (secret: string): boolean =>
  /-----BEGIN (?:[A-Z]+ )?(?:PUBLIC KEY|CERTIFICATE)-----/.test(secret) || jwksOf(secret, undefined).some((k) => k.kty !== 'oct');

const cache = new Map<string, Promise<CryptoKey[]>>();
/** The raw bytes behind each imported HMAC key, so HS* tokens are checked synchronously (util/crypto's hmacSync). */
const hmacMaterial = new WeakMap<CryptoKey, Uint8Array>();
export const hmacKeyBytes = (key: CryptoKey): Uint8Array | undefined => hmacMaterial.get(key);

/** Imported keys are cached: a panel verifies many tokens with the same few secrets. */
export function keysFromSecret(secret: string, alg: JwsAlgorithm, kid?: string): Promise<CryptoKey[]> {
  const id = `${JSON.stringify(alg.import)}|${kid ?? ''}|${secret}`;
  let keys = cache.get(id);
  if (!keys) {
    if (cache.size > 256) cache.clear();
    keys = importKeys(secret, alg, kid);
    cache.set(id, keys);
  }
  return keys;
}

/** Keys derived from one secret for `alg`; HMAC secrets are their UTF-8 bytes unless given as an `oct` JWK. */
async function importKeys(secret: string, alg: JwsAlgorithm, kid?: string): Promise<CryptoKey[]> {
  const jwks = jwksOf(secret, kid);
  if (alg.family === 'hmac') {
    // Using a public key's text as the HMAC secret is exactly the alg-confusion forgery; refuse it.
    if (isPublicKeySecret(secret)) return [];
    const oct = jwks.find((k) => k.kty === 'oct' && typeof k.k === 'string');
    const raw = oct ? base64Decode(oct.k as string) : utf8Encode(secret);
    // RFC 2104: an empty key equals one zero byte, which WebCrypto accepts.
    const key = raw && (await tryImport('raw', raw.length ? raw : new Uint8Array(1), alg));
    if (key && raw) hmacMaterial.set(key, raw);
    return key ? [key] : [];
  }
  const spki = pemToSpki(secret);
  if (spki) {
    const key = await tryImport('spki', spki, alg);
    return key ? [key] : [];
  }
  const keys = await Promise.all(jwks.map((jwk) => tryImport('jwk', jwk as JsonWebKey, alg)));
  return keys.filter((k): k is CryptoKey => k !== null);
}
