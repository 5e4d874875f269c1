// cookie-session (2.x): the session is base64(JSON) in the cookie itself; `<name>.sig` carries a keygrip HMAC-SHA1.
import type { Json } from '../../protocol/index.ts';
import type { CompanionCookie, DecodeInput, DecodeResult } from '../types.ts';
import { base64Decode, base64Encode, base64UrlEncode, utf8Decode, utf8Encode } from '../../util/bytes.ts';
import { hmac } from '../../util/crypto.ts';
import { isJsonObject, parseJson, stripQuotes, textEqual } from '../../util/cookie-text.ts';
import { errorResult, guardDecode, hinted, secretsOf, type FormatDecoder } from '../express/decoder-kit.ts';

const HINTS = ['cookie-session', 'express:sess'];
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export interface SignedCookieSession { name: string; value: string; sigName: string; sig: string | null }

/** keygrip's sign: HMAC-SHA1 over `name=value`, base64 mapped to the URL-safe alphabet without padding. */
export async function keygripSign(data: string, key: string): Promise<string> {
  return base64UrlEncode(await hmac('SHA-1', key, data));
}

/** What cookie-session sets for `obj`: the value cookie and, when keys are given, `<name>.sig` signed with keys[0]. */
export async function signCookieSession(obj: Json, name = 'session', keys: string[] = []): Promise<SignedCookieSession> {
  const value = base64Encode(utf8Encode(JSON.stringify(obj)));
  const sig = keys.length ? await keygripSign(`${name}=${value}`, keys[0]) : null;
  return { name, value, sigName: `${name}.sig`, sig };
}

/** The session object behind a cookie-session value, or undefined when it is not base64 of a JSON object. */
export function readCookieSessionValue(value: string): { [key: string]: Json } | undefined {
  const text = stripQuotes(value.trim());
  if (text.length % 4 !== 0 || !BASE64.test(text)) return undefined;
  const bytes = base64Decode(text);
  if (!bytes) return undefined;
  let json: string;
  try { json = utf8Decode(bytes); } catch { return undefined; }
  const parsed = parseJson(json);
  return isJsonObject(parsed) ? parsed : undefined;
}

/** The `.sig` companion for this cookie; without a name, any lone `X.sig` companion names the cookie X. */
function findSig(input: DecodeInput): { name: string; sig: CompanionCookie } | null {
  const companions = Array.isArray(input.companion) ? input.companion : [];
  if (input.name) {
    const sig = companions.find((c) => c?.name === `${input.name}.sig`);
    return sig ? { name: input.name, sig } : null;
  }
  const sigs = companions.filter((c) => typeof c?.name === 'string' && c.name.endsWith('.sig'));
  return sigs.length === 1 ? { name: sigs[0].name.slice(0, -4), sig: sigs[0] } : null;
}

/** Without a .sig cookie, base64 JSON is cookie-session only under a session-like name (else it is just base64 JSON). */
const unsignedLikely = (input: DecodeInput): boolean => /sess/i.test(input.name ?? '') || hinted(input, HINTS);

function scoreCookieSession(input: DecodeInput): number {
  if (!readCookieSessionValue(input.value)) return 0;
  const signed = findSig(input) !== null;
  if (!signed && !unsignedLikely(input)) return 0;
  let score = 30;
  if (signed) score += 50;
  if (input.name === 'session' || input.name === 'express:sess') score += 10;
  if (hinted(input, HINTS)) score += 50;
  return score;
}

async function verifySig(name: string, value: string, sig: string, keys: string[]): Promise<number> {
  for (let i = 0; i < keys.length; i++) if (textEqual(await keygripSign(`${name}=${value}`, keys[i]), sig)) return i;
  return -1;
}

async function decodeCookieSession(input: DecodeInput): Promise<DecodeResult | null> {
  const payload = readCookieSessionValue(input.value);
  if (!payload) {
    return hinted(input, HINTS) ? errorResult('cookie-session', 'cookie-session values are standard base64 of a JSON object; this value is not') : null;
  }
  const reasons = ['value is base64 of a JSON object (cookie-session)'];
  const found = findSig(input);
  const base = { format: 'cookie-session' as const, payload, compressed: false, timestamp: null, expired: null, expiresAt: null };
  if (!found) {
    if (!unsignedLikely(input)) return null;
    reasons.push('no <name>.sig companion cookie: unsigned cookie-session (signed: false), nothing to verify');
    return { ...base, kind: 'cookie-session-unsigned', signature: 'not-applicable', reasons, parts: { value: input.value } };
  }
  reasons.push(`companion cookie ${found.sig.name} holds the keygrip signature`);
  const keys = secretsOf(input);
  const index = keys.length ? await verifySig(found.name, stripQuotes(input.value.trim()), String(found.sig.value ?? ''), keys) : -1;
  const signature = keys.length === 0 ? 'unverified' : index >= 0 ? 'valid' : 'invalid';
  if (signature === 'invalid') reasons.push(`no key reproduces HMAC-SHA1("${found.name}=<value>"): cookie-session would treat the session as new and empty`);
  return {
    ...base, kind: 'cookie-session', signature, secretIndex: index >= 0 ? index : null,
    matched: index >= 0 ? { algorithm: 'HMAC-SHA1', signedString: `${found.name}=<value>` } : undefined,
    reasons, parts: { value: input.value, signature: String(found.sig.value ?? '') },
  };
}

export const cookieSessionDecoder: FormatDecoder = {
  format: 'cookie-session',
  hints: HINTS,
  score: scoreCookieSession,
  maxScore: 90,
  decode: (input) => guardDecode('cookie-session', () => decodeCookieSession(input)),
};
