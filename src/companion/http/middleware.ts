// SessionMiddleware: request.session from the cookie, then the response decisions of
// django-sessions.md §7.2 (3.2 order; 4.2 skips saves for any 5xx; 5.2 adds Vary whenever it sets the cookie).
import type { CompanionRequest, CompanionResponse, DjangoVersion, SessionSettings } from '../types.ts';
import type { SessionBase } from '../engine/session-base.ts';
import { ServerError } from '../engine/errors.ts';
import { toNumber } from '../py/value.ts';
import { formatDeleteCookie, formatSetCookie, httpDate, patchVary } from './cookies.ts';
import { responseForError } from './response.ts';

export interface MiddlewareContext {
  settings: SessionSettings;
  django: DjangoVersion;
  now(): number;
  open(key: string | null): SessionBase;
  log(msg: string): void;
}

export async function runWithSession(
  mw: MiddlewareContext,
  req: CompanionRequest,
  view: (req: CompanionRequest) => Promise<CompanionResponse>,
): Promise<CompanionResponse> {
  const session = mw.open(req.cookies.get(mw.settings.SESSION_COOKIE_NAME) ?? null);
  req.session = session;
  let response: CompanionResponse;
  try {
    response = await view(req);
  } catch (err) {
    response = responseForError(err, mw.log);
  }
  try {
    await processResponse(mw, req, session, response);
  } catch (err) {
    return responseForError(err, mw.log);
  }
  return response;
}

async function processResponse(mw: MiddlewareContext, req: CompanionRequest, session: SessionBase, response: CompanionResponse): Promise<void> {
  const s = mw.settings;
  const { accessed, modified } = session;
  const empty = session.isEmpty();
  if (req.cookies.has(s.SESSION_COOKIE_NAME) && empty) {
    response.headers.push(['Set-Cookie', formatDeleteCookie(s.SESSION_COOKIE_NAME, s.SESSION_COOKIE_PATH, s.SESSION_COOKIE_DOMAIN, s.SESSION_COOKIE_SAMESITE)]);
    patchVary(response.headers, 'Cookie');
    return;
  }
  if (accessed) patchVary(response.headers, 'Cookie');
  if (!(modified || s.SESSION_SAVE_EVERY_REQUEST) || empty) return;
  let maxAge: number | null = null;
  let expires: string | null = null;
  if (!(await session.getExpireAtBrowserClose())) {
    maxAge = toNumber(await session.getExpiryAge());
    if (maxAge === null) throw new ServerError("TypeError: unsupported operand type(s) for +: 'float' and 'str'");
    expires = httpDate(mw.now() + maxAge);
  }
  const skip = mw.django === '3.2' ? response.status === 500 : response.status >= 500;
  if (skip) return;
  await session.save();
  response.headers.push(['Set-Cookie', formatSetCookie(s.SESSION_COOKIE_NAME, session.sessionKey ?? '', {
    maxAge, expires, domain: s.SESSION_COOKIE_DOMAIN, path: s.SESSION_COOKIE_PATH,
    secure: s.SESSION_COOKIE_SECURE, httponly: s.SESSION_COOKIE_HTTPONLY, samesite: s.SESSION_COOKIE_SAMESITE,
  })]);
  if (mw.django === '5.2') patchVary(response.headers, 'Cookie');
}
