// Is this a session/auth cookie, and which framework made it? Every finding carries the answer with its reason.
import type { DecodeResult } from '../decode/types.ts';
import type { Framework, SessionVerdict } from './types.ts';

const KNOWN_NAMES: Array<[RegExp, string, Framework?]> = [
  [/^sessionid$/i, 'sessionid', 'django'],
  [/^session$/i, 'session', 'flask'],
  [/^connect\.sid$/i, 'connect.sid', 'express'],
  [/^express:sess$/i, 'express:sess', 'express'],
  [/^_[\w-]+_session$/i, '_*_session', 'rails'],
  [/^phpsessid$/i, 'PHPSESSID', 'php'],
  [/^jsessionid$/i, 'JSESSIONID', 'java'],
  [/^asp\.net_sessionid$/i, 'ASP.NET_SessionId', 'aspnet'],
  [/^\.aspnetcore\.session$/i, '.AspNetCore.Session', 'aspnet'],
  [/^laravel_session$/i, 'laravel_session', 'laravel'],
  [/^remember_web_[0-9a-f]+$/i, 'remember_web_*', 'laravel'],
  [/^(_session_id|rack\.session)$/i, 'Rack session', 'rails'],
  [/^wordpress_(logged_in|sec)_[0-9a-f]+$/i, 'wordpress_logged_in_*'],
  [/^(ci_session|cakephp|symfony|frontend|sessid)$/i, 'a PHP framework session name', 'php'],
  [/^(?:sid|ssid|sess|session_id|sessid|auth_token|access_token|refresh_token|remember_user_token)$/i, 'a well-known session name'],
];

const DECODER_FRAMEWORK: Record<string, Framework | undefined> = {
  django: 'django', flask: 'flask', 'express-session': 'express', 'cookie-session': 'express',
  rails: 'rails', php: 'php', jwt: undefined,
};

/** Names frameworks give to non-session cookies, so the framework-specific fix can still be chosen. */
export function frameworkOfName(name: string): Framework | undefined {
  const bare = stripPrefix(name);
  if (/^(csrftoken|messages|django_language)$/i.test(bare)) return 'django';
  if (/^xsrf-token$/i.test(bare) || /\.sig$/.test(bare)) return 'express';
  return KNOWN_NAMES.find(([re]) => re.test(bare))?.[2];
}

export function stripPrefix(name: string): string {
  return name.replace(/^__(secure|host)-/i, '');
}

/** The value as the format sniff reads it: percent-decoded, one pair of surrounding quotes removed. */
export function unquotedValue(value: string): string {
  const v = decodeURIComponentSafe(value);
  const start = v.charCodeAt(0) === 34 ? 1 : 0;
  const end = v.length > start && v.charCodeAt(v.length - 1) === 34 ? v.length - 1 : v.length;
  return start === 0 && end === v.length ? v : v.slice(start, end);
}

// classifySession and extractSessionId sniff the same value one after the other on the hot path
let lastSniffed: string | undefined;
let lastFormat: string | null = null;

/** Cheap synchronous sniff of signed session formats, so the hot path classifies before decoding. */
export function sniffFormat(value: string): string | null {
  if (value === lastSniffed) return lastFormat;
  lastFormat = sniffUnquoted(unquotedValue(value));
  lastSniffed = value;
  return lastFormat;
}

function sniffUnquoted(v: string): string | null {
  if (/^eyJ[\w-]*\.eyJ[\w-]*\.[\w-]*$/.test(v)) return 'jwt';
  if (/^s:[\w+/=-]{8,}\.[\w+/=-]{20,}$/.test(v)) return 'express-session';
  if (/^\.?(eyJ|eJ)[\w-]+\.[\w-]{4,8}\.[\w-]{20,}$/.test(v)) return 'flask';
  if (/^\.?[\w-]+:[\w-]+:[\w-]{40,}$/.test(v) || /^\.?[\w-]+:[\w-]{43}$/.test(v)) return 'django';
  if (/^[\w+/=%]{16,}--[\w+/=%]{8,}(--[\w+/=%]{8,})?$/.test(v)) return 'rails';
  return null;
}

