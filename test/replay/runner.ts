// Runs scenario steps over raw HTTP (node:http keeps response header order and repeated Set-Cookie lines)
// with a one-cookie jar that behaves like a browser, printing the normalised transcript.
import { request } from 'node:http';
import { Normalizer, partition, pyStrRepr } from './normalizer.ts';
import { parsePythonJsonExact, pythonJsonDumps } from '../../src/core/python/json.ts';

export interface StepOptions {
  cookie?: 'jar' | { var: string } | string | null;
  jar?: boolean;
  remember?: string;
  approx?: boolean;
  rawCookieHeader?: string;
  capture?: string;
}
/** A JSON body (PyFloat for floats), or a function giving the body and how the transcript shows it. */
export type StepBody = unknown;

interface RawResponse { status: number; headers: [string, string][]; body: Buffer; now: number }

function send(base: URL, method: string, path: string, headers: Record<string, string>, data?: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: base.hostname, port: base.port, method, path, headers, timeout: 30_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const pairs: [string, string][] = [];
        for (let i = 0; i < res.rawHeaders.length; i += 2) pairs.push([res.rawHeaders[i], res.rawHeaders[i + 1]]);
        resolve({ status: res.statusCode ?? 0, headers: pairs, body: Buffer.concat(chunks), now: Date.now() / 1000 });
      });
    });
    req.on('timeout', () => req.destroy(new Error(`timeout: ${method} ${path}`)));
    req.on('error', reject);
    req.end(data);
  });
}

export class Runner {
  readonly lines: string[] = [];
  jar: string | null = null;
  private vars = new Map<string, string | null>();
  private n = 0;
  readonly norm: Normalizer;
  private readonly base: URL;

  constructor(baseUrl: string, readonly cookieName: string, secret: string | null) {
    this.base = new URL(baseUrl);
    this.norm = new Normalizer(secret);
  }

  say(line = ''): void { this.lines.push(line); }

  private maskText(text: string): string {
    const now = Date.now() / 1000;
    return text.replace(/[^/?&=;,\s]+/g, (m) => this.norm.string(m, now));
  }

  private show(value: string | null, now: number): string {
    if (value === null || value === undefined) return '(none)';
    return value === '' ? '""' : this.norm.string(value, now);
  }

