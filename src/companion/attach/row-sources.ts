// Read-only drivers for the django_session table: better-sqlite3 opened readonly, and pg in a
// read-only transaction mode with bounded connect/statement timeouts.
import Database from 'better-sqlite3';
import pg from 'pg';
import type { DbRow, RowSource } from './attach-db.ts';
import { StoreUnavailableError } from '../inspect/types.ts';

export function openSqliteRows(path: string): RowSource {
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    db.pragma('query_only = ON');
    db.prepare('SELECT 1 FROM django_session LIMIT 1').get();
  } catch (err) {
    throw new Error(`--attach-sqlite ${path}: ${(err as Error).message} (is this a Django database with sessions migrated?)`);
  }
  const one = db.prepare('SELECT session_key, session_data, expire_date FROM django_session WHERE session_key = ?');
  const many = db.prepare('SELECT session_key, expire_date FROM django_session ORDER BY expire_date DESC LIMIT ?');
  return {
    location: path,
    one: async (key) => (one.get(key) as DbRow | undefined) ?? null,
    many: async (limit) => many.all(limit) as Array<{ session_key: string; expire_date: string }>,
    close: async () => { db.close(); },
  };
}

export async function openPostgresRows(url: string): Promise<RowSource> {
  const pool = new pg.Pool({
    connectionString: url, max: 2, connectionTimeoutMillis: 2000, statement_timeout: 2000,
    options: '-c default_transaction_read_only=on',
  });
  pool.on('error', () => { /* idle client lost: the next query reconnects or reports */ });
  const query = async <T extends object>(sql: string, params: unknown[]): Promise<T[]> => {
    try {
      return (await pool.query<T>(sql, params)).rows;
    } catch (err) {
      throw new StoreUnavailableError(`PostgreSQL ${redact(url)}: ${(err as Error).message}`);
    }
  };
  await query('SELECT 1 FROM django_session LIMIT 1', []);
  return {
    location: redact(url),
    one: async (key) => (await query<DbRow>(
      'SELECT session_key, session_data, expire_date::text AS expire_date FROM django_session WHERE session_key = $1', [key]))[0] ?? null,
    many: (limit) => query('SELECT session_key, expire_date::text AS expire_date FROM django_session ORDER BY expire_date DESC LIMIT $1', [limit]),
    close: () => pool.end(),
  };
}

/** Never echo a password back in JSON or logs. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@');
}
