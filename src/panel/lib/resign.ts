// Re-signing with the core encoders, using what the decoder found (kind, salt, digest, algorithm)
// so the new value verifies exactly where the old one did.
import type { DecodeResult } from '../../core/decode/types.ts';
import { dumpsDjango } from '../../core/decode/django/signing.ts';
import { encodeFlaskSession, type FlaskDigest, type KeyDerivation } from '../../core/decode/flask/itsdangerous.ts';
import { signJwtHs, type HsAlgorithm } from '../../core/decode/jwt/jwt-sign.ts';
import type { Json } from '../../core/protocol/index.ts';

export interface ResignArgs { decoded: DecodeResult; payload: Json; secret: string; nowSec: number }

const DJANGO_OBJECT_KINDS = new Set(['signed_cookies-session', 'messages-cookie', 'session-data', 'signing.dumps']);

async function resignDjango({ decoded, payload, secret, nowSec }: ResignArgs): Promise<string> {
  const salt = decoded.matched?.salt;
  if (!salt || !DJANGO_OBJECT_KINDS.has(decoded.kind ?? '')) throw new Error(`Django ${decoded.kind ?? 'value'} cannot be re-signed here (only signing.dumps objects)`);
  const key = (decoded.matched?.keyPrefix ?? '') + secret;
  return dumpsDjango(payload, { key, salt, compress: decoded.compressed ?? false, timestamp: nowSec, algorithm: decoded.matched?.algorithm === 'sha1' ? 'sha1' : 'sha256' });
}

async function resignFlask({ decoded, payload, secret, nowSec }: ResignArgs): Promise<string> {
  const m = decoded.matched ?? {};
  return encodeFlaskSession(payload, { secretKey: secret, timestamp: nowSec, salt: m.salt,
    digest: m.digest as FlaskDigest | undefined, keyDerivation: m.keyDerivation as KeyDerivation | undefined });
}

async function resignJwt({ decoded, payload, secret }: ResignArgs): Promise<string> {
  const alg = decoded.matched?.algorithm ?? 'HS256';
  if (alg !== 'HS256' && alg !== 'HS384' && alg !== 'HS512') throw new Error(`JWT alg ${alg} cannot be re-signed with a shared secret`);
  return signJwtHs(payload, secret, alg as HsAlgorithm);
}

/** New cookie value for an edited payload; throws with a reason for formats we cannot re-sign. */
export async function resignValue(args: ResignArgs): Promise<string> {
  if (args.decoded.signature !== 'valid') throw new Error('only a value whose signature verified with your secret can be re-signed');
  switch (args.decoded.format) {
    case 'django': return resignDjango(args);
    case 'flask': return resignFlask(args);
    case 'jwt': return resignJwt(args);
    default: throw new Error(`re-signing ${args.decoded.format} cookies is not supported yet`);
  }
}
