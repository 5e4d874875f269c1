// Decoding what an attached Django project stored, the way its SessionBase.decode would (§5.2): a bad
// signature or broken payload loads as {} with "Session data corrupted", never as an exception.
import type { Json } from '../../core/protocol/index.ts';
import { decodeDjangoObject, decodeSessionData, verifyDjango } from '../../core/decode/django/signing.ts';
import { SESSION_STORE_SALT } from '../../core/decode/django/session-data.ts';
import { base64Decode } from '../../core/util/bytes.ts';
import { inflateCapped } from '../../core/util/zlib.ts';
import { readPickle } from '../../core/python/pickle-json.ts';

export interface AttachOptions {
  /** the project's SECRET_KEY (several = rotation, newest first); empty = show data unverified */
  secretKeys: string[];
  cookieName: string;
  cookieAge: number;
  /** unix seconds; injectable for tests */
  now?: () => number;
}

export interface StoredData { decoded: Json; error?: string }

export const nowSeconds = (opts: AttachOptions): number => opts.now?.() ?? Date.now() / 1000;

export async function decodeStoredData(text: string, opts: AttachOptions): Promise<StoredData> {
  if (text === '') return { decoded: {} }; // an empty file/row loads as {} without a warning
  if (opts.secretKeys.length === 0) return decodeUnverified(text);
  const result = await decodeSessionData(text, { secretKeys: opts.secretKeys });
  if (result.ok) return { decoded: result.value };
  const pickled = result.reason === 'malformed' ? await decodePickledData(text, opts.secretKeys) : null;
  if (pickled !== null) return { decoded: pickled };
  return { decoded: {}, error: `Session data corrupted (${result.error})` };
}

/** SESSION_SERIALIZER = PickleSerializer (Django < 5.0): same signing, the payload is a pickle. */
async function decodePickledData(text: string, secretKeys: string[]): Promise<Json | null> {
  const checked = await verifyDjango(text, { keys: secretKeys, salt: SESSION_STORE_SALT, timestamped: true });
  if (typeof checked === 'string' || !checked.valid) return null;
  const compressed = checked.value.startsWith('.');
  const raw = base64Decode(compressed ? checked.value.slice(1) : checked.value);
  if (!raw) return null;
  try {
    const bytes = compressed ? inflateCapped(raw) : raw;
    return bytes[0] === 0x80 ? readPickle(bytes) : null;
  } catch {
    return null;
  }
}

/** Without the secret Django itself could not load it; showing the payload is still what a developer wants. */
function decodeUnverified(text: string): StoredData {
  const parts = text.split(':');
  if (parts.length < 3) return { decoded: {}, error: 'Session data corrupted (not a signed value)' };
  try {
    return { decoded: decodeDjangoObject(parts[0]).value, error: 'signature not verified: no --secret-key given' };
  } catch (err) {
    return { decoded: {}, error: `Session data corrupted (${(err as Error).message})` };
  }
}

/** get_expiry_age for a stored `_session_expiry`: numbers count as seconds unchanged, datetimes as time left. */
export function customExpiryAge(value: Json | undefined, now: number): number | null {
  if (value === undefined || value === null || value === 0 || value === false) return null;
  if (typeof value === 'number') return value;
  const iso = typeof value === 'string' ? value
    : typeof value === 'object' && !Array.isArray(value) && typeof value.$datetime === 'string' ? value.$datetime : null;
  if (iso === null) return null;
  const at = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(iso) ? iso : iso + 'Z');
  return Number.isNaN(at) ? null : Math.floor(at / 1000 - now);
}

export function sessionExpiry(decoded: Json): Json | undefined {
  return decoded && typeof decoded === 'object' && !Array.isArray(decoded) ? decoded._session_expiry : undefined;
}
