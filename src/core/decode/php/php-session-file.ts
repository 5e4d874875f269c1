// PHP session files (`sess_<id>`) for the three serialize_handler layouts, decoded to json_encode($_SESSION).
import type { Json } from '../../protocol/index.ts';
import { utf8Encode } from '../../util/bytes.ts';
import { PhpReader } from './php-unserialize.ts';

export type PhpHandler = 'php' | 'php_serialize' | 'php_binary';
export const PHP_HANDLERS: PhpHandler[] = ['php_serialize', 'php', 'php_binary'];
export type PhpSessionFile = { ok: true; handler: PhpHandler; data: Json } | { ok: false; error: string };

const BAR = '|'.charCodeAt(0);

/** `php`: key|serialize(value) repeated; keys cannot contain `|`. One var table spans the whole file. */
function readPhp(reader: PhpReader): Json {
  const out: { [key: string]: Json } = {};
  while (!reader.done) {
    const end = reader.bytes.indexOf(BAR, reader.pos);
    if (end <= reader.pos) reader.fail('expected key|value');
    const key = reader.text(reader.bytes.subarray(reader.pos, end));
    reader.pos = end + 1;
    out[key] = reader.value();
  }
  return out;
}

/** `php_binary`: one length byte (< 128), the key bytes, then serialize(value); no separators. */
function readBinary(reader: PhpReader): Json {
  const out: { [key: string]: Json } = {};
  while (!reader.done) {
    const len = reader.bytes[reader.pos++] & 0x7f;
    if (len === 0 || reader.pos + len > reader.bytes.length) reader.fail('bad key length byte');
    const key = reader.text(reader.bytes.subarray(reader.pos, (reader.pos += len)));
    out[key] = reader.value();
  }
  return out;
}

/** `php_serialize`: serialize($_SESSION), one array. */
function readSerialize(reader: PhpReader): Json {
  if (reader.bytes[reader.pos] !== 'a'.charCodeAt(0)) reader.fail('php_serialize data must be one array (a:N:{…})');
  const value = reader.value();
  if (!reader.done) reader.fail('unexpected data after the array');
  return value;
}

const READERS: Record<PhpHandler, (r: PhpReader) => Json> = { php: readPhp, php_binary: readBinary, php_serialize: readSerialize };

function readWith(bytes: Uint8Array, handler: PhpHandler): PhpSessionFile {
  try {
    const data = READERS[handler](new PhpReader(bytes));
    // json_encode of an empty $_SESSION is [], but a session is a map: show it as {} like the vectors record.
    return { ok: true, handler, data: Array.isArray(data) && data.length === 0 ? {} : data };
  } catch (err) {
    return { ok: false, error: `${handler} handler: ${(err as Error).message}` };
  }
}

const COLON = 0x3a, SEMI = 0x3b;
const TYPED = new Set([...'RrbidsaOEC'].map((c) => c.charCodeAt(0)));

/** What unserialize needs to read its first value at `at`: a type letter, then `:` (or `N;`). */
function startsValue(bytes: Uint8Array, at: number): boolean {
  const type = bytes[at], next = bytes[at + 1];
  return type === 0x4e /* N */ ? next === SEMI : TYPED.has(type) && next === COLON;
}

/**
 * A cheap necessary condition for decodePhpSessionFile(bytes) to succeed without a handler: false means every
 * layout fails on its first value. Detection asks this of every cookie, and a failed parse costs an exception.
 */
export function mayBePhpSessionFile(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return true;
  if (bytes[0] === 0x61 /* a */ && bytes[1] === COLON) return true; // php_serialize
  const bar = bytes.indexOf(BAR);
  if (bar > 0 && startsValue(bytes, bar + 1)) return true; // php
  const len = bytes[0] & 0x7f; // php_binary
  return len > 0 && startsValue(bytes, 1 + len);
}

/**
 * Decodes a session file's content. Without `handler`, each layout is tried (php_serialize, php, php_binary)
 * and the first that consumes the whole file wins. Never throws.
 */
export function decodePhpSessionFile(content: string | Uint8Array, handler?: PhpHandler): PhpSessionFile {
  const bytes = typeof content === 'string' ? utf8Encode(content) : content;
  if (bytes.length === 0) return { ok: true, handler: handler ?? 'php', data: {} };
  if (handler) return PHP_HANDLERS.includes(handler) ? readWith(bytes, handler) : { ok: false, error: `unknown serialize_handler ${JSON.stringify(handler)}` };
  const errors: string[] = [];
  for (const h of PHP_HANDLERS) {
    const read = readWith(bytes, h);
    if (read.ok) return read;
    errors.push(read.error);
  }
  return { ok: false, error: `not a PHP session file: ${errors.join('; ')}` };
}
