// HS256/384/512 signing, byte-identical to jsonwebtoken/jws for the same header and claims (key order kept, compact JSON).
import type { Json } from '../../protocol/index.ts';
import { base64UrlEncode, utf8Encode } from '../../util/bytes.ts';
import { hmac } from '../../util/crypto.ts';

export type HsAlgorithm = 'HS256' | 'HS384' | 'HS512';
const HASH = { HS256: 'SHA-256', HS384: 'SHA-384', HS512: 'SHA-512' } as const;

/**
 * Signs `payload` with HMAC. Without `header` the header is jsonwebtoken's {"alg", "typ":"JWT"}; a given header is
 * used as-is, in its own key order (so any library's output can be reproduced), with `alg` put first only if missing.
 * String payloads are signed as-is and get no default `typ`, as jsonwebtoken does.
 */
export async function signJwtHs(payload: Json, secret: string, alg: HsAlgorithm = 'HS256', header?: { [key: string]: Json }): Promise<string> {
  const defaults: { [key: string]: Json } = typeof payload === 'string' ? { alg } : { alg, typ: 'JWT' };
  const fullHeader = header ? ('alg' in header ? header : { alg, ...header }) : defaults;
  const signAlg = fullHeader.alg;
  if (signAlg !== 'HS256' && signAlg !== 'HS384' && signAlg !== 'HS512') {
    throw new Error(`signJwtHs signs HS256/HS384/HS512 only, got alg ${JSON.stringify(signAlg)}`);
  }
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const signingInput = `${base64UrlEncode(utf8Encode(JSON.stringify(fullHeader)))}.${base64UrlEncode(utf8Encode(body))}`;
  return `${signingInput}.${base64UrlEncode(await hmac(HASH[signAlg], secret, signingInput))}`;
}
