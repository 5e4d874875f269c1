// JWT (RFC 7519) in a cookie: header and claims are readable by anyone; the signature needs the secret or public key.
import type { Json } from '../../protocol/index.ts';
import type { DecodeInput, DecodeResult, SignatureStatus } from '../types.ts';
import { base64Decode, utf8Decode } from '../../util/bytes.ts';
import { isJsonObject, parseJson, percentDecode, stripQuotes } from '../../util/cookie-text.ts';
import { errorResult, guardDecode, hinted, nowSeconds, secretsOf, type FormatDecoder } from '../express/decoder-kit.ts';
import { verifyJws } from './jwt-verify.ts';

const HINTS = ['jwt', 'jws', 'jwe'];
const SEGMENTS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*(\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)?$/;

interface Token { text: string; segments: string[]; header: { [key: string]: Json }; payloadText: string | null }

/** The compact token inside a cookie value: trimmed, unquoted, URL-decoded and without a `Bearer ` prefix. */
export function unwrapJwt(value: string): string | null {
  // Without a '.', or a '%' that could decode to one, SEGMENTS cannot match; detection asks this of every cookie.
  if (!value.includes('.') && !value.includes('%')) return null;
  let text = stripQuotes(value.trim());
  text = percentDecode(text) ?? text;
  text = stripQuotes(text.trim()).replace(/^bearer\s+/i, '');
  return SEGMENTS.test(text) ? text : null;
}

function decodeSegment(segment: string): string | null {
  const bytes = base64Decode(segment);
  if (!bytes) return null;
  try { return utf8Decode(bytes); } catch { return null; }
}

function parseToken(value: string): Token | null {
  const text = unwrapJwt(value);
  if (!text) return null;
  const segments = text.split('.');
  const header = parseJson(decodeSegment(segments[0]) ?? '');
  if (!isJsonObject(header) || typeof header.alg !== 'string') return null;
  return { text, segments, header, payloadText: segments.length === 3 ? decodeSegment(segments[1]) : null };
}

function scoreJwt(input: DecodeInput): number {
  const token = parseToken(input.value);
  if (!token) return 0;
  let score = 80;
  if (input.name && /jwt|token|auth|access|id_?token/i.test(input.name)) score += 10;
  if (hinted(input, HINTS)) score += 50;
  return score;
}

const claim = (payload: Json, name: string): number | null =>
  isJsonObject(payload) && typeof payload[name] === 'number' && Number.isFinite(payload[name]) ? (payload[name] as number) : null;

function jweResult(token: Token): DecodeResult {
  return {
    format: 'jwt', kind: 'jwe', payload: null, header: token.header, signature: 'unverified', compressed: false,
    timestamp: null, expired: null, expiresAt: null,
    reasons: ['five-part compact token with an "enc" header: an encrypted JWT (JWE); reading it needs the private key'],
    parts: { header: token.segments[0] },
  };
}

/**
 * Expiry by `exp <= now`, and also by `now - iat > maxAge` when the caller gives a max age (jsonwebtoken's maxAge
 * option). Null when neither rule applies.
 */
function judgeExpiry(payload: Json, now: number, maxAge: number | undefined, reasons: string[]): boolean | null {
  const nbf = claim(payload, 'nbf');
  if (nbf !== null && nbf > now) reasons.push(`not valid before ${new Date(nbf * 1000).toISOString()} (nbf is in the future)`);
  const exp = claim(payload, 'exp');
  const iat = claim(payload, 'iat');
  const byExp = exp === null ? null : exp <= now;
  const byAge = typeof maxAge === 'number' && iat !== null ? now - iat > maxAge : null;
  if (byExp) reasons.push(`expired at ${new Date(exp! * 1000).toISOString()} (exp <= now)`);
  if (byAge) reasons.push(`issued ${now - iat!} s ago, more than the max age of ${maxAge} s`);
  return byExp === null && byAge === null ? null : Boolean(byExp || byAge);
}

async function decodeJwt(input: DecodeInput): Promise<DecodeResult | null> {
  const token = parseToken(input.value);
  if (!token) return hinted(input, HINTS) ? errorResult('jwt', 'not a compact JWT: expected base64url(header).base64url(payload).base64url(signature) with a JSON header that has "alg"') : null;
  if (token.segments.length === 5) return jweResult(token);
  const alg = token.header.alg as string;
  const parsed = token.payloadText === null ? undefined : parseJson(token.payloadText);
  const payload: Json = parsed === undefined ? token.payloadText : parsed;
  const reasons = [`compact JWS with a JSON header, alg ${alg}`];
  if (parsed === undefined) reasons.push(token.payloadText === null ? 'payload segment is not valid base64url UTF-8' : 'payload is not JSON: shown as text');
  const check = await verifyJws(token.segments, alg, secretsOf(input), typeof token.header.kid === 'string' ? token.header.kid : undefined);
  reasons.push(...check.reasons);
  const expiry = judgeExpiry(payload, nowSeconds(input), input.maxAge, reasons);
  const signature: SignatureStatus = check.signature;
  return {
    format: 'jwt', kind: 'jwt', payload, header: token.header, signature, compressed: false,
    timestamp: claim(payload, 'iat'), expiresAt: claim(payload, 'exp'),
    expired: signature === 'invalid' ? null : expiry,
    secretIndex: check.secretIndex, matched: check.secretIndex === null ? undefined : { algorithm: alg },
    reasons, parts: { header: token.segments[0], payload: token.segments[1], signature: token.segments[2] },
  };
}

export const jwtDecoder: FormatDecoder = {
  format: 'jwt',
  hints: HINTS,
  score: scoreJwt,
  maxScore: 90,
  decode: (input) => guardDecode('jwt', () => decodeJwt(input)),
};
