// PHP native sessions: the cookie is an unsigned opaque id; the data lives in the server's sess_<id> file.
import type { Json } from '../../protocol/index.ts';
import type { DecodeInput, DecodeResult } from '../types.ts';
import { base64Decode, utf8Encode } from '../../util/bytes.ts';
import { errorResult, guardDecode, hinted, type FormatDecoder } from '../express/decoder-kit.ts';
import { decodePhpSessionFile, mayBePhpSessionFile, type PhpSessionFile } from './php-session-file.ts';
import { parsePhpSessionId, type PhpSessionId } from './php-session-id.ts';

const HINTS = ['php', 'php-session', 'phpsessid', 'php-session-files'];
const isPhpName = (input: DecodeInput): boolean => typeof input.name === 'string' && input.name.toUpperCase() === 'PHPSESSID';
/** An id alone proves nothing (JSESSIONID, Django keys look alike): claim it only with PHP evidence. */
const hasPhpEvidence = (input: DecodeInput): boolean =>
  isPhpName(input) || /php/i.test(input.name ?? '') || Boolean(input.serverRecord) || hinted(input, HINTS);

/** The session file behind the id, when the caller supplied the server record. */
function recordOf(input: DecodeInput): PhpSessionFile | null {
  const record = input.serverRecord;
  if (!record) return null;
  if (typeof record.contentBase64 === 'string') {
    const bytes = base64Decode(record.contentBase64);
    return bytes ? decodePhpSessionFile(bytes) : { ok: false, error: 'serverRecord.contentBase64 is not base64' };
  }
  return typeof record.content === 'string' ? decodePhpSessionFile(record.content) : null;
}

/** A value that is itself a session file (pasted from save_path), rather than an id. */
function fileValue(input: DecodeInput): PhpSessionFile | null {
  // Session data has `key|` (php), `a:` (php_serialize) or a control-byte key length (php_binary); an empty
  // value is an empty cookie, not an empty session file.
  if (input.value === '' || (!/[|:]/.test(input.value) && input.value.charCodeAt(0) >= 0x20)) return null;
  const bytes = utf8Encode(input.value);
  if (!mayBePhpSessionFile(bytes)) return null;
  const read = decodePhpSessionFile(bytes);
  return read.ok ? read : null;
}

function scorePhp(input: DecodeInput): number {
  const bonus = hinted(input, HINTS) ? 50 : 0;
  if (parsePhpSessionId(input.value)) return hasPhpEvidence(input) ? (isPhpName(input) ? 80 : 40) + bonus : 0;
  return fileValue(input) ? 30 + bonus : 0;
}

function result(kind: string, payload: Json, reasons: string[], parts: Record<string, string>, error?: string): DecodeResult {
  return {
    format: 'php', kind, payload, signature: 'not-applicable', compressed: false, timestamp: null, expired: null,
    expiresAt: null, reasons, parts, ...(error ? { error } : {}),
  };
}

function idResult(input: DecodeInput, sid: PhpSessionId): DecodeResult {
  const reasons = [`${sid.length}-character id from [${sid.charset}] (session.sid_bits_per_character=${sid.bitsPerCharacter}); PHP session ids are not signed`];
  if (isPhpName(input)) reasons.unshift('cookie name PHPSESSID is PHP\'s default session.name');
  const parts = { sessionId: sid.id, sessionFile: `sess_${sid.id}` };
  const record = recordOf(input);
  if (!record) return result('php-session-id', sid.id, [...reasons, 'the data lives server-side: give the session file to see it'], parts);
  if (!record.ok) return result('php-session-files', null, reasons, parts, `session file: ${record.error}`);
  return result('php-session-files', record.data, [...reasons, `session file decoded with serialize_handler=${record.handler}`], { ...parts, handler: record.handler });
}

async function decodePhp(input: DecodeInput): Promise<DecodeResult | null> {
  const sid = parsePhpSessionId(input.value);
  if (sid && hasPhpEvidence(input)) return idResult(input, sid);
  const file = fileValue(input);
  if (file?.ok) return result('php-session-file', file.data, [`value is PHP session data (serialize_handler=${file.handler})`], { handler: file.handler });
  return hinted(input, HINTS) ? errorResult('php', 'neither a PHP session id (22–256 chars of [0-9a-v], [0-9a-f] or [0-9a-zA-Z,-]) nor session file data', []) : null;
}

export const phpDecoder: FormatDecoder = {
  format: 'php',
  hints: HINTS,
  score: scorePhp,
  maxScore: 80,
  decode: (input) => guardDecode('php', () => decodePhp(input)),
};
