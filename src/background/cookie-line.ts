import { computeExpiry, parseSetCookie, type ParsedSetCookie } from '../core/cookies/index.ts';

export interface CookieLine { name: string; value: string; deletion: boolean }

/** Name, value and "is this a deletion" of a Set-Cookie line or a document.cookie assignment. */
export function readCookieLine(text: string, now: number): CookieLine {
  const parsed = parseSetCookie(text);
  return { name: parsed.name, value: parsed.value, deletion: deletesCookie(parsed, now) };
}

/** Whether the line removes its cookie (an expiry at or before `now`). */
export function deletesCookie(parsed: ParsedSetCookie, now: number): boolean {
  const expiry = computeExpiry(parsed, now, []);
  return expiry !== null && expiry <= now;
}