  private resolve(template: string): string {
    return template.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'jar' ? this.jar : this.vars.get(name)) || 'none');
  }

  async step(title: string, method: string, path: string, body?: StepBody, opts: StepOptions = {}): Promise<number> {
    this.n++;
    if (opts.remember) this.vars.set(opts.remember, this.jar);
    if (opts.rawCookieHeader?.includes('{tampered}')) {
      const cur = this.jar ?? '';
      this.vars.set('tampered', cur ? cur.slice(0, -1) + (cur.slice(-1) !== 'a' ? 'a' : 'b') : 'none');
    }
    const cookie = opts.cookie === undefined ? 'jar' : opts.cookie;
    let sendValue: string | null;
    let update: boolean;
    if (cookie === 'jar') { sendValue = this.jar; update = opts.jar ?? true; }
    else if (cookie !== null && typeof cookie === 'object') { sendValue = this.vars.get(cookie.var) ?? null; update = !!opts.jar; }
    else { sendValue = cookie; update = !!opts.jar; }

    const realPath = this.resolve(path);
    const shownPath = this.maskText(realPath);
    const headers: Record<string, string> = { Host: `${this.base.hostname}:${this.base.port}`, Connection: 'close' };
    let cookieDesc: string;
    if (opts.rawCookieHeader !== undefined) {
      const hdr = opts.rawCookieHeader.replace(/\{(\w+)\}/g, (_, n: string) => (n === 'jar' ? this.jar : this.vars.get(n)) || '');
      headers.Cookie = hdr;
      cookieDesc = `raw '${this.maskText(hdr)}'`;
    } else if (sendValue !== null) {
      headers.Cookie = `${this.cookieName}=${sendValue}`;
      cookieDesc = this.show(sendValue, Date.now() / 1000);
    } else cookieDesc = '(none)';

    let data: string | undefined;
    let bodyDesc = '';
    // like the reference harness, a None body means "send no body" (set_expiry(None) reads an empty body)
    if (body !== undefined && body !== null) {
      let value: unknown = body;
      if (typeof body === 'function') [value, bodyDesc] = (body as () => [unknown, string])();
      // json.dumps defaults: ", " and ": " separators, ensure_ascii
      data = pythonJsonDumps(value);
      bodyDesc = bodyDesc || data;
      headers['Content-Type'] = 'application/json';
      headers['Content-Length'] = String(Buffer.byteLength(data));
    }
    const res = await send(this.base, method, this.base.pathname.replace(/\/$/, '') + realPath, headers, data);
    this.report(title, method, shownPath, bodyDesc, cookieDesc, res, update, opts);
    return res.status;
  }

  private report(title: string, method: string, shownPath: string, bodyDesc: string, cookieDesc: string,
    res: RawResponse, update: boolean, opts: StepOptions): void {
    const { now } = res;
    this.say(`### ${String(this.n).padStart(2, '0')} ${title}`);
    this.say(`>>> ${method} ${shownPath}${bodyDesc ? `  ${bodyDesc}` : ''}`);
    this.say(`>>> cookie: ${cookieDesc}`);
    this.say(`<<< status: ${res.status}`);
    const header = (name: string) => res.headers.filter(([k]) => k.toLowerCase() === name).map(([, v]) => v);
    const ctype = (header('content-type')[0] ?? '').split(';')[0].trim();
    this.say(`<<< content-type: ${ctype || '(none)'}`);
    const vary = header('vary');
    this.say(`<<< vary: ${vary.length ? vary.join(', ') : '(none)'}`);
    const cookies = header('set-cookie').map((v) => v.trim());
    if (!cookies.length) this.say('<<< set-cookie: (none)');
    let captured: string | null = null;
    for (const c of cookies) {
      this.say(`<<< set-cookie: ${this.norm.setCookie(c, this.cookieName, now, !!opts.approx)}`);
      const [cname, cval] = partition(c.split(';')[0].trim(), '=');
      if (cname === this.cookieName && cval !== '' && cval !== '""') captured = cval;
      if (update) this.updateJar(c, now);
    }
    if (opts.capture) this.vars.set(opts.capture, captured);
    this.say(`<<< body: ${this.describeBody(ctype, res.body, now, !!opts.approx)}`);
    this.say(`--- jar: ${this.show(this.jar, now)}`);
    this.say('');
  }

  private describeBody(ctype: string, payload: Buffer, now: number, approx: boolean): string {
    if (ctype === 'application/json') {
      try {
        return pythonJsonDumps(this.norm.body(parsePythonJsonExact(payload.toString('utf8')), now, approx));
      } catch {
        return `<invalid json> ${JSON.stringify(payload.subarray(0, 80).toString('latin1'))}`;
      }
    }
    let text = payload.toString('utf8').trim();
    const title = /<title>([\s\S]*?)<\/title>/.exec(text);
    if (title) text = `<html title=${pyStrRepr(title[1].trim())}>`;
    return text.replace(/\n/g, ' ').slice(0, 80) || '(empty)';
  }

  private updateJar(header: string, now: number): void {
    const parts = header.split(';').map((p) => p.trim());
    const [name, rawValue] = partition(parts[0], '=');
    if (name !== this.cookieName) return;
    const value = rawValue === '""' ? '' : rawValue;
    let expired = false;
    for (const a of parts.slice(1)) {
      const [an, av] = partition(a, '=');
      if (an.toLowerCase() === 'max-age' && /^\s*[+-]?\d+\s*$/.test(av) && parseInt(av, 10) <= 0) expired = true;
      if (an.toLowerCase() === 'expires' && av && !Number.isNaN(Date.parse(av)) && Date.parse(av) / 1000 <= now) expired = true;
    }
    this.jar = expired ? null : value;
  }
}
