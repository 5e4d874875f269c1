// Turns a split/verified Django value into a DecodeResult: payload by kind, expiry by the kind's max_age.
import type { Json } from '../../protocol/index.ts';
import { base64Decode } from '../../util/bytes.ts';
import type { DecodeInput, DecodeResult } from '../types.ts';
import { SESSION_COOKIE_AGE, type KindSpec } from './kinds.ts';
import { decodeDjangoObject, type Verified } from './signing.ts';
import type { Shape } from './shape.ts';

interface Payload { value: Json | null; compressed: boolean; object: boolean; error?: string }

function readPayload(value: string, object: boolean | null): Payload {
  if (object === false) return { value, compressed: false, object: false };
  try {
    const decoded = decodeDjangoObject(value);
    return { value: decoded.value, compressed: decoded.compressed, object: true };
  } catch (err) {
    // A '.'-marked zlib stream is a compressed object even when it cannot be read (e.g. a zlib bomb).
    if (object === null && !isZlibMarked(value)) return { value, compressed: false, object: false };
    return { value: null, compressed: value.startsWith('.'), object: true, error: (err as Error).message };
  }
}

const isZlibMarked = (value: string): boolean => value.startsWith('.') && base64Decode(value.slice(1))?.[0] === 0x78;

const isMessages = (v: Json | null): boolean =>
  Array.isArray(v) && v.length > 0 && v.every((m) => m === '__messagesnotfinished__' || (Array.isArray(m) && m[0] === '__json_message'));

/** Without a verified signature, picks the most plausible kind from the payload and the cookie name. */
export function guessSpec(input: DecodeInput, shape: Shape, specs: readonly KindSpec[]): KindSpec | null {
  const name = (input.name ?? '').toLowerCase();
  if (shape.timestampCapable) {
    const value = shape.head.slice(0, shape.head.lastIndexOf(':'));
    const payload = readPayload(value, null);
    const pick = (kind: string) => specs.find((s) => s.kind === kind);
    if (payload.object) {
      const named = isMessages(payload.value) ? pick('messages-cookie') : name.includes('session') ? pick('signed_cookies-session') : undefined;
      const found = named ?? pick('signing.dumps') ?? specs.find((s) => s.timestamped && s.object !== false);
      if (found) return found;
    }
    const text = specs.find((s) => s.timestamped && s.object !== true);
    if (text) return text;
  }
  return specs.find((s) => !s.timestamped) ?? null;
}

export function buildResult(input: DecodeInput, shape: Shape, spec: KindSpec, verified: Verified, tried: readonly KindSpec[]): DecodeResult {
  const payload = readPayload(verified.value, spec.object);
  const hasSecrets = (input.secrets ?? []).length > 0;
  const signature = verified.valid ? 'valid' : hasSecrets ? 'invalid' : 'unverified';
  const { expired, expiresAt } = judgeExpiry(input, spec, verified.timestamp, payload.value, signature !== 'invalid');
  const result: DecodeResult = {
    format: 'django', kind: refineKind(spec.kind, payload.object), payload: payload.value, signature,
    compressed: payload.compressed, timestamp: verified.timestamp, expired, expiresAt,
    secretIndex: verified.keyIndex,
    reasons: explain(shape, spec, verified, tried, hasSecrets),
    parts: { payload: verified.value, ...(verified.timestamp !== null ? { timestamp: shape.head.slice(shape.head.lastIndexOf(':') + 1) } : {}), signature: verified.signature },
  };
  if (verified.valid) result.matched = { salt: spec.salt, keyPrefix: spec.keyPrefix, algorithm: verified.algorithm ?? 'sha256' };
  if (payload.error) result.error = payload.error;
  return result;
}

function refineKind(kind: string, object: boolean): string {
  if (kind === 'signing') return object ? 'signing.dumps' : 'TimestampSigner.sign';
  return kind;
}

function judgeExpiry(input: DecodeInput, spec: KindSpec, ts: number | null, payload: Json | null, trusted: boolean) {
  const now = input.now ?? Date.now() / 1000;
  let maxAge = input.maxAge ?? spec.maxAge;
  // Stored session data has no max_age; its server-side lifetime is _session_expiry or SESSION_COOKIE_AGE from the save.
  if (maxAge == null && spec.kind === 'session-data') maxAge = sessionExpiry(payload);
  if (!trusted || ts === null || maxAge == null) return { expired: null, expiresAt: null };
  const expiresAt = ts + maxAge;
  return { expired: now - ts > maxAge, expiresAt };
}

function sessionExpiry(payload: Json | null): number {
  const custom = payload && typeof payload === 'object' && !Array.isArray(payload) ? payload._session_expiry : undefined;
  return typeof custom === 'number' && custom > 0 ? custom : SESSION_COOKIE_AGE;
}

function explain(shape: Shape, spec: KindSpec, verified: Verified, tried: readonly KindSpec[], hasSecrets: boolean): string[] {
  const reasons = [verified.timestamp !== null ? 'value splits as payload:timestamp:signature (Django TimestampSigner layout)' : 'value splits as payload:signature (Django Signer layout)'];
  if (shape.quoted) reasons.push('the cookie was double-quoted by http.cookies; unquoted before verifying');
  const key = spec.keyPrefix ? `"${spec.keyPrefix}" + secret` : 'the secret';
  if (verified.valid) {
    reasons.push(`${verified.algorithm === 'sha1' ? 'legacy HMAC-SHA1' : 'HMAC-SHA256'} signature verified with salt "${spec.salt}" and key ${key} (secret #${verified.keyIndex})`);
  } else if (hasSecrets) {
    const salts = [...new Set(tried.map((s) => s.salt))].map((s) => `"${s}"`).join(', ');
    reasons.push(`no secret verified with the candidate salts (${salts}); if the value was signed with another salt, pass it`);
  } else {
    reasons.push('no secret given: signature not checked');
  }
  return reasons;
}
