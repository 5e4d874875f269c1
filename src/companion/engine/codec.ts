// SessionBase.encode/decode and the signed_cookies value, on top of the project's Django signing
// (src/core/decode/django). Payloads are parsed here with the PyValue parser so 1.0, key order and
// big ints survive a round trip, and the pickle serializer is supported.
import { base64Decode, base64UrlEncode } from '../../core/util/bytes.ts';
import { inflateCapped } from '../../core/util/zlib.ts';
import { decodeSessionData, timestampSignDjango, verifyDjango } from '../../core/decode/django/signing.ts';
import { compressZlib } from './deflate.ts';
import { dumpCompactJson, fromJson, parsePyJson } from '../py/json.ts';
import { pickleDumps, pickleLoads } from '../py/pickle.ts';
import { clonePy, containsDateTime, type PyDict, type PyValue } from '../py/value.ts';
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
  const known = recall(ctx, salt, text);
  if (known) {
    if (maxAge !== null && ctx.clock.now() - known.timestamp > maxAge) return { ok: false, error: 'SignatureExpired' };
    return { ok: true, value: clonePy(known.value), timestamp: known.timestamp };
  }
  const checked = await verifyDjango(text, { keys: [ctx.settings.SECRET_KEY], salt, timestamped: true });
  if (typeof checked === 'string' || !checked.valid) return { ok: false, error: 'BadSignature' };
  const timestamp = checked.timestamp as number;
  if (maxAge !== null && ctx.clock.now() - timestamp > maxAge) return { ok: false, error: 'SignatureExpired' };
  let value: PyValue;
  try {
    value = decodePayload(ctx, checked.value);
  } catch {
    return { ok: false, error: 'ValueError' };
  }
  remember(ctx, salt, text, value, timestamp);
  return { ok: true, value, timestamp };
}

// Verified values by signed text: the same cookie or stored session comes back request after request, and
// verifying and decoding it again (HMAC, base64, inflate, JSON or pickle) always gives the same result for the
// same key, salt and serializer. Callers get a deep copy (with its string identities) and may change it.
interface Known { value: PyValue; timestamp: number; secret: string; serializer: string }
const MAX_KNOWN = 1000;
const knownByContext = new WeakMap<EngineContext, Map<string, Known>>();

function recall(ctx: EngineContext, salt: string, text: string): Known | null {
  const known = knownByContext.get(ctx)?.get(salt + '\n' + text);
  const s = ctx.settings;
  return known && known.secret === s.SECRET_KEY && known.serializer === s.SESSION_SERIALIZER ? known : null;
}

function remember(ctx: EngineContext, salt: string, text: string, value: PyValue, timestamp: number): void {
  let known = knownByContext.get(ctx);
  if (!known) knownByContext.set(ctx, (known = new Map()));
  if (known.size >= MAX_KNOWN) known.delete(known.keys().next().value as string);
  known.set(salt + '\n' + text, { value: clonePy(value), timestamp, secret: ctx.settings.SECRET_KEY, serializer: ctx.settings.SESSION_SERIALIZER });
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
