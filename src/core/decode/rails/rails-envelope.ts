// The `_rails` metadata envelope (use_cookies_with_metadata): purpose and expiry travel inside the signed/encrypted data.
import type { Json } from '../../protocol/index.ts';
import { base64Decode, utf8Decode } from '../../util/bytes.ts';
import { isJsonObject, parseJson } from '../../util/cookie-text.ts';
import { isMarshal, readMarshal } from './marshal.ts';

export interface RailsEnvelope {
  payload: Json;
  /** `{exp, pur}` from `_rails`, or null for a value written without metadata */
  envelope: { exp: string | null; pur: string | null } | null;
  /** `_rails.exp` as unix seconds (floored) */
  expiresAt: number | null;
  expMs: number | null;
  serializer: 'json' | 'marshal';
}

/** Deserialises with the cookies serializer the bytes imply: Marshal (04 08) or JSON (Rails' :json / :hybrid). */
function deserialize(bytes: Uint8Array): { value: Json; serializer: 'json' | 'marshal' } | string {
  if (isMarshal(bytes)) {
    const read = readMarshal(bytes);
    return read.ok ? { value: read.value, serializer: 'marshal' } : `Marshal data could not be read: ${read.error}`;
  }
  let text: string;
  try { text = utf8Decode(bytes); } catch { return 'decoded data is neither UTF-8 JSON nor Marshal'; }
  const value = parseJson(text);
  return value === undefined ? 'decoded data is not JSON' : { value, serializer: 'json' };
}

const str = (v: Json | undefined): string | null => (typeof v === 'string' ? v : null);

/** Reads the serialized envelope; the inner value is base64 in `message` (Rails 6/7.0) or inline `data` (7.1 serializer metadata). */
export function readRailsEnvelope(bytes: Uint8Array): RailsEnvelope | string {
  const outer = deserialize(bytes);
  if (typeof outer === 'string') return outer;
  const meta = isJsonObject(outer.value) ? outer.value._rails : undefined;
  if (!isJsonObject(meta)) {
    return { payload: outer.value, envelope: null, expiresAt: null, expMs: null, serializer: outer.serializer };
  }
  let payload: Json;
  if (typeof meta.message === 'string') {
    const inner = base64Decode(meta.message);
    if (!inner) return '_rails.message is not base64';
    const value = deserialize(inner);
    if (typeof value === 'string') return `_rails.message: ${value}`;
    payload = value.value;
  } else {
    payload = meta.data ?? null;
  }
  const exp = str(meta.exp);
  const expMs = exp === null ? null : Date.parse(exp);
  const valid = expMs !== null && Number.isFinite(expMs);
  return {
    payload, envelope: { exp, pur: str(meta.pur) },
    expiresAt: valid ? Math.floor(expMs / 1000) : null, expMs: valid ? expMs : null, serializer: outer.serializer,
  };
}
