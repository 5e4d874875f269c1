// One-line, framework-specific fixes: the exact setting to change, which is what a developer acts on.
import type { RuleId } from './catalog.ts';
import type { Framework } from './types.ts';

type FixTable = Partial<Record<RuleId, string>>;

const GENERIC: Record<RuleId, string> = {
  'missing-secure': 'Add the Secure attribute so the cookie is only sent over HTTPS.',
  'missing-secure-hsts': 'Add the Secure attribute; HSTS alone does not protect the first request or subdomains.',
  'secure-from-insecure-origin': 'Serve the page over HTTPS (or localhost) or drop Secure for this environment only.',
  'insecure-overwrites-secure': 'Set the cookie with Secure everywhere it is written, and only over HTTPS.',
  'missing-httponly': 'Add the HttpOnly attribute so page scripts cannot read the cookie.',
  'script-set-session-cookie': 'Set the session cookie from the server with HttpOnly, never from JavaScript.',
  'script-readable-session': 'Mark the session cookie HttpOnly on the server.',
  'samesite-missing': 'Add SameSite=Lax (or Strict) explicitly; browsers disagree on the default.',
  'samesite-none-insecure': 'Add Secure (SameSite=None requires it) or use SameSite=Lax.',
  'samesite-none-session': 'Use SameSite=Lax unless the cookie must be sent cross-site; then add CSRF protection.',
  'samesite-invalid': 'Use exactly Strict, Lax or None as the SameSite value.',
  'csrf-cookie-no-samesite': 'Add SameSite=Lax (or Strict) to the anti-CSRF cookie.',
  'prefix-secure-violation': 'Add Secure to the __Secure- cookie and set it over HTTPS.',
  'prefix-host-violation': 'A __Host- cookie needs Secure, Path=/ and no Domain attribute.',
  'prefix-case': 'Spell the prefix exactly __Secure- or __Host-; servers compare case-sensitively.',
  'prefix-recommended': 'Rename the cookie to __Host-<name> with Secure, Path=/ and no Domain.',
  'prefix-shadowing': 'Reject cookie names with surrounding Unicode whitespace or legacy $-attributes on the server; parse cookies with an RFC 6265 parser.',
  'domain-too-broad': 'Drop the Domain attribute so the cookie stays host-only.',
  'domain-invalid': 'Use a Domain the host belongs to (not a public suffix), or omit Domain.',
  'domain-non-ascii': 'Use the punycode (A-label) form of the domain, or omit Domain.',
  'duplicate-cookie': 'Set each cookie once per response and with one Domain/Path; delete stale variants.',
  'expiry-over-400-days': 'Use a lifetime of at most 400 days; browsers cap it silently.',
  'persistent-session': 'Shorten the session lifetime to the idle policy or make it a browser-session cookie.',
  'oversize': 'Keep name+value under 4096 bytes: store the data server-side and keep only an id in the cookie.',
  'attribute-oversize': 'Keep attribute values (Path, Domain) under 1024 bytes.',
  'invalid-characters': 'Encode the value (e.g. base64url or percent-encoding) and give the cookie a name.',
  'cookie-budget': 'Set fewer, smaller cookies for the site; move data server-side.',
  'partitioned-insecure': 'Add Secure to the Partitioned cookie.',
  'weak-session-id': 'Generate session ids with a CSPRNG and at least 128 bits (e.g. 32 random bytes, base64url).',
  'session-in-url': 'Keep the session id in a cookie only; never put it in URLs (disable URL rewriting).',
  'sensitive-data-in-cookie': 'Keep secrets and personal data server-side; store only an opaque id in the cookie.',
  'known-weak-secret': 'Rotate to a long random secret (32+ random bytes) kept out of source control.',
  'jwt-weak': 'Sign with a strong key, reject alg "none", and always set exp.',
  'session-fixation': 'Issue a new session id when the user logs in.',
  'logout-not-revoked': 'Invalidate the session server-side at logout; client-side signed sessions cannot be revoked.',
  'blocked-by-browser': 'Fix the attribute the browser rejected (see the reason) so the cookie is stored.',
};

