// express-session cookies: `s:` + session id + `.` + HMAC-SHA256 (cookie-signature 1.0.x), URI-encoded.
import type { DecodeInput, DecodeResult } from '../types.ts';
import { base64Encode } from '../../util/bytes.ts';
import { hmac } from '../../util/crypto.ts';
import { percentDecode, stripQuotes, textEqual } from '../../util/cookie-text.ts';
import { errorResult, guardDecode, hinted, secretsOf, type FormatDecoder } from './decoder-kit.ts';

const HINTS = ['express-session', 'express', 'connect.sid'];
const SIGNED = /^s:([^]*)\.([A-Za-z0-9+/]{43})$/;

/** cookie-signature's `sign(id, secret)`: the signature is standard base64 with the `=` padding removed. */
export async function signExpressSession(id: string, secret: string): Promise<string> {
  const mac = await hmac('SHA-256', secret, id);
  return `s:${id}.${base64Encode(mac).replace(/=+$/, '')}`;
}

/** The cookie text express-session sends: the signed value through encodeURIComponent (the `cookie` package). */
export async function expressSessionCookieValue(id: string, secret: string): Promise<string> {
  return encodeURIComponent(await signExpressSession(id, secret));
}

function unwrap(value: string): string | null {
  const decoded = percentDecode(stripQuotes(value.trim()));
  return decoded !== null && decoded.startsWith('s:') ? decoded : null;
}

function scoreExpressSession(input: DecodeInput): number {
  const text = unwrap(input.value);
  if (text === null || !text.includes('.', 2)) return 0;
  let score = 40;
  if (SIGNED.test(text)) score += 30;
  if (input.name === 'connect.sid') score += 20;
  if (hinted(input, HINTS)) score += 50;
  return score;
}

/** Verifies like cookie-signature's unsign: every secret is tried, the whole `id.sig` text is compared. */
async function verify(text: string, secrets: string[]): Promise<number> {
  for (let i = 0; i < secrets.length; i++) {
    if (textEqual(await signExpressSession(text.slice(2, text.lastIndexOf('.')), secrets[i]), text)) return i;
  }
  return -1;
}

async function decodeExpressSession(input: DecodeInput): Promise<DecodeResult | null> {
  const text = unwrap(input.value);
  if (text === null) {
    return hinted(input, HINTS) ? errorResult('express-session', 'express-session values start with "s:" (s%3A when URI-encoded); this one does not, so express-session ignores it') : null;
  }
  const dot = text.lastIndexOf('.');
  if (dot < 2) return errorResult('express-session', 'express-session value has no "." between the session id and the signature', ['starts with s:']);
  const id = text.slice(2, dot);
  const reasons = ['value starts with "s:" (express-session signed id)'];
  if (input.name === 'connect.sid') reasons.push('cookie name connect.sid is express-session\'s default');
  const secrets = secretsOf(input);
  const index = secrets.length ? await verify(text, secrets) : -1;
  const signature = secrets.length === 0 ? 'unverified' : index >= 0 ? 'valid' : 'invalid';
  if (signature === 'invalid') reasons.push('no secret reproduces the HMAC-SHA256 signature: express-session would start a new session');
  return {
    format: 'express-session', kind: 'express-session', payload: id, signature, compressed: false,
    timestamp: null, expired: null, expiresAt: null, secretIndex: index >= 0 ? index : null,
    matched: index >= 0 ? { algorithm: 'HMAC-SHA256' } : undefined,
    reasons, parts: { sessionId: id, signature: text.slice(dot + 1) },
  };
}

export const expressSessionDecoder: FormatDecoder = {
  format: 'express-session',
  hints: HINTS,
  score: scoreExpressSession,
  maxScore: 90,
  decode: (input) => guardDecode('express-session', () => decodeExpressSession(input)),
};
