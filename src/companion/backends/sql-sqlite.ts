// django_session on SQLite via better-sqlite3, with the DDL Django's migration emits for SQLite.
import Database from 'better-sqlite3';
import { parseSqliteDateTime, sqliteDateTime, type SessionRow, type SqlStore } from './sql.ts';

const DDL = [
  'CREATE TABLE IF NOT EXISTS "django_session" ("session_key" varchar(40) NOT NULL PRIMARY KEY, "session_data" text NOT NULL, "expire_date" datetime NOT NULL)',
  'CREATE INDEX IF NOT EXISTS "django_session_expire_date_a5c62663" ON "django_session" ("expire_date")',
];

interface RawRow { session_key: string; session_data: string; expire_date: string }

const toRow = (r: RawRow | undefined): SessionRow | null =>
  r ? { session_key: r.session_key, session_data: r.session_data, expire_date: parseSqliteDateTime(r.expire_date) } : null;

export function openSqliteStore(path: string): SqlStore {
  const db = new Database(path);
  db.pragma('busy_timeout = 5000');
  // WAL + synchronous=NORMAL: a commit is a page-cache append to the WAL, no fsync per request. A killed process
  // loses nothing committed (only power loss can drop the last commits), and readers never block the writer.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  for (const sql of DDL) db.exec(sql);
  const q = {
    get: db.prepare('SELECT * FROM django_session WHERE session_key = ?'),
    live: db.prepare('SELECT * FROM django_session WHERE session_key = ? AND expire_date > ?'),
    insert: db.prepare('INSERT INTO django_session (session_key, session_data, expire_date) VALUES (?, ?, ?)'),
    update: db.prepare('UPDATE django_session SET session_data = ?, expire_date = ? WHERE session_key = ?'),
    delete: db.prepare('DELETE FROM django_session WHERE session_key = ?'),
    expired: db.prepare('SELECT session_key FROM django_session WHERE expire_date < ?'),
    deleteExpired: db.prepare('DELETE FROM django_session WHERE expire_date < ?'),
    count: db.prepare('SELECT COUNT(*) AS n FROM django_session'),
    keys: db.prepare('SELECT session_key FROM django_session ORDER BY expire_date DESC'),
    setData: db.prepare('UPDATE django_session SET session_data = ? WHERE session_key = ?'),
  };
  const clearExpired = db.transaction((now: string) => {
    const keys = (q.expired.all(now) as { session_key: string }[]).map((r) => r.session_key);
    q.deleteExpired.run(now);
    return keys;
  });
  return {
    location: `sqlite:${path}`,
    get: async (key) => toRow(q.get.get(key) as RawRow | undefined),
    getLive: async (key, now) => toRow(q.live.get(key, sqliteDateTime(now)) as RawRow | undefined),
    exists: async (key) => q.get.get(key) !== undefined,
    insert: async (row) => {
      try {
        q.insert.run(row.session_key, row.session_data, sqliteDateTime(row.expire_date));
        return true;
      } catch (e) {
        if ((e as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT')) return false;
        throw e;
      }
    },
    update: async (row) => q.update.run(row.session_data, sqliteDateTime(row.expire_date), row.session_key).changes,
    delete: async (key) => q.delete.run(key).changes > 0,
    deleteExpired: async (now) => clearExpired(sqliteDateTime(now)),
    count: async () => (q.count.get() as { n: number }).n,
    keys: async () => (q.keys.all() as { session_key: string }[]).map((r) => r.session_key),
    setData: async (key, data) => q.setData.run(data, key).changes,
    close: async () => { db.close(); },
  };
}