const DJANGO: FixTable = {
  'missing-secure': '{S}_SECURE = True', 'missing-secure-hsts': '{S}_SECURE = True',
  'missing-httponly': '{S}_HTTPONLY = True', 'script-readable-session': 'SESSION_COOKIE_HTTPONLY = True',
  'samesite-missing': "{S}_SAMESITE = 'Lax'", 'samesite-none-session': "{S}_SAMESITE = 'Lax'",
  'samesite-none-insecure': "{S}_SECURE = True (required with {S}_SAMESITE = 'None')", 'samesite-invalid': "{S}_SAMESITE = 'Lax'",
  'csrf-cookie-no-samesite': "CSRF_COOKIE_SAMESITE = 'Lax'", 'domain-too-broad': '{S}_DOMAIN = None',
  'persistent-session': 'SESSION_COOKIE_AGE = <idle seconds> or SESSION_EXPIRE_AT_BROWSER_CLOSE = True',
  'prefix-recommended': "SESSION_COOKIE_NAME = '__Host-sessionid' with SESSION_COOKIE_SECURE = True, SESSION_COOKIE_PATH = '/', SESSION_COOKIE_DOMAIN = None",
  'known-weak-secret': 'SECRET_KEY = get_random_secret_key() output kept in the environment; move the old key to SECRET_KEY_FALLBACKS',
  'session-fixation': 'log users in with django.contrib.auth.login() (it calls request.session.cycle_key())',
  'logout-not-revoked': "log out with django.contrib.auth.logout() and avoid SESSION_ENGINE = 'django.contrib.sessions.backends.signed_cookies'",
  'sensitive-data-in-cookie': "SESSION_ENGINE = 'django.contrib.sessions.backends.db' (signed_cookies payloads are readable)",
  'oversize': "SESSION_ENGINE = 'django.contrib.sessions.backends.db' (keep the data server-side)",
};

const FLASK: FixTable = {
  'missing-secure': 'SESSION_COOKIE_SECURE = True', 'missing-secure-hsts': 'SESSION_COOKIE_SECURE = True',
  'missing-httponly': 'SESSION_COOKIE_HTTPONLY = True', 'script-readable-session': 'SESSION_COOKIE_HTTPONLY = True',
  'samesite-missing': "SESSION_COOKIE_SAMESITE = 'Lax'", 'samesite-none-session': "SESSION_COOKIE_SAMESITE = 'Lax'",
  'samesite-none-insecure': "SESSION_COOKIE_SECURE = True (required with SESSION_COOKIE_SAMESITE = 'None')",
  'samesite-invalid': "SESSION_COOKIE_SAMESITE = 'Lax'", 'domain-too-broad': 'SESSION_COOKIE_DOMAIN = False',
  'persistent-session': 'PERMANENT_SESSION_LIFETIME = timedelta(...) matching the idle policy, or session.permanent = False',
  'prefix-recommended': "SESSION_COOKIE_NAME = '__Host-session' with SESSION_COOKIE_SECURE = True and SESSION_COOKIE_PATH = '/'",
  'known-weak-secret': 'SECRET_KEY = secrets.token_hex(32), loaded from the environment',
  'session-fixation': 'session.clear() before storing the logged-in user (or use Flask-Login with a server-side session)',
  'logout-not-revoked': 'use a server-side session store (e.g. Flask-Session); signed cookie sessions stay valid until they expire',
  'sensitive-data-in-cookie': 'keep secrets out of session[...]: Flask session cookies are signed, not encrypted',
};

const EXPRESS: FixTable = {
  'missing-secure': 'cookie: { secure: true } (with app.set("trust proxy", 1) behind a proxy)', 'missing-secure-hsts': 'cookie: { secure: true }',
  'missing-httponly': 'cookie: { httpOnly: true }', 'script-readable-session': 'cookie: { httpOnly: true }',
  'samesite-missing': "cookie: { sameSite: 'lax' }", 'samesite-none-session': "cookie: { sameSite: 'lax' }",
  'samesite-none-insecure': "cookie: { sameSite: 'none', secure: true }", 'samesite-invalid': "cookie: { sameSite: 'lax' }",
  'domain-too-broad': 'remove cookie.domain', 'persistent-session': 'cookie: { maxAge: <idle ms> } or no maxAge for a browser-session cookie',
  'prefix-recommended': "name: '__Host-sid', cookie: { secure: true, path: '/' }",
  'known-weak-secret': "secret: process.env.SESSION_SECRET (32+ random bytes); keep old secrets after it in the array to rotate",
  'session-fixation': 'call req.session.regenerate() before setting the logged-in user',
  'logout-not-revoked': 'call req.session.destroy() at logout (cookie-session cannot revoke: prefer express-session)',
  'weak-session-id': 'keep the default genid (uid-safe, 24 bytes) instead of a custom generator',
  'sensitive-data-in-cookie': 'cookie-session payloads are readable base64: use express-session with a server-side store',
};

