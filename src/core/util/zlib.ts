// zlib (RFC 1950) for signed cookies. Inflation is bounded because cookie payloads are attacker-controlled:
// a few hundred bytes of deflate data can expand to gigabytes.
import { Unzlib } from 'fflate';
import { inflateRawInto } from './inflate.ts';
import { deflate } from 'pako';

export const DEFAULT_INFLATE_CAP = 1024 * 1024;
// Deflate expands at most ~1032:1, so feeding small input slices keeps each step's output bounded too.
const INPUT_SLICE = 256;

export class InflateError extends Error {}

// Fast path: one-shot inflate (inflate.ts) into a reused buffer, bounded by the buffer and the cap. Anything it
// declines (too large, corrupt, unusual) goes to the streaming path, which then gets its exact error. The input
// limit bounds the work of a bomb to ~1032 x 4 KB.
const FAST_MAX_INPUT = 4096;
const scratch = new Uint8Array(64 * 1024);

/** Inflates a zlib stream, refusing (InflateError) output past `maxBytes`, corrupt data or a bad Adler-32. */
export function inflateCapped(bytes: Uint8Array, maxBytes = DEFAULT_INFLATE_CAP): Uint8Array {
  const out = inflateCappedTransient(bytes, maxBytes);
  return out.buffer === scratch.buffer ? out.slice() : out;
}

/**
 * inflateCapped whose result may be a view of a buffer that the next inflate overwrites: for callers that read
 * it at once (decode it to text), it saves allocating and copying the output.
 */
export function inflateCappedTransient(bytes: Uint8Array, maxBytes = DEFAULT_INFLATE_CAP): Uint8Array {
  if (bytes.length < 6) throw new InflateError('zlib data is truncated');
  const n = bytes.length <= FAST_MAX_INPUT ? inflateFast(bytes, maxBytes) : -1;
  return n >= 0 ? scratch.subarray(0, n) : inflateStreaming(bytes, maxBytes);
}

/** The inflated bytes when the one-shot inflate decoded the whole stream within the cap and it checks out, else null. */
export function inflateOneShot(bytes: Uint8Array, maxBytes = DEFAULT_INFLATE_CAP): Uint8Array | null {
  const n = inflateFast(bytes, maxBytes);
  return n < 0 ? null : scratch.slice(0, n);
}

/** Output length in `scratch`, or -1 when the one-shot inflate declines. */
function inflateFast(bytes: Uint8Array, maxBytes: number): number {
  if (bytes.length < 6 || !isZlibHeader(bytes[0], bytes[1]) || maxBytes < 0) return -1;
  const room = maxBytes < scratch.length ? scratch.subarray(0, maxBytes) : scratch;
  // Like fflate's unzlibSync: the deflate data lies between the 2-byte header and the 4-byte Adler-32.
  const n = inflateRawInto(bytes, 2, bytes.length - 4, room);
  return n < 0 || readAdler(bytes) !== adler32(room, n) ? -1 : n;
}

// CM 8 (deflate), a window of at most 32 KB, FCHECK, no preset dictionary
const isZlibHeader = (cmf: number, flg: number): boolean => (cmf & 15) === 8 && cmf >> 4 <= 7 && ((cmf << 8) | flg) % 31 === 0 && !(flg & 32);

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

export function adler32(bytes: Uint8Array, length = bytes.length): number {
  let a = 1, b = 0;
  for (let i = 0; i < length; ) {
    const end = Math.min(i + 3800, length);
    for (; i < end; i++) { a += bytes[i]; b += a; }
    a %= 65521; b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}
