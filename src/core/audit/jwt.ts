// jwt-weak: alg "none", an HS* signature that verifies with a weak secret, or no exp claim.
// Parsing the two JSON segments is cheap and synchronous, so it runs even without the decoder.
import { base64Decode, base64UrlEncode, utf8Decode } from '../util/bytes.ts';
import { hmac, type HashName } from '../util/crypto.ts';
import type { Json } from '../protocol/index.ts';

export interface JwtParts { header: Record<string, Json>; payload: Record<string, Json>; signingInput: string; signature: string }

function readSegment(segment: string): Record<string, Json> | null {
  const bytes = base64Decode(segment);
  if (!bytes) return null;
  try {
    const parsed = JSON.parse(utf8Decode(bytes)) as Json;
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : null;
  } catch { return null; }
}

export function parseJwt(value: string): JwtParts | null {
  const parts = value.replace(/^Bearer\s+/i, '').split('.');
  if (parts.length !== 3) return null;
  const header = readSegment(parts[0]);
  const payload = readSegment(parts[1]);
  if (!header || !payload || typeof header.alg !== 'string') return null;
  return { header, payload, signingInput: `${parts[0]}.${parts[1]}`, signature: parts[2] };
}

const HS: Record<string, HashName> = { HS256: 'SHA-256', HS384: 'SHA-384', HS512: 'SHA-512' };

/** Index of the first secret that verifies an HS* JWT, or -1. */
export async function findJwtSecret(jwt: JwtParts, secrets: readonly string[]): Promise<number> {
  const hash = HS[String(jwt.header.alg).toUpperCase()];
  if (!hash) return -1;
  for (let i = 0; i < secrets.length; i++) {
    if (base64UrlEncode(await hmac(hash, secrets[i], jwt.signingInput)) === jwt.signature) return i;
  }
  return -1;
}

/** The problems of a parsed JWT that need no secret. */
export function jwtStaticProblems(jwt: JwtParts): string[] {
  const problems: string[] = [];
  if (String(jwt.header.alg).toLowerCase() === 'none') problems.push('alg is "none": anyone can forge it');
  if (typeof jwt.payload.exp !== 'number') problems.push('no exp claim: the token never expires');
  return problems;
}