const RAILS: FixTable = {
  'missing-secure': 'session_store :cookie_store, secure: true (or config.force_ssl = true)', 'missing-secure-hsts': 'session_store :cookie_store, secure: true',
  'missing-httponly': 'session_store :cookie_store, httponly: true', 'script-readable-session': 'session_store :cookie_store, httponly: true',
  'samesite-missing': 'session_store :cookie_store, same_site: :lax', 'samesite-none-session': 'session_store :cookie_store, same_site: :lax',
  'samesite-none-insecure': 'session_store :cookie_store, same_site: :none, secure: true', 'samesite-invalid': 'same_site: :lax',
  'domain-too-broad': 'remove domain: from session_store', 'persistent-session': 'session_store :cookie_store, expire_after: <idle policy>',
  'prefix-recommended': "session_store :cookie_store, key: '__Host-app_session', secure: true, path: '/'",
  'known-weak-secret': 'rotate secret_key_base (bin/rails secret) via credentials, with a cookie rotator for the old one',
  'session-fixation': 'call reset_session before signing the user in',
  'logout-not-revoked': 'reset_session at logout and use a server-side store (cookie_store sessions stay valid until expiry)',
};

const PHP: FixTable = {
  'missing-secure': 'session.cookie_secure = 1 (or session_set_cookie_params([\'secure\' => true]))', 'missing-secure-hsts': 'session.cookie_secure = 1',
  'missing-httponly': 'session.cookie_httponly = 1', 'script-readable-session': 'session.cookie_httponly = 1',
  'samesite-missing': 'session.cookie_samesite = Lax', 'samesite-none-session': 'session.cookie_samesite = Lax',
  'samesite-none-insecure': 'session.cookie_secure = 1 with session.cookie_samesite = None', 'samesite-invalid': 'session.cookie_samesite = Lax',
  'domain-too-broad': 'session.cookie_domain = ""', 'persistent-session': 'session.cookie_lifetime = 0',
  'prefix-recommended': 'session.name = __Host-PHPSESSID with session.cookie_secure = 1 and session.cookie_path = /',
  'session-fixation': 'call session_regenerate_id(true) after a successful login',
  'logout-not-revoked': 'call session_destroy() and delete the cookie at logout',
  'weak-session-id': 'session.sid_length = 48 and session.sid_bits_per_character = 6',
  'session-in-url': 'session.use_only_cookies = 1 and session.use_trans_sid = 0',
};

const TABLES: Partial<Record<Framework, FixTable>> = { django: DJANGO, flask: FLASK, express: EXPRESS, rails: RAILS, php: PHP };

export function fixFor(rule: RuleId, framework: Framework | undefined, cookieName: string, isSession: boolean): string {
  const template = framework ? TABLES[framework]?.[rule] : undefined;
  if (!template) return GENERIC[rule];
  if (!template.includes('{S}')) return `${frameworkLabel(framework!)}: ${template}`;
  // Django names settings after the cookie: CSRF_COOKIE_* for csrftoken, SESSION_COOKIE_* for the session and
  // for contrib.messages' "messages" cookie (CookieStorage sets it with the session cookie's settings).
  const setting = /csrf/i.test(cookieName) ? 'CSRF_COOKIE' : isSession || cookieName === 'messages' ? 'SESSION_COOKIE' : null;
  return setting ? `Django: ${template.replaceAll('{S}', setting)}` : GENERIC[rule];
}

function frameworkLabel(framework: Framework): string {
  return { django: 'Django', flask: 'Flask', express: 'Express', rails: 'Rails', php: 'PHP' }[framework as string] ?? framework;
}
