// JWS signature checks: HMAC compares the base64url text (as the jws library does); RSA/PSS/ECDSA/EdDSA use verify.
import type { SignatureStatus } from '../types.ts';
import { base64Decode, base64UrlEncode, utf8Encode } from '../../util/bytes.ts';
import { textEqual } from '../../util/cookie-text.ts';
import { hmacKeyBytes, isPublicKeySecret, jwsAlgorithm, keysFromSecret, type JwsAlgorithm } from './jwt-keys.ts';
import { hmacSync, prefersNativeHmac } from '../../util/crypto.ts';

export interface JwsCheck { signature: SignatureStatus; secretIndex: number | null; reasons: string[] }

const buf = (b: Uint8Array): ArrayBuffer => b.slice().buffer as ArrayBuffer;

async function keyVerifies(key: CryptoKey, alg: JwsAlgorithm, signingInput: Uint8Array, sig: string): Promise<boolean> {
  if (alg.family === 'hmac') {
    // The same HMAC as WebCrypto's (an empty key and one zero byte are the same key), without a thread-pool hop.
    const raw = hmacKeyBytes(key);
    const mac = raw && !prefersNativeHmac(signingInput.length) ? hmacSync(alg.hash, raw, signingInput)
      : new Uint8Array(await crypto.subtle.sign('HMAC', key, buf(signingInput)));
    return textEqual(base64UrlEncode(mac), sig);
  }
  const sigBytes = base64Decode(sig);
  if (!sigBytes) return false;
  // JWS ECDSA signatures are raw r||s, which is exactly the form WebCrypto's ECDSA verify expects.
  return crypto.subtle.verify(alg.verify, key, buf(sigBytes), buf(signingInput));
}

/** Verifies `header.payload.signature` with every secret; several secrets = rotation, valid if any verifies. */
export async function verifyJws(segments: string[], alg: string, secrets: string[], kid?: string): Promise<JwsCheck> {
  if (alg.toLowerCase() === 'none') {
    return { signature: 'invalid', secretIndex: null, reasons: ['alg "none": the token is unsigned; a server that accepts it lets anyone forge tokens'] };
  }
  const algorithm = jwsAlgorithm(alg);
  if (!algorithm) return { signature: 'unverified', secretIndex: null, reasons: [`algorithm ${alg} is not supported for verification`] };
  if (secrets.length === 0) return { signature: 'unverified', secretIndex: null, reasons: ['no secret or public key given: signature not checked'] };
  const signingInput = utf8Encode(`${segments[0]}.${segments[1]}`);
  let usable = 0;
  for (let i = 0; i < secrets.length; i++) {
    for (const key of await keysFromSecret(secrets[i], algorithm, kid)) {
      usable++;
      if (await keyVerifies(key, algorithm, signingInput, segments[2])) {
        return { signature: 'valid', secretIndex: i, reasons: [`signature verifies with secret #${i} (${alg})`] };
      }
    }
  }
  if (usable === 0 && algorithm.family === 'hmac' && secrets.some(isPublicKeySecret)) {
    return { signature: 'invalid', secretIndex: null, reasons: [`the token claims ${alg} but the key given is a public key: an alg-confusion forgery would pass only on a server that trusts the header's alg`] };
  }
  if (usable === 0) {
    return { signature: 'unverified', secretIndex: null, reasons: [`none of the secrets is a usable ${alg} key (expected ${algorithm.family === 'hmac' ? 'a shared secret' : 'an SPKI PEM public key or a JWK'})`] };
  }
  return { signature: 'invalid', secretIndex: null, reasons: [`no given key verifies the ${alg} signature`] };
}
