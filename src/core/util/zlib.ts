// zlib (RFC 1950) for signed cookies. Inflation is bounded because cookie payloads are attacker-controlled:
// a few hundred bytes of deflate data can expand to gigabytes.
import { Unzlib, unzlibSync } from 'fflate';
import { deflate } from 'pako';

export const DEFAULT_INFLATE_CAP = 1024 * 1024;
// Deflate expands at most ~1032:1, so feeding small input slices keeps each step's output bounded too.
const INPUT_SLICE = 256;

export class InflateError extends Error {}

// Fast path: one-shot inflate into a reused buffer. fflate drops writes past a caller's buffer instead of growing
// it, so an output that reaches the buffer's end may be cut and goes to the streaming path; so does every
// failure, which then gets its exact error. The input limit bounds the work of a bomb to ~1032 x 4 KB.
const FAST_MAX_INPUT = 4096;
const scratch = new Uint8Array(64 * 1024);

/** Inflates a zlib stream, refusing (InflateError) output past `maxBytes`, corrupt data or a bad Adler-32. */
export function inflateCapped(bytes: Uint8Array, maxBytes = DEFAULT_INFLATE_CAP): Uint8Array {
  if (bytes.length < 6) throw new InflateError('zlib data is truncated');
  const fast = bytes.length <= FAST_MAX_INPUT ? inflateOneShot(bytes, maxBytes) : null;
  return fast ?? inflateStreaming(bytes, maxBytes);
}

/** The inflated bytes when the one-shot inflate certainly saw the whole output and it checks out, else null. */
export function inflateOneShot(bytes: Uint8Array, maxBytes = DEFAULT_INFLATE_CAP): Uint8Array | null {
  let out: Uint8Array;
  try {
    out = unzlibSync(bytes, { out: scratch });
  } catch {
    return null;
  }
  if (out.length >= scratch.length || out.length > maxBytes || readAdler(bytes) !== adler32(out)) return null;
  return out.slice();
}

/** Inflates small input slices so each step's output stays bounded, stopping as soon as the cap is passed. */
export function inflateStreaming(bytes: Uint8Array, maxBytes = DEFAULT_INFLATE_CAP): Uint8Array {
  if (bytes.length < 6) throw new InflateError('zlib data is truncated');
  const chunks: Uint8Array[] = [];
  let total = 0;
  let ended = false;
  const stream = new Unzlib((chunk, final) => {
    total += chunk.length;
    if (total > maxBytes) throw new InflateError(`compressed payload inflates past ${maxBytes} bytes; refused`);
    chunks.push(chunk);
    if (final) ended = true;
  });
  try {
    for (let i = 0; i < bytes.length; i += INPUT_SLICE) {
      const end = Math.min(i + INPUT_SLICE, bytes.length);
      stream.push(bytes.subarray(i, end), end === bytes.length);
    }
  } catch (err) {
    if (err instanceof InflateError) throw err;
    throw new InflateError(`invalid zlib data: ${(err as Error).message}`);
  }
  if (!ended) throw new InflateError('zlib data is truncated');
  const out = joinChunks(chunks, total);
  if (readAdler(bytes) !== adler32(out)) throw new InflateError('zlib checksum mismatch');
  return out;
}

/**
 * zlib.compress at level 6 (CPython's default). pako is a line-by-line port of zlib and emits the same bytes,
 * which re-signing needs: Django and Flask signatures cover the compressed text.
 */
export function deflateZlib(bytes: Uint8Array, level: -1 | 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 = 6): Uint8Array {
  return deflate(bytes, { level });
}

function joinChunks(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) { out.set(c, o); o += c.length; }
  return out;
}

function readAdler(bytes: Uint8Array): number {
  const n = bytes.length;
  return ((bytes[n - 4] << 24) | (bytes[n - 3] << 16) | (bytes[n - 2] << 8) | bytes[n - 1]) >>> 0;
}

export function adler32(bytes: Uint8Array): number {
  let a = 1, b = 0;
  for (let i = 0; i < bytes.length; ) {
    const end = Math.min(i + 3800, bytes.length);
    for (; i < end; i++) { a += bytes[i]; b += a; }
    a %= 65521; b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}
