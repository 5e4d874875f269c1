// A tiny browser for HTTP-level tests: one cookie jar (host-only, drops Max-Age<=0), manual redirects.
import { parse, splitCookiesString } from 'set-cookie-parser';
import { send, type RawResponse } from '../inspect/http.ts';

export interface Step extends RawResponse { setCookies: string[] }

export class Browser {
  readonly jar = new Map<string, string>();
  constructor(readonly port: number, readonly host = `127.0.0.1:${port}`) {}

  private cookieHeader(): string | undefined {
    return this.jar.size ? [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ') : undefined;
  }

  async request(method: string, path: string, form?: Record<string, string>): Promise<Step> {
    const headers: Record<string, string> = { host: this.host };
    const cookie = this.cookieHeader();
    if (cookie) headers.cookie = cookie;
    let body: string | undefined;
    if (form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      headers.origin = `http://${this.host}`; // browsers send Origin on form POSTs
      body = new URLSearchParams(form).toString();
    }
    const res = await send(this.port, path, { method, headers, body });
    const raw = res.headers['set-cookie'] ?? [];
    const setCookies = (Array.isArray(raw) ? raw : splitCookiesString(raw));
    for (const c of parse(setCookies)) {
      if (c.maxAge !== undefined && c.maxAge <= 0) this.jar.delete(c.name);
      else this.jar.set(c.name, c.value);
    }
    return { ...res, setCookies };
  }

  get = (path: string) => this.request('GET', path);
  post = (path: string, form: Record<string, string> = {}) => this.request('POST', path, form);
  session = (): string | undefined => this.jar.get('sessionid');
}

/** The text of the element with this data-testid (first match), tags stripped. */
export function testId(html: string, id: string): string | null {
  const m = new RegExp(`data-testid="${id}"[^>]*>([\\s\\S]*?)</`).exec(html);
  return m ? m[1].replace(/<[^>]+>/g, '').trim() : null;
}
