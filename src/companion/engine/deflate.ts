// zlib.compress(data) (level 6, CPython's default) with one deflate state kept across calls. pako's one-shot
// deflate() allocates and zeroes ~260 KB of state per call (window, hash chains, pending buffer), which was a
// seventh of a signed_cookies request. Resetting re-initialises the same state exactly as zlib's deflateReset (the
// hash heads are cleared; the window is only read up to what this call wrote), so the bytes stay pako's — the
// same as CPython's zlib, which the signatures depend on. Node's own zlib is not used: it is Chromium's fork,
// whose match finder emits different (valid) bytes. Node-only (createRequire), like the rest of the companion.
import { createRequire } from 'node:module';

interface DeflateState {
  w_size: number; window_size: number; head: Uint16Array; max_lazy_match: number; good_match: number; nice_match: number;
  max_chain_length: number; strstart: number; block_start: number; lookahead: number; insert: number;
  match_length: number; prev_length: number; match_available: number; ins_h: number;
}
interface ZStream {
  input: Uint8Array | null; next_in: number; avail_in: number; total_in: number;
  output: Uint8Array | null; next_out: number; avail_out: number; total_out: number; state: DeflateState;
}
interface PakoDeflate {
  deflateInit2(strm: ZStream, level: number, method: number, windowBits: number, memLevel: number, strategy: number, legacyHash: boolean): number;
  deflateResetKeep(strm: ZStream): number;
  deflate(strm: ZStream, flush: number): number;
}

const require = createRequire(import.meta.url);
const zlib = require('pako/lib/zlib/deflate.js') as PakoDeflate;
const ZStreamCtor = require('pako/lib/zlib/zstream.js') as new () => ZStream;

const Z_OK = 0, Z_STREAM_END = 1, Z_FINISH = 4, Z_DEFLATED = 8;
const LEVEL = 6, WINDOW_BITS = 15, MEM_LEVEL = 8, STRATEGY_DEFAULT = 0;
// pako 2.2's default: the classic zlib hash (CPython's bytes); the other one mimics Chromium's zlib
const LEGACY_HASH = true;

let stream: ZStream | null = null;
/** the level's match parameters, as deflateInit2 left them */
let tuning: Pick<DeflateState, 'max_lazy_match' | 'good_match' | 'nice_match' | 'max_chain_length'> | null = null;

function resetStream(): ZStream {
  if (stream && tuning && zlib.deflateResetKeep(stream) === Z_OK) {
    initMatcher(stream.state, tuning);
    return stream;
  }
  const s = new ZStreamCtor();
  const status = zlib.deflateInit2(s, LEVEL, Z_DEFLATED, WINDOW_BITS, MEM_LEVEL, STRATEGY_DEFAULT, LEGACY_HASH);
  if (status !== Z_OK) throw new Error(`deflateInit2 failed (${status})`);
  const { max_lazy_match, good_match, nice_match, max_chain_length } = s.state;
  tuning = { max_lazy_match, good_match, nice_match, max_chain_length };
  stream = s;
  return s;
}

/**
 * zlib's lm_init (what deflateReset adds to deflateResetKeep), with a native fill for the hash heads: pako
 * clears those 32768 entries one by one, 30-70 us per call, more than the compression of a session itself.
 */
function initMatcher(st: DeflateState, t: NonNullable<typeof tuning>): void {
  st.window_size = 2 * st.w_size;
  st.head.fill(0);
  st.max_lazy_match = t.max_lazy_match; st.good_match = t.good_match; st.nice_match = t.nice_match;
  st.max_chain_length = t.max_chain_length;
  st.strstart = 0; st.block_start = 0; st.lookahead = 0; st.insert = 0;
  st.match_length = st.prev_length = 2; // MIN_MATCH - 1
  st.match_available = 0; st.ins_h = 0;
}

/** zlib.compress(bytes) at level 6: the same bytes as pako.deflate(bytes, { level: 6 }). */
export function compressZlib(bytes: Uint8Array): Uint8Array {
  const s = resetStream();
  s.input = bytes; s.next_in = 0; s.avail_in = bytes.length;
  // zlib's deflateBound for these parameters plus slack: one pass normally suffices
  const size = bytes.length + (bytes.length >> 12) + (bytes.length >> 14) + (bytes.length >> 25) + 64;
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    s.output = new Uint8Array(size); s.next_out = 0; s.avail_out = size;
    const status = zlib.deflate(s, Z_FINISH);
    if (status !== Z_OK && status !== Z_STREAM_END) { stream = null; throw new Error(`deflate failed (${status})`); }
    chunks.push(s.output.subarray(0, s.next_out));
    total += s.next_out;
    if (status === Z_STREAM_END) break;
  }
  s.input = null; s.output = null;
  return chunks.length === 1 ? chunks[0] : joinChunks(chunks, total);
}

function joinChunks(chunks: Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) { out.set(c, o); o += c.length; }
  return out;
}
