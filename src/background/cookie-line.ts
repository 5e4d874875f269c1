import { computeExpiry, parseSetCookie } from '../core/cookies/index.ts';

export interface CookieLine { name: string; value: string; deletion: boolean }

/** Name, value and "is this a deletion" of a Set-Cookie line or a document.cookie assignment. */
export function readCookieLine(text: string, now: number): CookieLine {
  const parsed = parseSetCookie(text);
  const expiry = computeExpiry(parsed, now, []);
  return { name: parsed.name, value: parsed.value, deletion: expiry !== null && expiry <= now };
}
