// Server-side Django session records behind a session-key cookie: db/file `session_data` (signed) and cache
// entries (the unsigned dict, pickled or JSON).
import type { Json } from '../../protocol/index.ts';
import type { DecodeInput, DecodeResult } from '../types.ts';
import { base64Decode, utf8Decode } from '../../util/bytes.ts';
import { SESSION_COOKIE_AGE, type KindSpec } from './kinds.ts';
import { readPickle } from '../../python/pickle-json.ts';
import { buildResult } from './result.ts';
import { readShape } from './shape.ts';
import { decodeSessionData, parsePythonJson, verifyDjango } from './signing.ts';
import { SESSION_STORE_SALT } from './session-data.ts';

type Record = NonNullable<DecodeInput['serverRecord']>;

/** The signed text of a db/file record: `sessionData`, or a session file's `content` when it has Django's shape. */
function storedText(rec: Record): string | null {
  if (typeof rec.sessionData === 'string') return rec.sessionData;
  if (typeof rec.content === 'string' && readShape(rec.content.trim())) return rec.content.trim();
  return null;
}

export function isDjangoRecord(rec: Record): boolean {
  if (storedText(rec) !== null) return true;
  return typeof rec.key === 'string' && /django\.contrib\.sessions\.(cache|cached_db)/.test(rec.key);
}

export async function decodeServerRecord(input: DecodeInput, rec: Record): Promise<DecodeResult> {
  const stored = storedText(rec);
  return stored !== null ? decodeStored(input, rec, stored) : decodeCached(rec);
}

async function decodeStored(input: DecodeInput, rec: Record, data: string): Promise<DecodeResult> {
  const salt = input.salt ?? SESSION_STORE_SALT;
  const kind = rec.store === 'file' || typeof rec.sessionData !== 'string' ? 'file-session' : 'db-session';
  const spec: KindSpec = { kind: 'session-data', salt, keyPrefix: input.keyPrefix ?? '', timestamped: true, object: true, maxAge: null };
  const shape = readShape(data);
  const secrets = input.secrets ?? [];
  if (shape) {
    const verified = await verifyDjango(shape.text, { keys: secrets.map((s) => spec.keyPrefix + s), salt, timestamped: true });
    if (typeof verified !== 'string') {
      const result = buildResult({ ...input, secrets }, shape, spec, verified, [spec]);
      result.kind = kind;
      result.reasons.unshift(`cookie "${input.value}" is a session key; decoded the stored session_data of the ${rec.store ?? 'db'} record`);
      if (result.signature === 'valid') applyRecordExpiry(result, rec, input.now ?? Date.now() / 1000);
      return result;
    }
  }
  const legacy = await decodeSessionData(data, { secretKeys: secrets, keySalt: salt });
  if (legacy.ok) {
    return { format: 'django', kind, payload: legacy.value, signature: 'valid', compressed: false, timestamp: null, expired: null, secretIndex: legacy.keyIndex,
      reasons: ['stored session_data in the pre-3.1 legacy format (base64 of hexHMAC-SHA1:json)'] };
  }
  return { format: 'django', kind, payload: null, signature: secrets.length ? 'invalid' : 'unverified', compressed: null, timestamp: null, expired: null,
    reasons: ['stored session_data is neither the Django 3.2 signed format nor the legacy one'], error: legacy.error };
}

/** db: dead when expire_date <= now; file: mtime + SESSION_COOKIE_AGE. */
function applyRecordExpiry(result: DecodeResult, rec: Record, now: number): void {
  let expiresAt: number | null = null;
  if (typeof rec.expireDate === 'string') {
    const ms = Date.parse(rec.expireDate.replace(' ', 'T') + (/[zZ]|[+-]\d\d:?\d\d$/.test(rec.expireDate) ? '' : 'Z'));
    if (Number.isFinite(ms)) expiresAt = ms / 1000;
  } else if (typeof rec.mtime === 'number') {
    expiresAt = rec.mtime + SESSION_COOKIE_AGE;
  }
  if (expiresAt === null) return;
  result.expiresAt = expiresAt;
  result.expired = expiresAt <= now;
}

function decodeCached(rec: Record): DecodeResult {
  const base: DecodeResult = { format: 'django', kind: 'cache-session', payload: null, signature: 'not-applicable', compressed: false, timestamp: null, expired: null,
    reasons: [`cache entry ${String(rec.key)}: the session dict itself, unsigned`] };
  try {
    base.payload = readCachedValue(rec);
  } catch (err) {
    base.error = `cannot read the cached session: ${(err as Error).message}`;
  }
  return base;
}

function readCachedValue(rec: Record): Json {
  const raw = typeof rec.valueBase64 === 'string' ? base64Decode(rec.valueBase64) : null;
  const pickled = rec.valueEncoding === 'pickle' || (raw !== null && raw[0] === 0x80);
  if (pickled) {
    if (!raw) throw new Error('valueBase64 is missing or not base64');
    // data only: the extension never rebuilds objects from a page's cache; big ints as plain numbers
    return readPickle(raw, { dataOnly: true, bigInts: 'number' });
  }
  const text = typeof rec.valueText === 'string' ? rec.valueText : raw ? utf8Decode(raw) : null;
  if (text === null) throw new Error('no valueText or valueBase64');
  return parsePythonJson(text);
}
