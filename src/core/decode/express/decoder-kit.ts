// Pieces every decoder in this group shares: the decoder shape and the "never throw" wrapper.
import type { DecodeInput, DecodeResult, Format } from '../types.ts';

export type { FormatDecoder } from '../registry.ts';

/** A result that carries only an error: nothing could be read. */
export function errorResult(format: Format, error: string, reasons: string[] = []): DecodeResult {
  return { format, payload: null, signature: 'unverified', compressed: null, timestamp: null, expired: null, reasons, error };
}

/** Runs a decoder body so that any exception becomes a result with `error` (decoders must never throw). */
export async function guardDecode(format: Format, body: () => Promise<DecodeResult | null>): Promise<DecodeResult | null> {
  try {
    return await body();
  } catch (err) {
    return errorResult(format, `${format} decoder failed: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** The current time in unix seconds unless the caller fixed `now`. */
export const nowSeconds = (input: DecodeInput): number =>
  typeof input.now === 'number' && Number.isFinite(input.now) ? input.now : Math.floor(Date.now() / 1000);

/** True when the caller's `format` hint names this decoder (case-insensitive). */
export const hinted = (input: DecodeInput, hints: string[]): boolean =>
  typeof input.format === 'string' && hints.includes(input.format.toLowerCase());

/** Secrets as a clean array (the input may come straight from JSON). */
export const secretsOf = (input: DecodeInput): string[] =>
  Array.isArray(input.secrets) ? input.secrets.filter((s): s is string => typeof s === 'string') : [];
