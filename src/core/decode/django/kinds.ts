// Which secret prefix / salt / layout each Django feature signs with (cookie-formats.md §1.4), and the candidate
// list the decoder verifies when the caller gives no salt.
import type { DecodeInput } from '../types.ts';

export const COOKIE_KEY_PREFIX = 'django.http.cookies';
export const SESSION_COOKIE_AGE = 1209600;
export const DJANGO_KIND_HINTS = ['signed_cookies-session', 'messages-cookie', 'set_signed_cookie', 'signing.dumps', 'timestampsigner.sign', 'signer.sign', 'db-session', 'file-session', 'cache-session'];

export interface KindSpec {
  kind: string;
  salt: string;
  /** prepended to every secret: `django.http.cookies` for the cookie signer */
  keyPrefix: string;
  timestamped: boolean;
  /** true = signing.dumps-style object payload, false = plain string, null = decide from the payload */
  object: boolean | null;
  /** max_age applied when loading, in seconds (null = timestamp never checked) */
  maxAge: number | null;
}

const KNOWN: KindSpec[] = [
  { kind: 'signed_cookies-session', salt: 'django.contrib.sessions.backends.signed_cookies', keyPrefix: '', timestamped: true, object: true, maxAge: SESSION_COOKIE_AGE },
  { kind: 'messages-cookie', salt: 'django.contrib.messages', keyPrefix: COOKIE_KEY_PREFIX, timestamped: true, object: true, maxAge: null },
  { kind: 'session-data', salt: 'django.contrib.sessions.SessionStore', keyPrefix: '', timestamped: true, object: true, maxAge: null },
  { kind: 'signing.dumps', salt: 'django.core.signing', keyPrefix: '', timestamped: true, object: true, maxAge: null },
  { kind: 'TimestampSigner.sign', salt: 'django.core.signing.TimestampSigner', keyPrefix: '', timestamped: true, object: null, maxAge: null },
  { kind: 'Signer.sign', salt: 'django.core.signing.Signer', keyPrefix: '', timestamped: false, object: null, maxAge: null },
];

/** Specs to verify, most likely first. A salt hint replaces the known salts; a purpose hint names a kind. */
export function candidateSpecs(input: DecodeInput): readonly KindSpec[] {
  const name = input.name ?? '';
  let specs = input.salt !== undefined ? specsForSalt(input.salt, input.keyPrefix, name) : knownSpecs(name, input.keyPrefix);
  // A purpose, or a format hint naming a kind (`messages-cookie`), narrows the candidates when it matches one.
  const hint = input.purpose ?? input.format;
  if (hint) {
    const purpose = hint.toLowerCase();
    const narrowed = specs.filter((s) => s.kind.toLowerCase() === purpose || (/^(db|file)-session$/.test(purpose) && s.kind === 'session-data'));
    if (narrowed.length) specs = narrowed;
  }
  return specs;
}

// The ordered candidates only depend on the cookie name; the same few names repeat for every cookie. Frozen
// because they are shared between calls.
const knownByName = new Map<string, readonly KindSpec[]>();

function knownSpecs(name: string, keyPrefix: string | undefined): readonly KindSpec[] {
  if (keyPrefix !== undefined) return orderedSpecs(name).map((s) => ({ ...s, keyPrefix }));
  let specs = knownByName.get(name);
  if (!specs) {
    if (knownByName.size >= 256) knownByName.clear();
    specs = Object.freeze(orderedSpecs(name).map((s) => Object.freeze(s)));
    knownByName.set(name, specs);
  }
  return specs;
}

function orderedSpecs(name: string): KindSpec[] {
  const specs: KindSpec[] = [...KNOWN];
  // set_signed_cookie(name, value) with the default salt '' signs with salt = the cookie name.
  if (name) specs.push({ kind: 'set_signed_cookie', salt: name, keyPrefix: COOKIE_KEY_PREFIX, timestamped: true, object: false, maxAge: null });
  const lower = name.toLowerCase();
  const first = lower === 'messages' ? 'messages-cookie' : lower.includes('session') ? 'signed_cookies-session' : '';
  specs.sort((a, b) => Number(b.kind === first) - Number(a.kind === first));
  return specs;
}

function specsForSalt(salt: string, keyPrefix: string | undefined, name: string): KindSpec[] {
  const known = KNOWN.find((k) => k.salt === salt);
  const prefixes = keyPrefix !== undefined ? [keyPrefix] : known ? [known.keyPrefix] : ['', COOKIE_KEY_PREFIX];
  const specs: KindSpec[] = [];
  for (const prefix of prefixes) {
    if (known) { specs.push({ ...known, keyPrefix: prefix }); continue; }
    const cookie = prefix === COOKIE_KEY_PREFIX;
    specs.push({ kind: cookie ? 'set_signed_cookie' : 'signing', salt, keyPrefix: prefix, timestamped: true, object: cookie ? false : null, maxAge: null });
    // set_signed_cookie's salt argument is combined with the cookie name; accept either spelling.
    if (cookie && name) specs.push({ kind: 'set_signed_cookie', salt: name + salt, keyPrefix: prefix, timestamped: true, object: false, maxAge: null });
    if (!cookie) specs.push({ kind: 'Signer.sign', salt, keyPrefix: prefix, timestamped: false, object: null, maxAge: null });
  }
  return specs;
}
