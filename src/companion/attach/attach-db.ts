// Read-only view of a real Django project's `django_session` table (db and cached_db engines), in SQLite or
// PostgreSQL. Mirrors the db backend's load(): a row counts only while `expire_date > now`.
import type { Json } from '../../core/protocol/index.ts';
import type { Acceptance, InspectTarget, SessionListing, SessionView, SiteInfo } from '../inspect/types.ts';
import { decodeStoredData, nowSeconds, type AttachOptions } from './stored-data.ts';

export interface DbRow { session_key: string; session_data: string; expire_date: string }

/** The two drivers differ only in how they fetch rows; expire_date always comes back as stored text. */
export interface RowSource {
  location: string;
  one(key: string): Promise<DbRow | null>;
  many(limit: number): Promise<Array<{ session_key: string; expire_date: string }>>;
  close(): Promise<void>;
}

const TIMESTAMP = /^(\d{4}-\d\d-\d\d)[ T](\d\d:\d\d:\d\d)(\.\d+)?\s*(Z|[+-]\d\d(?::?\d\d)?)?$/;

/** SQLite stores `YYYY-MM-DD HH:MM:SS.ffffff` (UTC); PostgreSQL's text form ends in `+00`. */
export function parseDbTimestamp(text: string): number | null {
  const m = TIMESTAMP.exec(text.trim());
  if (!m) return null;
  let zone = m[4] ?? 'Z';
  if (/^[+-]\d\d$/.test(zone)) zone += ':00';
  else if (/^[+-]\d{4}$/.test(zone)) zone = `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const ms = Date.parse(`${m[1]}T${m[2]}${zone}`);
  if (Number.isNaN(ms)) return null;
  return ms / 1000 + (m[3] ? Number(m[3]) : 0);
}

export class AttachedDb implements InspectTarget {
  constructor(readonly site: SiteInfo, private readonly rows: RowSource, private readonly opts: AttachOptions) {}

  async inspect(key: string): Promise<SessionView> {
    const row = await this.rows.one(key);
    const base = { engine: this.site.engine, key, location: `django_session in ${this.rows.location}` };
    if (!row) return { ...base, found: false, record: null, decoded: null, expiresAt: null, expired: null };
    const expiresAt = parseDbTimestamp(row.expire_date);
    const { decoded, error } = await decodeStoredData(row.session_data, this.opts);
    const view: SessionView = {
      ...base, found: true, record: { ...row } as unknown as Json, decoded, expiresAt,
      expired: expiresAt === null ? null : expiresAt <= nowSeconds(this.opts),
    };
    return error ? { ...view, error } : view;
  }

  async list(limit: number): Promise<SessionListing> {
    const rows = await this.rows.many(limit + 1);
    const now = nowSeconds(this.opts);
    const sessions = rows.slice(0, limit).map((r) => {
      const expiresAt = parseDbTimestamp(r.expire_date);
      return { key: r.session_key, expiresAt, expired: expiresAt === null ? null : expiresAt <= now, location: `django_session in ${this.rows.location}` };
    });
    return { engine: this.site.engine, count: sessions.length, truncated: rows.length > limit, sessions };
  }

  async accepted(key: string): Promise<Acceptance> {
    const view = await this.inspect(key);
    const reason = !view.found ? 'no stored session with this key' : view.expired ? 'stored session has expired' : 'stored session is live';
    return { engine: this.site.engine, key, accepted: reason === 'stored session is live', reason };
  }

  close(): Promise<void> { return this.rows.close(); }
}
