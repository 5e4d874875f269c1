// django_session on PostgreSQL via pg, with the DDL Django's migration emits for PostgreSQL.
import pg from 'pg';
import type { SessionRow, SqlStore } from './sql.ts';

const DDL = [
  'CREATE TABLE IF NOT EXISTS "django_session" ("session_key" varchar(40) NOT NULL PRIMARY KEY, "session_data" text NOT NULL, "expire_date" timestamp with time zone NOT NULL)',
  'CREATE INDEX IF NOT EXISTS "django_session_expire_date_a5c62663" ON "django_session" ("expire_date")',
  'CREATE INDEX IF NOT EXISTS "django_session_session_key_c0390e0f_like" ON "django_session" ("session_key" varchar_pattern_ops)',
];

// Timestamps travel as text with microseconds, so no precision is lost to JS Dates (milliseconds).
const iso = (micros: number): string => {
  const sec = Math.floor(micros / 1e6);
  const us = String(Math.round(micros - sec * 1e6)).padStart(6, '0');
  return new Date(sec * 1000).toISOString().replace('.000Z', `.${us}+00:00`);
};
const SELECT = `SELECT session_key, session_data, (extract(epoch from expire_date) * 1000000)::bigint::text AS us FROM django_session`;
interface RawRow { session_key: string; session_data: string; us: string }
const toRow = (r: RawRow | undefined): SessionRow | null =>
  r ? { session_key: r.session_key, session_data: r.session_data, expire_date: Number(r.us) } : null;

export async function openPostgresStore(url: string): Promise<SqlStore> {
  const pool = new pg.Pool({ connectionString: url, max: 4, connectionTimeoutMillis: 5000 });
  for (const sql of DDL) await pool.query(sql);
  const one = async (sql: string, args: unknown[]): Promise<RawRow | undefined> => (await pool.query(sql, args)).rows[0];
  const safe = new URL(url);
  safe.password = '';
  return {
    location: safe.toString(),
    get: async (key) => toRow(await one(`${SELECT} WHERE session_key = $1`, [key])),
    getLive: async (key, now) => toRow(await one(`${SELECT} WHERE session_key = $1 AND expire_date > $2`, [key, iso(now)])),
    exists: async (key) => (await one(`${SELECT} WHERE session_key = $1`, [key])) !== undefined,
    insert: async (row) => {
      try {
        await pool.query('INSERT INTO django_session VALUES ($1, $2, $3)', [row.session_key, row.session_data, iso(row.expire_date)]);
        return true;
      } catch (e) {
        if ((e as { code?: string }).code === '23505') return false;
        throw e;
      }
    },
    update: async (row) => (await pool.query('UPDATE django_session SET session_data = $1, expire_date = $2 WHERE session_key = $3',
      [row.session_data, iso(row.expire_date), row.session_key])).rowCount ?? 0,
    delete: async (key) => ((await pool.query('DELETE FROM django_session WHERE session_key = $1', [key])).rowCount ?? 0) > 0,
    deleteExpired: async (now) => (await pool.query('DELETE FROM django_session WHERE expire_date < $1 RETURNING session_key', [iso(now)]))
      .rows.map((r: { session_key: string }) => r.session_key),
    count: async () => Number((await pool.query('SELECT COUNT(*) AS n FROM django_session')).rows[0].n),
    keys: async () => (await pool.query('SELECT session_key FROM django_session ORDER BY expire_date DESC')).rows
      .map((r: { session_key: string }) => r.session_key),
    setData: async (key, data) => (await pool.query('UPDATE django_session SET session_data = $1 WHERE session_key = $2', [data, key])).rowCount ?? 0,
    close: async () => { await pool.end(); },
  };
}
