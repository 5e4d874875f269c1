// A one-shot raw-deflate decoder for small streams (cookie payloads of a few hundred bytes). zlib compresses
// them with dynamic Huffman blocks, and fflate builds a full 2^maxbits lookup table per code (up to 32,768
// entries) for each: most of its time on a cookie. Here a code gets a table of 2^min(longest code, 9) entries,
// built from the used symbols only, a canonical (count/symbol) walk for longer codes, and every table is reused.
// Strict: anything that is not a complete, valid stream fitting the output buffer returns -1, so callers can fall
// back to a full decoder for the exact error.

const FAST_BITS = 9;
const LEN_BASE = Uint16Array.of(3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258);
const LEN_EXTRA = Uint8Array.of(0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0);
const DIST_BASE = Uint16Array.of(1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577);
const DIST_EXTRA = Uint8Array.of(0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13);
const CODE_LENGTH_ORDER = Uint8Array.of(16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15);

const REVERSED = new Uint16Array(1 << FAST_BITS);
for (let i = 0; i < REVERSED.length; i++) {
  let r = 0;
  for (let b = 0; b < FAST_BITS; b++) if (i & (1 << b)) r |= 1 << (FAST_BITS - 1 - b);
  REVERSED[i] = r;
}

/** A canonical Huffman code: `fast` maps the next 9 input bits to (symbol << 4) | length, 0 = longer code. */
class Huffman {
  readonly count = new Uint16Array(16);
  readonly symbol: Uint16Array;
  readonly fast = new Uint16Array(1 << FAST_BITS);
  /** bits looked up in `fast`: the longest code when that is shorter than FAST_BITS (a smaller table to fill) */
  fastBits = FAST_BITS;
  private readonly next = new Uint16Array(16);
  /** per length: the first canonical code, and the index in `symbol` of the first symbol with that length */
  private readonly firstCode = new Int32Array(16);
  private readonly firstIndex = new Uint16Array(16);
  constructor(size: number) { this.symbol = new Uint16Array(size); }

  /** The (symbol << 4) | length entry for the next code in `buf` (at least 15 bits held); 0 = no such code. */
  lookup(buf: number): number {
    const entry = this.fast[buf & ((1 << this.fastBits) - 1)];
    return entry !== 0 ? entry : this.lookupLong(buf);
  }

  /** A code longer than the table: the canonical walk (puff's decode), resumed after the table's bits. */
  private lookupLong(buf: number): number {
    const { fastBits, count, firstCode, firstIndex } = this;
    let code = REVERSED[(buf & ((1 << fastBits) - 1)) << (FAST_BITS - fastBits)];
    for (let len = fastBits + 1; len < 16; len++) {
      code = (code << 1) | ((buf >> (len - 1)) & 1);
      const offset = code - firstCode[len];
      if (offset >= 0 && offset < count[len]) return (this.symbol[firstIndex[len] + offset] << 4) | len;
    }
    return 0;
  }

  /**
   * Builds the code from the lengths at `lengths[from + s]` of the used symbols `s` (ascending, each length
   * non-zero); false unless the code is complete (as zlib makes them).
   */
  build(lengths: Uint8Array, from: number, { list: used, n, count: counted }: UsedSymbols): boolean {
    const { count } = this;
    count.set(counted);
    let left = 1;
    for (let len = 1; len < 16; len++) {
      left = (left << 1) - count[len];
      if (left < 0) return false;
    }
    if (left !== 0) return false;
    let longest = 15;
    while (count[longest] === 0) longest--;
    this.fastBits = Math.min(longest, FAST_BITS);
    if (longest > FAST_BITS) this.sortSymbols(lengths, from, used, n);
    this.fillFast(lengths, from, used, n);
    return true;
  }

  /** Symbols in code order, and where each length starts, for lookupLong. */
  private sortSymbols(lengths: Uint8Array, from: number, used: Uint16Array, n: number): void {
    const { count, symbol, next, firstCode, firstIndex } = this;
    next[1] = 0;
    for (let len = 1; len < 15; len++) next[len + 1] = next[len] + count[len];
    firstIndex.set(next);
    for (let len = 1, code = 0; len < 16; len++) { code = (code + (len > 1 ? count[len - 1] : 0)) << 1; firstCode[len] = code; }
    for (let k = 0; k < n; k++) symbol[next[lengths[from + used[k]]]++] = used[k];
  }

