// Read-only view of a Django SESSION_FILE_PATH directory (§6.4): files named <cookie name><key>, expiry
// = a truthy `_session_expiry` (ints count as seconds left, unchanged) or else mtime + SESSION_COOKIE_AGE.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Acceptance, InspectTarget, SessionListing, SessionSummary, SessionView, SiteInfo } from '../inspect/types.ts';
import { customExpiryAge, decodeStoredData, nowSeconds, sessionExpiry, type AttachOptions } from './stored-data.ts';

const VALID_KEY = /^[a-z0-9]+$/;

export class AttachedFiles implements InspectTarget {
  constructor(readonly site: SiteInfo, private readonly dir: string, private readonly opts: AttachOptions) {}

  private path(key: string): string { return join(this.dir, this.opts.cookieName + key); }

  async inspect(key: string): Promise<SessionView> {
    const base = { engine: this.site.engine, key, location: VALID_KEY.test(key) ? this.path(key) : null };
    const missing: SessionView = { ...base, found: false, record: null, decoded: null, expiresAt: null, expired: null };
    if (!VALID_KEY.test(key)) return { ...missing, error: 'invalid key: the file backend only accepts [a-z0-9]' };
    let raw: string, mtime: number, mode: number;
    try {
      const info = await stat(this.path(key));
      raw = await readFile(this.path(key), 'latin1');
      mtime = info.mtimeMs / 1000;
      mode = info.mode & 0o777;
    } catch {
      return missing;
    }
    const { decoded, error } = await decodeStoredData(raw, this.opts);
    const now = nowSeconds(this.opts);
    const custom = customExpiryAge(sessionExpiry(decoded), now);
    // An int custom expiry never expires server side (its "age" is constant): report it as unknown expiry time.
    const age = custom ?? mtime + this.opts.cookieAge - now;
    const intExpiry = typeof sessionExpiry(decoded) === 'number' && custom !== null;
    const view: SessionView = {
      ...base, found: true, decoded,
      record: { path: this.path(key), raw, mtime, mode: '0o' + mode.toString(8) },
      expiresAt: intExpiry ? null : Math.floor(now + age), expired: age <= 0,
    };
    return error ? { ...view, error } : view;
  }

  async list(limit: number): Promise<SessionListing> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (err) {
      throw new Error(`--attach-files ${this.dir}: ${(err as Error).message}`);
    }
    const keys = names.filter((n) => n.startsWith(this.opts.cookieName))
      .map((n) => n.slice(this.opts.cookieName.length)).filter((k) => VALID_KEY.test(k));
    const views = await Promise.all(keys.map((k) => this.inspect(k)));
    const sessions: SessionSummary[] = views.filter((v) => v.found)
      .sort((a, b) => Number((b.record as { mtime: number }).mtime) - Number((a.record as { mtime: number }).mtime))
      .map(({ key, expiresAt, expired, location }) => ({ key, expiresAt, expired, location }));
    return { engine: this.site.engine, count: Math.min(limit, sessions.length), truncated: sessions.length > limit, sessions: sessions.slice(0, limit) };
  }

  async accepted(key: string): Promise<Acceptance> {
    const view = await this.inspect(key);
    const reason = !VALID_KEY.test(key) ? 'invalid key' : !view.found ? 'no stored session with this key'
      : view.expired ? 'stored session has expired' : 'stored session is live';
    return { engine: this.site.engine, key, accepted: reason === 'stored session is live', reason };
  }
}
