// The table's "Session" column: the decoders' own cheap, synchronous plausibility scores, so the
// column agrees with what the decoded view will show, without running any crypto per row.
import { decoders } from '../../core/decode/index.ts';

/** Scores at or above this mean "this value has the format's shape", not just a matching name. */
const MIN_SCORE = 50;
const MAX_CACHE = 20_000;
const cache = new Map<string, string | null>();

export function detectFormat(name: string, value: string): string | null {
  const key = `${name}\u0000${value}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  let best: string | null = null;
  let bestScore = MIN_SCORE - 1;
  for (const d of decoders) {
    let score = 0;
    try { score = d.score({ name, value }); } catch { score = 0; }
    if (score > bestScore) { bestScore = score; best = d.format; }
  }
  if (cache.size >= MAX_CACHE) cache.clear();
  cache.set(key, best);
  return best;
}
