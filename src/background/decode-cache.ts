// Decoding (and guessing weak secrets by HMAC) is the costly part of auditing a cookie, and real traffic
// re-sends the same few values over and over across tabs: one decode per distinct (name, value, companion)
// serves them all. Bounded, oldest entry first out, so a long browsing session cannot grow it.
import type { DecodeInput, DecodeResult } from '../core/decode/types.ts';

export const DECODE_CACHE_SIZE = 2000;

export type DecodeFn = (input: DecodeInput) => Promise<DecodeResult>;

export interface CachedDecode extends DecodeFn { hits: number; misses: number }

/** `decode` memoised per distinct input (the current time aside: the audit rules do not depend on it). */
export function cacheDecodes(decode: DecodeFn, max = DECODE_CACHE_SIZE): CachedDecode {
  const cache = new Map<string, Promise<DecodeResult>>();
  const cached = ((input: DecodeInput) => {
    const key = keyOf(input);
    const hit = cache.get(key);
    if (hit) {
      cached.hits++;
      return hit;
    }
    cached.misses++;
    const result = decode(input);
    cache.set(key, result);
    if (cache.size > max) cache.delete(cache.keys().next().value!);
    return result;
  }) as CachedDecode;
  cached.hits = 0;
  cached.misses = 0;
  return cached;
}

function keyOf(input: DecodeInput): string {
  const companion = input.companion?.map((c) => `${c.name}=${c.value}`).join(';') ?? '';
  const rest = JSON.stringify([input.secrets ?? [], input.salt, input.keyPrefix, input.purpose, input.maxAge, input.format]);
  return `${input.name ?? ''}\u0000${input.value}\u0000${companion}\u0000${rest}`;
}
