// django.contrib.messages CookieStorage, as the demo's flash messages: cookie `messages`, value
// sign_object(list, compress=True) with the cookie signer (key "django.http.cookies" + SECRET_KEY, salt
// "django.contrib.messages", timestamped, never age-checked). Read messages are consumed; the cookie is
// rewritten with what is left or deleted, as Django's storage.update(response) does.
import { dumpsDjango, loadsDjango } from '../../core/decode/django/signing.ts';
import type { Json } from '../../core/protocol/index.ts';
import type { Flash } from './html.ts';

export const MESSAGES_COOKIE = 'messages';
const SALT = 'django.contrib.messages';
const NOT_FINISHED = '__messagesnotfinished__';
const MAX_COOKIE_SIZE = 2048;
export const LEVELS: Record<Flash['level'], number> = { info: 20, success: 25, warning: 30, error: 40 };
const LEVEL_NAMES = new Map(Object.entries(LEVELS).map(([k, v]) => [v, k as Flash['level']]));

export interface CookieSettings { domain: string | null; secure: boolean; httponly: boolean; samesite: string | null }

const signerKey = (secret: string): string => 'django.http.cookies' + secret;

export function encodeMessage(m: Flash): Json {
  return ['__json_message', 0, LEVELS[m.level], m.text];
}

function decodeMessage(item: Json): Flash | null {
  if (!Array.isArray(item) || item[0] !== '__json_message' || typeof item[3] !== 'string') return null;
  return { level: LEVEL_NAMES.get(Number(item[2])) ?? 'info', text: item[3] };
}

/** Decode the cookie; a bad signature or shape yields no messages (Django discards them too). */
export async function readMessagesCookie(value: string | undefined, secret: string): Promise<Flash[]> {
  if (!value) return [];
  const loaded = await loadsDjango(value, { keys: [signerKey(secret)], salt: SALT, maxAge: null });
  if (!loaded.ok || !Array.isArray(loaded.value)) return [];
  return loaded.value.map(decodeMessage).filter((m): m is Flash => m !== null);
}

/** Encode, dropping the oldest messages (and marking the list unfinished) above Django's 2048-byte limit. */
export async function encodeMessagesCookie(messages: Flash[], secret: string): Promise<string> {
  let list: Json[] = messages.map(encodeMessage);
  let value = await dumpsDjango(list, { key: signerKey(secret), salt: SALT, compress: true });
  let kept = messages.length;
  while (value.length > MAX_COOKIE_SIZE && kept > 0) {
    kept--;
    list = [...messages.slice(messages.length - kept).map(encodeMessage), NOT_FINISHED];
    value = await dumpsDjango(list, { key: signerKey(secret), salt: SALT, compress: true });
  }
  return value;
}

/** Python Morsel formatting: attributes sorted by lower-case name, `expires` lower case. */
export function formatMessagesCookie(value: string | null, s: CookieSettings): string {
  const attrs: string[] = [];
  if (s.domain) attrs.push(`Domain=${s.domain}`);
  if (value === null) attrs.push('expires=Thu, 01 Jan 1970 00:00:00 GMT');
  if (value !== null && s.httponly) attrs.push('HttpOnly');
  if (value === null) attrs.push('Max-Age=0');
  attrs.push('Path=/');
  if (s.samesite) attrs.push(`SameSite=${s.samesite}`);
  const deleteNeedsSecure = s.samesite?.toLowerCase() === 'none';
  if (value !== null ? s.secure : deleteNeedsSecure) attrs.push('Secure');
  return [`${MESSAGES_COOKIE}=${value === null ? '""' : value}`, ...attrs].join('; ');
}

/** One request's message storage: what came in, what was shown, what was added. */
export class FlashStore {
  private used = false;
  private readonly added: Flash[] = [];
  constructor(private readonly incoming: Flash[], private readonly hadCookie: boolean, private readonly secret: string) {}

  add(level: Flash['level'], text: string): void { this.added.push({ level, text }); }

  /** Iterating the storage marks everything read, so it is not shown twice. */
  consume(): Flash[] {
    this.used = true;
    const out = [...this.incoming, ...this.added];
    this.added.length = 0;
    return out;
  }

  /** The Set-Cookie header to send, or null when the cookie stays as it is. */
  async setCookieHeader(settings: CookieSettings): Promise<string | null> {
    const remaining = [...(this.used ? [] : this.incoming), ...this.added];
    if (remaining.length) return formatMessagesCookie(await encodeMessagesCookie(remaining, this.secret), settings);
    if (this.used && this.hadCookie) return formatMessagesCookie(null, settings);
    return null;
  }
}
