// Responses the way Django renders them: JsonResponse bodies and the default DEBUG=False error pages.
import type { CompanionResponse } from '../types.ts';
import { dumpResponseJson } from '../py/json.ts';
import type { PyValue } from '../py/value.ts';
import { ServerError, SuspiciousOperation, UpdateError } from '../engine/errors.ts';

export function jsonResponse(data: PyValue, status = 200): CompanionResponse {
  return { status, headers: [['Content-Type', 'application/json']], body: dumpResponseJson(data) };
}

/** Django's default error page (django.views.defaults): same markup, so titles diff cleanly. */
export function errorPage(status: 400 | 404 | 500, detail = ''): CompanionResponse {
  const title = { 400: 'Bad Request (400)', 404: 'Not Found', 500: 'Server Error (500)' }[status];
  const h1 = status === 404 ? 'Not Found' : title;
  const p = status === 404 ? 'The requested resource was not found on this server.' : detail;
  const body = `\n<!doctype html>\n<html lang="en">\n<head>\n  <title>${title}</title>\n</head>\n<body>\n  <h1>${h1}</h1><p>${p}</p>\n</body>\n</html>\n`;
  return { status, headers: [['Content-Type', 'text/html']], body };
}

/** How Django's exception handling answers an exception: BadRequest/SuspiciousOperation → 400, else 500. */
export function responseForError(err: unknown, log: (msg: string) => void): CompanionResponse {
  if (err instanceof UpdateError) {
    log('django.request: Bad Request: the session was deleted before the request completed (SessionInterrupted)');
    return errorPage(400);
  }
  if (err instanceof SuspiciousOperation) {
    log(`django.security: ${err.message || err.constructor.name}`);
    return errorPage(400);
  }
  const msg = err instanceof ServerError ? err.message : (err as Error)?.stack ?? String(err);
  log(`django.request: Internal Server Error: ${msg}`);
  return errorPage(500);
}