export function decodeURIComponentSafe(value: string): string {
  // without a "%" there is nothing to decode (and nothing malformed to throw on)
  if (!value.includes('%')) return value;
  try { return decodeURIComponent(value); } catch { return value; }
}

const SESSIONISH = /sess|sid|auth|token|login/i;
const OPAQUE = /^[\w+/=.%:~-]{16,}$/;

/** What the name alone says; the same few names come back on every response, so this is kept per name. */
interface NameFacts {
  bare: string;
  known?: [RegExp, string, Framework?];
  framework?: Framework;
  /** csrf/xsrf/messages: a value in a session format is still not a session */
  notSession: boolean;
  sig: boolean;
  csrf: boolean;
  /** the session-ish word in the name, lower-cased */
  sessionish?: string;
  /** verdicts that follow from the name and the value's format alone, made once (shared: never changed) */
  byFormat: Map<string, SessionVerdict>;
  byKnownFramework: Map<Framework | undefined, SessionVerdict>;
  unknown?: SessionVerdict;
}

const nameFacts = new Map<string, NameFacts>();

function factsOf(name: string): NameFacts {
  let facts = nameFacts.get(name);
  if (facts) return facts;
  const bare = stripPrefix(name);
  facts = {
    bare, known: KNOWN_NAMES.find(([re]) => re.test(bare)), framework: frameworkOfName(name),
    notSession: /csrf|xsrf|messages/i.test(bare), sig: /\.sig$/.test(bare), csrf: /csrf|xsrf/i.test(bare),
    sessionish: SESSIONISH.exec(bare)?.[0].toLowerCase(), byFormat: new Map(), byKnownFramework: new Map(),
  };
  if (nameFacts.size >= 1000) nameFacts.clear();
  nameFacts.set(name, facts);
  return facts;
}

export function classifySession(name: string, value: string, decoded?: DecodeResult | null): SessionVerdict {
  const facts = factsOf(name);
  if (decoded && decoded.format !== 'unknown' && !decoded.error && decoded.kind !== 'messages-cookie') {
    return { is: true, reason: `recognised by the ${decoded.format} decoder`, framework: DECODER_FRAMEWORK[decoded.format] ?? facts.framework };
  }
  const sniffed = sniffFormat(value);
  if (sniffed && !facts.notSession) {
    return facts.byFormat.get(sniffed)
      ?? remember(facts.byFormat, sniffed, { is: true, reason: `value is in the ${sniffed} format`, framework: DECODER_FRAMEWORK[sniffed] ?? facts.framework });
  }
  const { known } = facts;
  if (known) {
    // cookie-session also defaults to "session": its value is bare base64 JSON, Flask's is dotted.
    const framework = known[2] === 'flask' && /^eyJ[\w+/=]*$/.test(value) ? 'express' : known[2];
    return facts.byKnownFramework.get(framework)
      ?? remember(facts.byKnownFramework, framework, { is: true, reason: `well-known session cookie name (${known[1]})`, framework });
  }
  if (facts.sig) return { is: false, reason: 'signature companion of a signed cookie (cookie-session/keygrip)', framework: 'express' };
  if (facts.csrf) return { is: false, reason: 'anti-CSRF cookie, not a session cookie', framework: facts.framework };
  if (facts.sessionish !== undefined && OPAQUE.test(value)) {
    return { is: true, reason: `name contains "${facts.sessionish}" and the value is an opaque token of ${value.length} characters` };
  }
  return facts.unknown ??= { is: false, reason: 'not a known session name or format', framework: facts.framework };
}

function remember<K>(verdicts: Map<K, SessionVerdict>, key: K, verdict: SessionVerdict): SessionVerdict {
  verdicts.set(key, verdict);
  return verdict;
}
