// A pre-3.1 stored session_data given as the value itself (copied from a db row or session file):
// b64( hexHMAC-SHA1 ":" json ). Django 3.2 still reads it (cookie-formats.md §1.6); as a server record behind
// a session key it is decoded by server-record.ts, this covers the bare text.
import type { Json } from '../../protocol/index.ts';
import { base64Decode } from '../../util/bytes.ts';
import type { DecodeInput, DecodeResult } from '../types.ts';
import { latin1, parsePythonJson } from './primitives.ts';
import { decodeSessionData, SESSION_STORE_SALT } from './session-data.ts';

// 40 hex digits, ":" and "{" are 42 bytes = 56 base64 characters; standard alphabet with padding
const LEGACY_TEXT = /^[A-Za-z0-9+/]{56,}={0,2}$/;
const LEGACY_HEAD = /^[0-9a-f]{40}:\{$/;

/** Cheap shape check: the first 42 bytes must read `<40 hex>:{`. */
export function isLegacySessionData(value: string): boolean {
  if (value.length % 4 !== 0 || !LEGACY_TEXT.test(value)) return false;
  const head = base64Decode(value.slice(0, 56));
  return head !== null && LEGACY_HEAD.test(latin1(head));
}

function readPayload(value: string): Json | null {
  const raw = base64Decode(value);
  if (!raw) return null;
  try { return parsePythonJson(latin1(raw.subarray(41))); } catch { return null; }
}

export async function decodeLegacyValue(input: DecodeInput): Promise<DecodeResult> {
  const secrets = input.secrets ?? [];
  const salt = input.salt ?? SESSION_STORE_SALT;
  const result: DecodeResult = {
    format: 'django', kind: 'session-data', payload: readPayload(input.value), signature: secrets.length ? 'invalid' : 'unverified',
    compressed: false, timestamp: null, expired: null,
    reasons: ['base64 of 40 hex digits ":" JSON: stored session_data in the pre-3.1 legacy format (hex HMAC-SHA1)'],
  };
  if (result.payload === null) result.error = 'legacy session data: the part after the HMAC is not JSON';
  if (!secrets.length) return result;
  const verified = await decodeSessionData(input.value, { secretKeys: secrets, keySalt: salt });
  if (verified.ok && verified.legacy) {
    result.signature = 'valid';
    result.secretIndex = verified.keyIndex;
    result.matched = { salt, algorithm: 'sha1' };
    result.reasons.push(`HMAC-SHA1 verified with key SHA1("django.contrib.sessions" + class name + secret #${verified.keyIndex})`);
  } else {
    result.reasons.push(`no secret verified with salt "${salt}" (a project session class changes it: give --salt)`);
  }
  return result;
}