  private fillFast(lengths: Uint8Array, from: number, used: Uint16Array, n: number): void {
    const { count, fast, next, fastBits } = this;
    const size = 1 << fastBits;
    fast.fill(0, 0, size);
    let code = 0;
    // first code of each length (RFC 1951 3.2.2)
    for (let len = 1; len <= fastBits; len++) { code = (code + (len > 1 ? count[len - 1] : 0)) << 1; next[len] = code; }
    for (let k = 0; k < n; k++) {
      const len = lengths[from + used[k]];
      if (len > fastBits) continue;
      const entry = (used[k] << 4) | len;
      for (let r = REVERSED[next[len]++ << (FAST_BITS - len)]; r < size; r += 1 << len) fast[r] = entry;
    }
  }
}

/** Symbols with a non-zero length, for building a code: `n` of them in `list`, and how many have each length. */
class UsedSymbols {
  readonly list: Uint16Array;
  readonly count = new Uint16Array(16);
  n = 0;
  constructor(size: number) { this.list = new Uint16Array(size); }
  reset(): void { this.n = 0; this.count.fill(0); }
  add(symbol: number, length: number): void { this.list[this.n++] = symbol; this.count[length]++; }
  collect(lengths: Uint8Array, from: number, count: number): this {
    this.reset();
    for (let s = 0; s < count; s++) if (lengths[from + s]) this.add(s, lengths[from + s]);
    return this;
  }
}

const lit = new Huffman(288);
const dist = new Huffman(32);
const codeLengthCode = new Huffman(19);
const lengths = new Uint8Array(288 + 32);
const litUsed = new UsedSymbols(288);
const distUsed = new UsedSymbols(32);

/** Bit reader over data[pos, end); reads past the end as zero bits and lets the caller check `overrun`. */
class Bits {
  data: Uint8Array = new Uint8Array(0);
  pos = 0;
  end = 0;
  buf = 0;
  count = 0;

  reset(data: Uint8Array, start: number, end: number): void { this.data = data; this.pos = start; this.end = end; this.buf = 0; this.count = 0; }

  /**
   * Makes at least 17 bits available (the longest single read is a 16-bit field). At most 24 are held, so the
   * buffer is a small non-negative integer: `>>` shifts it like `>>>` would, and keeps it an int32 for the JIT
   * (an unsigned shift result made V8 fall back to doubles: a quarter slower).
   */
  fill(): void {
    while (this.count < 17) {
      this.buf |= (this.pos < this.end ? this.data[this.pos] : 0) << this.count;
      this.pos++;
      this.count += 8;
    }
  }

  take(n: number): number {
    if (this.count < n) this.fill();
    const v = this.buf & ((1 << n) - 1);
    this.buf >>= n;
    this.count -= n;
    return v;
  }

  /** True once bits past the end were consumed (not merely buffered). */
  overrun(): boolean { return this.pos - (this.count >> 3) > this.end; }

  decode(h: Huffman): number {
    if (this.count < 15) this.fill();
    const entry = h.lookup(this.buf);
    if (entry === 0) return -1;
    this.buf >>= entry & 15;
    this.count -= entry & 15;
    return entry >> 4;
  }
}

const bits = new Bits();

/**
 * Inflates the raw deflate stream in data[start, end) into `out`. Returns the output length, or -1 when the
 * stream is invalid, incomplete, uses an incomplete Huffman code, or does not fit in `out`.
 */
export function inflateRawInto(data: Uint8Array, start: number, end: number, out: Uint8Array): number {
  bits.reset(data, start, end);
  let o = 0, final = 0;
  do {
    final = bits.take(1);
    const type = bits.take(2);
    if (type === 0) o = storedBlock(out, o);
    else if (type === 1) o = fixedCodes() ? huffmanBlock(out, o) : -1;
    else if (type === 2) o = dynamicCodes() ? huffmanBlock(out, o) : -1;
    else return -1;
    if (o < 0 || bits.overrun()) return -1;
  } while (!final);
  return o;
}

function storedBlock(out: Uint8Array, o: number): number {
  bits.take(bits.count & 7); // to the byte boundary: whole bytes are left in the bit buffer
  const len = bits.take(16), nlen = bits.take(16);
  if ((len ^ 0xffff) !== nlen) return -1;
  for (let i = 0; i < len; i++) {
    if (o >= out.length) return -1;
    out[o++] = bits.take(8);
  }
  return o;
}

let fixedBuilt = false;
function fixedCodes(): boolean {
  if (fixedBuilt) return true;
  lengths.fill(8, 0, 144); lengths.fill(9, 144, 256); lengths.fill(7, 256, 280); lengths.fill(8, 280, 288);
  lengths.fill(5, 288, 288 + 30);
  // The fixed distance code has 30 used symbols of 32 (an incomplete code); 30 and 31 are decoded and refused.
  lengths.fill(5, 288 + 30, 288 + 32);
  fixedBuilt = buildCode(lit, 0, litUsed.collect(lengths, 0, 288)) && buildCode(dist, 288, distUsed.collect(lengths, 288, 32));
  return fixedBuilt;
}

