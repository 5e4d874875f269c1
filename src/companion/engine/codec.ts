// SessionBase.encode/decode and the signed_cookies value, on top of the project's Django signing
// (src/core/decode/django). Payloads are parsed here with the PyValue parser so 1.0, key order and
// big ints survive a round trip, and the pickle serializer is supported.
import { base64Decode, base64UrlEncode } from '../../core/util/bytes.ts';
import { inflateCapped } from '../../core/util/zlib.ts';
import { decodeSessionData, timestampSignDjango, verifyDjango } from '../../core/decode/django/signing.ts';
import { compressZlib } from './deflate.ts';
import { dumpCompactJson, fromJson, parsePyJson } from '../py/json.ts';
import { pickleDumps, pickleLoads } from '../py/pickle.ts';
import { containsDateTime, type PyDict, type PyValue } from '../py/value.ts';
import type { EngineContext } from './context.ts';
import { ServerError } from './errors.ts';

export const SIGNED_COOKIES_SALT = 'django.contrib.sessions.backends.signed_cookies';

/** signing.dumps(data, salt, serializer, compress=True) */
export async function dumpsSession(ctx: EngineContext, data: PyDict, salt: string): Promise<string> {
  const key = ctx.settings.SECRET_KEY;
  const timestamp = Math.floor(ctx.clock.now());
  if (ctx.settings.SESSION_SERIALIZER === 'json') {
    if (containsDateTime(data)) throw new ServerError('TypeError: Object of type datetime is not JSON serializable');
    // serialised once (ensure_ascii, so latin1 bytes are its UTF-8) and signed like dumpsDjango(compress=True)
    return timestampSignDjango(compressedPayload(Buffer.from(dumpCompactJson(data), 'latin1')), { key, salt, timestamp });
  }
  return timestampSignDjango(compressedPayload(pickleDumps(data)), { key, salt, timestamp });
}

/** signing.dumps' payload: zlib only when it saves at least 2 bytes, '.' marks it. */
function compressedPayload(raw: Uint8Array): string {
  const packed = compressZlib(raw);
  return packed.length < raw.length - 1 ? '.' + base64UrlEncode(packed) : base64UrlEncode(raw);
}

export class PayloadError extends Error {}

// Python's latin-1 maps bytes 0x80-0x9F to U+0080-U+009F; TextDecoder('latin1') is WHATWG windows-1252,
// which does not (Node 20 happens to decode true latin-1, newer runtimes follow WHATWG), so Buffer's latin1 is used.
const decodeLatin1 = (b: Uint8Array): string => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');

/** The serialized object inside a verified signed value; throws PayloadError. */
export function decodePayload(ctx: EngineContext, payload: string): PyValue {
  const compressed = payload.startsWith('.');
  const bytes = base64Decode(compressed ? payload.slice(1) : payload);
  if (!bytes) throw new PayloadError('bad base64');
  let data: Uint8Array;
  try { data = compressed ? inflateCapped(bytes) : bytes; } catch (e) { throw new PayloadError((e as Error).message); }
  try {
    if (ctx.settings.SESSION_SERIALIZER === 'pickle') return pickleLoads(data);
    return parsePyJson(decodeLatin1(data));
  } catch (e) {
    throw new PayloadError((e as Error).message);
  }
}

export type LoadsOutcome = { ok: true; value: PyValue; timestamp: number } | { ok: false; error: 'BadSignature' | 'SignatureExpired' | 'ValueError' };

/** signing.loads(text, salt, max_age): verification, age check, payload. */
export async function loadsSigned(ctx: EngineContext, text: string, salt: string, maxAge: number | null): Promise<LoadsOutcome> {
  const checked = await verifyDjango(text, { keys: [ctx.settings.SECRET_KEY], salt, timestamped: true });
  if (typeof checked === 'string' || !checked.valid) return { ok: false, error: 'BadSignature' };
  const timestamp = checked.timestamp as number;
  if (maxAge !== null && ctx.clock.now() - timestamp > maxAge) return { ok: false, error: 'SignatureExpired' };
  try {
    return { ok: true, value: decodePayload(ctx, checked.value), timestamp };
  } catch {
    return { ok: false, error: 'ValueError' };
  }
}

export async function encodeSessionDict(ctx: EngineContext, data: PyDict, salt: string): Promise<string> {
  return dumpsSession(ctx, data, salt);
}

/** SessionBase.decode: corrupt or tampered data becomes {} with a warning (3.2 also reads the pre-3.1 format). */
export async function decodeSessionDict(ctx: EngineContext, text: string, salt: string): Promise<PyDict> {
  const out = await loadsSigned(ctx, text, salt, null);
  if (out.ok) return out.value instanceof Map ? out.value : new Map();
  if (ctx.django === '3.2') {
    const legacy = await decodeSessionData(text, { secretKeys: [ctx.settings.SECRET_KEY], keySalt: salt });
    if (legacy.ok && legacy.legacy) {
      const v = fromJson(legacy.value);
      return v instanceof Map ? v : new Map();
    }
  }
  if (out.error === 'BadSignature') ctx.warn('django.security.SuspiciousSession', 'Session data corrupted');
  return new Map();
}
