// The playground JSON API of the reference app (peers/README.md): same paths, shapes, key order and statuses.
import type { CompanionRequest, CompanionResponse } from '../types.ts';
import type { SessionBase, TimeDelta } from '../engine/session-base.ts';
import { KeyError, ServerError } from '../engine/errors.ts';
import { isoformat, fromisoformat } from '../py/datetime.ts';
import { parsePyJson } from '../py/json.ts';
import { isDict, keyIdentity, PyDateTime, toNumber, type PyDict, type PyValue } from '../py/value.ts';
import { jsonResponse } from '../http/response.ts';

const obj = (entries: [string, PyValue][]): PyDict => new Map(entries);

/** QueryDict.get: the last value of a repeated parameter. */
export function qget(req: CompanionRequest, name: string): string | null {
  const all = req.query.getAll(name);
  return all.length ? all[all.length - 1] : null;
}

/** ?status=NNN (Python int(); out-of-range codes are a 500 like HttpResponse's ValueError). */
export function wantStatus(req: CompanionRequest, fallback = 200): number {
  const s = qget(req, 'status');
  if (!s) return fallback;
  const n = pythonInt(s);
  if (n === null) throw new ServerError(`ValueError: invalid literal for int() with base 10: '${s}'`);
  if (n < 100 || n > 599) throw new ServerError('ValueError: HTTP status code must be an integer from 100 to 599.');
  return n;
}

/** int(text) for decimal text (surrounding whitespace, sign and digit-group underscores allowed); null if Python would raise. */
export function pythonInt(text: string): number | null {
  const m = /^\s*([+-]?\d+(?:_\d+)*)\s*$/.exec(text);
  return m ? Number(m[1].replace(/_/g, '')) : null;
}

export function loadsJson(text: string): PyValue {
  try { return parsePyJson(text); } catch (e) { throw new ServerError(`JSONDecodeError: ${(e as Error).message}`); }
}

// one decoder for every request (a fatal error leaves it reusable)
const UTF8_STRICT = new TextDecoder('utf-8', { fatal: true });

function bodyText(req: CompanionRequest): string {
  try { return UTF8_STRICT.decode(req.body); } catch { throw new ServerError('UnicodeDecodeError in request body'); }
}

/** read_json(request) or {} */
export function readJson(req: CompanionRequest): PyValue {
  if (!req.body.length) return new Map();
  const v = loadsJson(bodyText(req));
  return isFalsy(v) ? new Map() : v;
}
const isFalsy = (v: PyValue): boolean =>
  v === null || v === false || v === 0 || v === '' || (Array.isArray(v) && !v.length) || (isDict(v) && !v.size) || toNumber(v) === 0;

export async function fullState(s: SessionBase): Promise<PyDict> {
  const items = new Map(await s.items());
  return obj([
    ['session_key', s.sessionKey], ['items', items], ['expiry_age', await s.getExpiryAge()],
    ['expiry_date', isoformat(await s.getExpiryDate())], ['expire_at_browser_close', await s.getExpireAtBrowserClose()],
    ['is_empty', s.isEmpty()], ['accessed', s.accessed], ['modified', s.modified],
  ]);
}

export async function shortState(s: SessionBase): Promise<PyDict> {
  const items = new Map(await s.items());
  return obj([['session_key', s.sessionKey], ['items', items], ['is_empty', s.isEmpty()], ['accessed', s.accessed], ['modified', s.modified]]);
}

const keyError = (key: string): CompanionResponse => jsonResponse(obj([['error', 'KeyError'], ['key', key]]), 404);
const notObject = (): CompanionResponse => jsonResponse(obj([['error', 'body must be a JSON object']]), 400);

export async function viewSession(req: CompanionRequest): Promise<CompanionResponse> {
  return jsonResponse(await fullState(req.session!), wantStatus(req));
}

export async function viewGet(req: CompanionRequest): Promise<CompanionResponse> {
  const key = qget(req, 'key') ?? '';
  const raw = qget(req, 'default');
  const fallback = raw !== null ? loadsJson(raw) : null;
  const s = req.session!;
  const value = await s.get(key, fallback);
  const has = await s.has(key);
  return jsonResponse(obj([['key', key], ['value', value], ['has_key', has], ['contains', has], ['accessed', s.accessed], ['modified', s.modified]]), wantStatus(req));
}

