// The django_session table (Django's exact schema) behind one small interface, so the db and cached_db
// engines run unchanged on SQLite (better-sqlite3) and PostgreSQL (pg).
export interface SessionRow {
  session_key: string;
  session_data: string;
  /** UTC instant in microseconds */
  expire_date: number;
}

export interface SqlStore {
  /** e.g. "sqlite:/path/db.sqlite3" or the postgres URL without password */
  location: string;
  get(key: string): Promise<SessionRow | null>;
  /** the row only if expire_date > now (what SessionStore.load sees) */
  getLive(key: string, nowMicros: number): Promise<SessionRow | null>;
  exists(key: string): Promise<boolean>;
  /** false on a duplicate key (IntegrityError) */
  insert(row: SessionRow): Promise<boolean>;
  /** rows updated */
  update(row: SessionRow): Promise<number>;
  delete(key: string): Promise<boolean>;
  /** DELETE ... WHERE expire_date < now; returns the removed keys */
  deleteExpired(nowMicros: number): Promise<string[]>;
  count(): Promise<number>;
  keys(): Promise<string[]>;
  /** overwrite session_data only (the playground's /store/<key>/corrupt) */
  setData(key: string, data: string): Promise<number>;
  close(): Promise<void>;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** Django's SQLite datetime text: naive UTC "YYYY-MM-DD HH:MM:SS[.ffffff]" (str(datetime)). */
export function sqliteDateTime(micros: number): string {
  const sec = Math.floor(micros / 1e6);
  const us = Math.round(micros - sec * 1e6);
  const d = new Date(sec * 1000);
  const base = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return us ? `${base}.${pad(us, 6)}` : base;
}

export function parseSqliteDateTime(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?/.exec(text);
  if (!m) throw new Error(`bad datetime in django_session: ${text}`);
  const ms = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]);
  return ms * 1000 + Number((m[7] ?? '').padEnd(6, '0') || 0);
}
