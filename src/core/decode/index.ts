// decodeCookie: picks the format (hint, name, value shape, companions), tries every plausible decoder and returns
// the best result: a verified signature beats a clean decode, which beats a merely plausible one.
import type { DecodeInput, DecodeResult } from './types.ts';
import { decoders, type FormatDecoder } from './registry.ts';
import { decodeGeneric } from './generic/decoder.ts';
import { sanitizeInput } from './input.ts';

export type { DecodeInput, DecodeResult, Format, SignatureStatus } from './types.ts';
export { decoders, type FormatDecoder } from './registry.ts';

interface Candidate { decoder: FormatDecoder; score: number }

/** Never throws: any failure becomes a result with `error`. */
export async function decodeCookie(raw: DecodeInput): Promise<DecodeResult> {
  const checked = sanitizeInput(raw);
  if (typeof checked === 'string') return errorResult('unknown', checked);
  const input = checked;
  const hinted = pickHinted(input.format);
  const pool = hinted ?? decoders;
  // Without a hint, the decoder that must come first in the ranking is often known before every score is: when
  // its value verifies, the full ranking would stop there too, so the other scores are never needed.
  const lead = input.format === undefined ? findLeader(input) : null;
  let leadResult: DecodeResult | null = null;
  if (lead?.decoder) {
    leadResult = await safeDecode(lead.decoder, input);
    if (leadResult && rankResult(leadResult) === 3) return leadResult;
  }
  const candidates = rank(pool, input, hinted !== null, lead?.scores);
  let best: { result: DecodeResult; rank: number } | null = null;
  const others: string[] = [];
  for (const { decoder } of candidates) {
    const result = decoder === lead?.decoder ? leadResult : await safeDecode(decoder, input);
    if (!result) continue;
    const r = rankResult(result);
    if (best && r <= best.rank) others.push(describeRunnerUp(result));
    else {
      if (best) others.push(describeRunnerUp(best.result));
      best = { result, rank: r };
    }
    if (r === 3) break;
  }
  if (best) {
    if (others.length) best.result.reasons.push(`also plausible: ${others.join('; ')}`);
    return best.result;
  }
  const generic = await decodeGeneric(input);
  if (hinted && hinted.length > 0) generic.reasons.unshift(`the value does not look like ${input.format}`);
  return generic;
}

interface Leader { decoder: FormatDecoder | null; scores: number[] }

/**
 * Scores `decoders` in order until the best so far cannot be outranked: every decoder left has a maxScore no
 * higher (a tie keeps registry order, as the stable sort in rank() does). `scores` holds what was computed.
 */
function findLeader(input: DecodeInput): Leader {
  const scores: number[] = [];
  let best = -1;
  for (let i = 0; i < decoders.length; i++) {
    scores.push(safeScore(decoders[i], input));
    if (scores[i] > (best < 0 ? 0 : scores[best])) best = i;
    if (best >= 0 && noneCanOutrank(i + 1, scores[best])) return { decoder: decoders[best], scores };
  }
  return { decoder: null, scores };
}

function noneCanOutrank(from: number, score: number): boolean {
  for (let j = from; j < decoders.length; j++) if ((decoders[j].maxScore ?? Infinity) > score) return false;
  return true;
}

function pickHinted(hint: string | undefined): FormatDecoder[] | null {
  if (!hint) return null;
  const wanted = hint.trim().toLowerCase();
  if (wanted === 'unknown' || wanted === 'generic' || wanted === 'opaque') return [];
  const matches = decoders.filter((d) => d.format === wanted || d.hints.includes(wanted));
  return matches.length ? matches : null; // unknown hints are ignored
}

/** `known` holds scores already computed for the first decoders of `pool` (scores are pure). */
function rank(pool: FormatDecoder[], input: DecodeInput, hinted: boolean, known: number[] = []): Candidate[] {
  const scored = pool.map((decoder, i) => ({ decoder, score: i < known.length ? known[i] : safeScore(decoder, input) }));
  // A hint means "this is the format": try it even when the value looks odd for it.
  return scored.filter((c) => hinted || c.score > 0).sort((a, b) => b.score - a.score);
}

function safeScore(decoder: FormatDecoder, input: DecodeInput): number {
  try {
    const s = decoder.score(input);
    return Number.isFinite(s) ? s : 0;
  } catch {
    return 0;
  }
}

async function safeDecode(decoder: FormatDecoder, input: DecodeInput): Promise<DecodeResult | null> {
  try {
    return await decoder.decode(input);
  } catch (err) {
    return errorResult(decoder.format, `${decoder.format} decoder failed: ${(err as Error)?.message ?? String(err)}`);
  }
}

function describeRunnerUp(r: DecodeResult): string {
  return `${r.format}${r.kind ? ` (${r.kind})` : ''}, signature ${r.signature}${r.error ? `, ${r.error}` : ''}`;
}

/** 3 = signature verified, 2 = decoded cleanly, 1 = plausible but with errors. */
function rankResult(result: DecodeResult): number {
  if (result.signature === 'valid') return 3;
  if (result.payload !== null && !result.error) return 2;
  return 1;
}

function errorResult(format: DecodeResult['format'], error: string): DecodeResult {
  return { format, payload: null, signature: 'unverified', compressed: null, timestamp: null, expired: null, reasons: [], error };
}