export async function viewSet(req: CompanionRequest): Promise<CompanionResponse> {
  const body = readJson(req);
  if (!isDict(body)) return notObject();
  for (const [k, v] of body) await req.session!.setItem(k, v, { keyId: keyIdentity(body, k) });
  return jsonResponse(await shortState(req.session!), wantStatus(req));
}

export async function viewUpdate(req: CompanionRequest): Promise<CompanionResponse> {
  const body = readJson(req);
  if (!isDict(body)) return notObject();
  await req.session!.update(body);
  return jsonResponse(await shortState(req.session!), wantStatus(req));
}

export async function viewSetdefault(req: CompanionRequest): Promise<CompanionResponse> {
  const body = readJson(req);
  if (!isDict(body) || !body.has('key')) throw new ServerError("KeyError: 'key'");
  const key = body.get('key');
  if (typeof key !== 'string') throw new ServerError('TypeError: session keys must be strings here');
  const result = await req.session!.setdefault(key, body.get('value') ?? null);
  const out = await shortState(req.session!);
  out.set('result', result);
  return jsonResponse(out, wantStatus(req));
}

export async function viewDelete(req: CompanionRequest): Promise<CompanionResponse> {
  const key = qget(req, 'key') ?? '';
  try { await req.session!.deleteItem(key); } catch (e) { if (e instanceof KeyError) return keyError(key); throw e; }
  return jsonResponse(await shortState(req.session!), wantStatus(req));
}

export async function viewPop(req: CompanionRequest): Promise<CompanionResponse> {
  const key = qget(req, 'key') ?? '';
  const raw = qget(req, 'default');
  let value: PyValue;
  try {
    value = raw !== null ? await req.session!.pop(key, loadsJson(raw)) : await req.session!.pop(key);
  } catch (e) {
    if (e instanceof KeyError) return keyError(key);
    throw e;
  }
  const out = await shortState(req.session!);
  out.set('value', value);
  return jsonResponse(out, wantStatus(req));
}

export async function viewClear(req: CompanionRequest): Promise<CompanionResponse> {
  req.session!.clear();
  return jsonResponse(await shortState(req.session!), wantStatus(req));
}

export async function viewFlush(req: CompanionRequest): Promise<CompanionResponse> {
  await req.session!.flush();
  return jsonResponse(await shortState(req.session!), wantStatus(req));
}

export async function viewCycleKey(req: CompanionRequest): Promise<CompanionResponse> {
  const s = req.session!;
  const before = s.sessionKey;
  await s.cycleKey();
  const out = await shortState(s);
  out.set('previous_session_key', before);
  return jsonResponse(out, wantStatus(req));
}

/** _parse_expiry: number, null, bool, ISO string (naive = UTC) or {"timedelta_seconds": N}. */
function parseExpiry(body: PyValue): PyValue | TimeDelta {
  if (body === null || typeof body === 'boolean' || toNumber(body) !== null) return body;
  if (typeof body === 'string') {
    const dt = fromisoformat(body.replaceAll('Z', '+00:00'));
    return dt.tz === null ? new PyDateTime(dt.micros, 'utc') : dt;
  }
  if (isDict(body) && body.has('timedelta_seconds')) {
    const n = toNumber(body.get('timedelta_seconds'));
    if (n === null) throw new ServerError('TypeError: unsupported type for timedelta seconds component');
    return { timedeltaSeconds: n };
  }
  throw new RangeError('unsupported expiry value');
}

export async function viewSetExpiry(req: CompanionRequest): Promise<CompanionResponse> {
  const raw = bodyText(req).trim();
  const body = raw ? loadsJson(raw) : null;
  let value: PyValue | TimeDelta;
  try { value = parseExpiry(body); } catch (e) {
    if (e instanceof RangeError) return jsonResponse(obj([['error', e.message]]), 400);
    throw e;
  }
  await req.session!.setExpiry(value);
  return jsonResponse(await fullState(req.session!), wantStatus(req));
}
