// Stored session_data of the db / file / cached_db backends (django-sessions.md §5): Django 3.2 writes
// signing.dumps(compress=True) salted with "django.contrib.sessions." + the store's qualname, and still reads
// the pre-3.1 `b64(hexHMAC ":" json)` format.
import type { Json } from '../../protocol/index.ts';
import { base64Decode, bytesEqual, hexEncode, utf8Encode } from '../../util/bytes.ts';
import { digest, hmac } from '../../util/crypto.ts';
import { dumpsDjango, loadsDjango } from './signing.ts';
import { latin1, parsePythonJson } from './primitives.ts';

export const SESSION_STORE_SALT = 'django.contrib.sessions.SessionStore';

export interface SessionDataOptions { secretKey: string; keySalt?: string; timestamp?: number }

export async function encodeSessionData(dict: unknown, opts: SessionDataOptions): Promise<string> {
  return dumpsDjango(dict, { key: opts.secretKey, salt: opts.keySalt ?? SESSION_STORE_SALT, compress: true, timestamp: opts.timestamp });
}

export type SessionDataResult =
  | { ok: true; value: Json; timestamp: number | null; compressed: boolean; keyIndex: number; legacy: boolean }
  | { ok: false; error: string; reason: 'bad-signature' | 'malformed' };

/** SessionBase.decode; on failure Django logs "Session data corrupted" and uses {} (left to the caller). */
export async function decodeSessionData(text: string, opts: { secretKeys: string[]; keySalt?: string }): Promise<SessionDataResult> {
  const salt = opts.keySalt ?? SESSION_STORE_SALT;
  const current = await loadsDjango(text, { keys: opts.secretKeys, salt, maxAge: null });
  if (current.ok) return { ...current, legacy: false };
  const legacy = await decodeLegacySessionData(text, opts.secretKeys, salt);
  if (legacy) return legacy;
  return { ok: false, error: current.error, reason: current.reason === 'malformed' ? 'malformed' : 'bad-signature' };
}

/** Pre-3.1 layout: key = SHA1("django.contrib.sessions" + class name + secret), hex HMAC-SHA1 over the JSON. */
async function decodeLegacySessionData(text: string, secrets: string[], salt: string): Promise<SessionDataResult | null> {
  const raw = base64Decode(text.trim());
  if (!raw) return null;
  const colon = raw.indexOf(0x3a);
  if (colon < 0) return null;
  const hash = raw.subarray(0, colon);
  const serialized = raw.subarray(colon + 1);
  const className = salt.replace(/^django\.contrib\.sessions\./, '').split('.').pop() ?? '';
  for (let i = 0; i < secrets.length; i++) {
    const key = await digest('SHA-1', 'django.contrib.sessions' + className + secrets[i]);
    const expected = utf8Encode(hexEncode(await hmac('SHA-1', key, serialized)));
    if (!bytesEqual(expected, hash)) continue;
    try {
      const value = parsePythonJson(latin1(serialized));
      return { ok: true, value, timestamp: null, compressed: false, keyIndex: i, legacy: true };
    } catch (err) {
      return { ok: false, error: `legacy session data is not JSON: ${(err as Error).message}`, reason: 'malformed' };
    }
  }
  return null;
}
