// The /__sessionscope/ routes (docs/companion-api.md). Transport-agnostic over node:http; the site a request
// addresses is chosen by the caller (by Host), `?engine=` picks any other site of the same companion.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Json } from '../../core/protocol/index.ts';
import { BadRequestError, StoreUnavailableError, type Fault, type InspectTarget } from './types.ts';
import { openEventStream } from './events.ts';

export const PREFIX = '/__sessionscope/';
const MAX_BODY = 64 * 1024;

export interface InspectionOptions {
  name?: string;
  version: string;
  /** every site of this companion, attached stores included */
  targets: () => InspectTarget[];
}

export class HttpError extends Error {
  constructor(readonly status: number, message: string) { super(message); }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** `preRead` is the body when the server already consumed the stream (the companion's request object). */
async function readJsonBody(req: IncomingMessage, preRead?: Uint8Array): Promise<unknown> {
  let size = 0;
  const chunks: Uint8Array[] = preRead ? [preRead] : [];
  if (!preRead) {
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY) throw new HttpError(413, 'request body too large');
      chunks.push(chunk as Buffer);
    }
  }
  if (preRead && preRead.length > MAX_BODY) throw new HttpError(413, 'request body too large');
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'body is not valid JSON');
  }
}

export function parseFault(body: unknown): Fault {
  const b = (body ?? {}) as Record<string, unknown>;
  if (b.action === 'restart-cache') return { action: 'restart-cache' };
  if (b.action === 'evict') {
    if (typeof b.key !== 'string' || !b.key) throw new HttpError(400, 'evict needs a "key" (session key)');
    return { action: 'evict', key: b.key };
  }
  if (b.action === 'shift-clock') {
    if (typeof b.seconds !== 'number' || !Number.isFinite(b.seconds)) throw new HttpError(400, 'shift-clock needs a finite number "seconds"');
    return { action: 'shift-clock', seconds: b.seconds };
  }
  throw new HttpError(400, 'unknown fault: expected {"action":"restart-cache"|"evict","key"?} or {"action":"shift-clock","seconds":N}');
}

function pickTarget(url: URL, opts: InspectionOptions, fallback: InspectTarget | undefined): InspectTarget {
  const wanted = url.searchParams.get('engine');
  if (wanted === null || wanted === '*') {
    if (fallback) return fallback;
    const first = opts.targets()[0];
    if (!first) throw new HttpError(404, 'this companion serves no session store');
    return first;
  }
  const found = opts.targets().find((t) => t.site.engine === wanted);
  if (!found) throw new HttpError(404, `unknown engine ${JSON.stringify(wanted)}`);
  return found;
}

function parseLimit(url: URL): number {
  const raw = url.searchParams.get('limit');
  if (raw === null) return 200;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new HttpError(400, '"limit" must be a positive integer');
  return Math.min(n, 1000);
}

function requireWritable(target: InspectTarget): void {
  if (target.site.readOnly) throw new HttpError(409, 'attached stores are read-only');
}

async function route(req: IncomingMessage, res: ServerResponse, url: URL, opts: InspectionOptions, fallback?: InspectTarget, body?: Uint8Array): Promise<void> {
  const rest = url.pathname.slice(PREFIX.length);
  const method = req.method ?? 'GET';
  const expect = (m: string): void => { if (method !== m) throw new HttpError(405, `${m} only`); };
  if (rest === 'info') {
    expect('GET');
    return sendJson(res, 200, { name: opts.name ?? 'sessionscope-companion', version: opts.version, sites: opts.targets().map((t) => t.site) });
  }
  const target = pickTarget(url, opts, fallback);
  if (rest === 'sessions') { expect('GET'); return sendJson(res, 200, await target.list(parseLimit(url))); }
  if (rest === 'events') { expect('GET'); return openEventStream(req, res, url.searchParams.get('engine') === '*' ? opts.targets() : [target]); }
  if (rest === 'clearsessions') {
    expect('POST');
    requireWritable(target);
    if (!target.clearSessions) throw new HttpError(400, `engine ${target.site.engine} cannot clear sessions`);
    return sendJson(res, 200, { engine: target.site.engine, ok: true, ...(await target.clearSessions()) });
  }
  if (rest === 'faults') {
    expect('POST');
    requireWritable(target);
    const fault = parseFault(await readJsonBody(req, body));
    if (!target.fault) throw new HttpError(400, `engine ${target.site.engine} does not support fault injection`);
    return sendJson(res, 200, { ok: true, action: fault.action, engine: target.site.engine, ...(await target.fault(fault)) });
  }
  const m = /^sessions\/([^/]+)(\/accepted)?$/.exec(rest);
  if (!m) throw new HttpError(404, `no such route: ${url.pathname}`);
  expect('GET');
  let key: string;
  try { key = decodeURIComponent(m[1]); } catch { throw new HttpError(400, 'session key is not valid URL encoding'); }
  return sendJson(res, 200, (m[2] ? await target.accepted(key) : await target.inspect(key)) as unknown as Json);
}

/** Handle a request under /__sessionscope/; returns false for any other path. Never throws. */
export async function handleInspection(req: IncomingMessage, res: ServerResponse, opts: InspectionOptions, site?: InspectTarget, body?: Uint8Array): Promise<boolean> {
  const url = new URL(req.url ?? '/', 'http://companion.invalid');
  if (!url.pathname.startsWith(PREFIX)) return false;
  try {
    await route(req, res, url, opts, site, body);
  } catch (err) {
    if (res.headersSent) { res.destroy(); return true; }
    if (err instanceof HttpError) sendJson(res, err.status, { error: err.message });
    else if (err instanceof BadRequestError) sendJson(res, 400, { error: err.message });
    else if (err instanceof StoreUnavailableError) sendJson(res, 503, { error: err.message, engine: url.searchParams.get('engine') ?? site?.site.engine ?? null });
    else sendJson(res, 500, { error: `internal error: ${(err as Error).message}` });
  }
  return true;
}
