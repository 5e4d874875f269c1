// weak-session-id for one cookie: the opaque id inside its value, judged alone and against earlier ids.
import { analyseIdSample, estimateIdBits } from './entropy.ts';
import { sniffFormat, unquotedValue } from './classify.ts';
import type { Hit } from './finding.ts';

const MIN_BITS = 64;
const describeBits = (bits: number): string => (bits < 1 ? 'no bits' : `only about ${Math.round(bits)} bits`);

/** The opaque id a session cookie carries, or null when the value is a signed/structured session. */
export function extractSessionId(value: string): string | null {
  const v = unquotedValue(value);
  const format = sniffFormat(value);
  if (format === 'express-session') return v.slice(2, v.lastIndexOf('.'));
  if (format !== null) return null;
  return /^[\x21-\x7e]+$/.test(v) || v === '' ? v : null;
}

/** `distinct`: `history` holds no repeated id (see analyseIdSample) */
export function checkSessionId(id: string, history: string[], evidence: string, distinct = false): Hit | null {
  const single = estimateIdBits(id);
  if (single.bits < MIN_BITS) {
    const why = single.pattern ? ` (${single.pattern})` : '';
    return { rule: 'weak-session-id', message: `session id has about ${Math.round(single.bits)} bits of entropy${why}, under 64`, evidence };
  }
  const sample = analyseIdSample(history, distinct);
  if (sample && sample.bits < MIN_BITS) {
    return { rule: 'weak-session-id', message: `observed ids are predictable: ${sample.pattern} (${describeBits(sample.bits)} vary)`, evidence: `${evidence} (${new Set(history).size} ids compared)` };
  }
  return null;
}