const buildCode = (h: Huffman, from: number, used: UsedSymbols): boolean => h.build(lengths, from, used);

function dynamicCodes(): boolean {
  fixedBuilt = false; // the shared tables now hold this block's codes
  const nlen = bits.take(5) + 257, ndist = bits.take(5) + 1, ncode = bits.take(4) + 4;
  if (nlen > 286 || ndist > 30) return false;
  lengths.fill(0, 0, 19);
  for (let i = 0; i < ncode; i++) lengths[CODE_LENGTH_ORDER[i]] = bits.take(3);
  if (!buildCode(codeLengthCode, 0, litUsed.collect(lengths, 0, 19))) return false;
  return readLengths(nlen, ndist) && buildCode(lit, 0, litUsed) && buildCode(dist, nlen, distUsed);
}

/**
 * Decodes the literal/length and distance code lengths into `lengths`, listing the used symbols of each. Code
 * length codes have at most 7 bits, so they are all in the lookup table; with their extra bits (at most 7) one
 * refill per symbol is enough. The bit buffer is in locals, as in huffmanBlock.
 */
function readLengths(nlen: number, ndist: number): boolean {
  const total = nlen + ndist;
  lengths.fill(0, 0, total);
  litUsed.reset(); distUsed.reset();
  const { data, end } = bits;
  const table = codeLengthCode.fast, mask = (1 << codeLengthCode.fastBits) - 1;
  let { buf, count, pos } = bits;
  for (let i = 0, prev = -1; i < total;) {
    while (count < 17) { buf |= (pos < end ? data[pos] : 0) << count; pos++; count += 8; }
    const entry = table[buf & mask];
    if (entry === 0) return false;
    buf >>= entry & 15; count -= entry & 15;
    let value = entry >> 4, repeat = 1;
    if (value === 16) {
      if (prev < 0) return false;
      value = prev; repeat = 3 + (buf & 3); buf >>= 2; count -= 2;
    } else if (value === 17) {
      value = 0; repeat = 3 + (buf & 7); buf >>= 3; count -= 3;
    } else if (value === 18) {
      value = 0; repeat = 11 + (buf & 127); buf >>= 7; count -= 7;
    }
    if (i + repeat > total) return false;
    prev = value;
    if (value === 0) { i += repeat; continue; }
    for (; repeat > 0; repeat--, i++) {
      lengths[i] = value;
      if (i < nlen) litUsed.add(i, value); else distUsed.add(i - nlen, value);
    }
  }
  bits.buf = buf; bits.count = count; bits.pos = pos;
  return lengths[256] !== 0; // else no end-of-block code
}

// The hot loop, with the bit buffer in locals (fields cost a load and a store per step). Each refill tops the
// buffer up to at least 17 bits, enough for the next field (a code of at most 15 bits, extra bits of at most 13).
function huffmanBlock(out: Uint8Array, o: number): number {
  const { data, end } = bits;
  const litFast = lit.fast, litMask = (1 << lit.fastBits) - 1, distFast = dist.fast, distMask = (1 << dist.fastBits) - 1;
  let { buf, count, pos } = bits;
  for (;;) {
    while (count < 17) { buf |= (pos < end ? data[pos] : 0) << count; pos++; count += 8; }
    let sym = litFast[buf & litMask];
    if (sym === 0 && (sym = lit.lookup(buf)) === 0) return -1;
    buf >>= sym & 15; count -= sym & 15; sym >>= 4;
    if (sym < 256) {
      if (o >= out.length) return -1;
      out[o++] = sym;
      continue;
    }
    if (sym === 256) { bits.buf = buf; bits.count = count; bits.pos = pos; return o; }
    const l = sym - 257;
    if (l >= 29) return -1;
    const lenExtra = LEN_EXTRA[l];
    const len = LEN_BASE[l] + (buf & ((1 << lenExtra) - 1));
    buf >>= lenExtra; count -= lenExtra;
    while (count < 17) { buf |= (pos < end ? data[pos] : 0) << count; pos++; count += 8; }
    let d = distFast[buf & distMask];
    if (d === 0 && (d = dist.lookup(buf)) === 0) return -1;
    buf >>= d & 15; count -= d & 15; d >>= 4;
    if (d >= 30) return -1;
    while (count < 17) { buf |= (pos < end ? data[pos] : 0) << count; pos++; count += 8; }
    const distExtra = DIST_EXTRA[d];
    const back = DIST_BASE[d] + (buf & ((1 << distExtra) - 1));
    buf >>= distExtra; count -= distExtra;
    // Output is bounded by `out`, so a stream running on past its end stops here or at the overrun check after.
    if (back > o || o + len > out.length) return -1;
    for (let i = 0; i < len; i++, o++) out[o] = out[o - back];
  }
}
