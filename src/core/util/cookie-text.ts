// Cookie-text helpers shared by the decoders: undoing the transport encodings frameworks apply to values.
import type { Json } from '../protocol/index.ts';
import { bytesEqual, utf8Encode } from './bytes.ts';

/** decodeURIComponent that reports malformed escapes as null instead of throwing. */
export function percentDecode(text: string): string | null {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** Strips one pair of surrounding double quotes (RFC 6265 allows a quoted cookie-value). */
export function stripQuotes(text: string): string {
  return text.length >= 2 && text.startsWith('"') && text.endsWith('"') ? text.slice(1, -1) : text;
}

/** JSON.parse that returns undefined on malformed input (callers turn that into a clear error). */
export function parseJson(text: string): Json | undefined {
  try {
    return JSON.parse(text) as Json;
  } catch {
    return undefined;
  }
}

export const isJsonObject = (value: unknown): value is { [key: string]: Json } =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Constant-time text comparison for frameworks that compare signature strings, not decoded bytes. */
export const textEqual = (a: string, b: string): boolean => bytesEqual(utf8Encode(a), utf8Encode(b));
