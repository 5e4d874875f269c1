// The db and cached_db engines on PostgreSQL (pg): same reference transcripts as on SQLite, replayed by the
// TypeScript scenario (test/replay), so only missing PostgreSQL binaries skip it.
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { createCompanionServer } from '../../src/companion/server.ts';
import { runScenario } from '../replay/scenario.ts';
import { maskIrreproducible, TRANSCRIPTS } from '../replay/variants.ts';
import { diffLines } from '../replay/diff.ts';
import { startPostgres, type PostgresServer } from './attach/servers.ts';

describe('PostgreSQL backend', () => {
  let server: PostgresServer | null = null;
  let reason: string | null = null;
  beforeAll(async () => {
    const started = await startPostgres();
    if (typeof started === 'string') reason = started; else server = started;
    if (reason) console.warn(`SKIPPED PostgreSQL transcripts: ${reason}`);
  }, 60_000);
  afterAll(async () => { await server?.stop(); });

  for (const engine of ['db', 'cached_db'] as const) {
    it(`${engine} on PostgreSQL matches real Django's transcript`, async (t) => {
      if (!server) return t.skip(reason ?? 'no PostgreSQL');
      const client = new pg.Client({ connectionString: server.url });
      await client.connect();
      await client.query('DROP TABLE IF EXISTS django_session');
      await client.end();
      const companion = await createCompanionServer({ sites: [{ engine, database: server.url }], port: 0, quiet: true, logger: () => {} });
      try {
        const expected = maskIrreproducible(readFileSync(join(TRANSCRIPTS, `${engine}.txt`), 'utf8'));
        const actual = maskIrreproducible(await runScenario(companion.url));
        const diffs = diffLines(expected, actual);
        expect(diffs.slice(0, 8).join('\n'), `${diffs.length} differing lines`).toBe('');
        expect(companion.sites[0].store.location).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/postgres/);
      } finally {
        await companion.close();
      }
    }, 60_000);
  }

  it('creates Django\'s table layout', async (t) => {
    if (!server) return t.skip(reason ?? 'no PostgreSQL');
    const companion = await createCompanionServer({ sites: [{ engine: 'db', database: server.url }], port: 0, quiet: true, logger: () => {} });
    await companion.close();
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    const cols = await client.query(`SELECT column_name, data_type, character_maximum_length FROM information_schema.columns
      WHERE table_name = 'django_session' ORDER BY ordinal_position`);
    const idx = await client.query(`SELECT indexname FROM pg_indexes WHERE tablename = 'django_session' ORDER BY indexname`);
    await client.end();
    expect(cols.rows).toEqual([
      { column_name: 'session_key', data_type: 'character varying', character_maximum_length: 40 },
      { column_name: 'session_data', data_type: 'text', character_maximum_length: null },
      { column_name: 'expire_date', data_type: 'timestamp with time zone', character_maximum_length: null },
    ]);
    expect(idx.rows.map((r) => r.indexname)).toEqual(['django_session_expire_date_a5c62663', 'django_session_pkey', 'django_session_session_key_c0390e0f_like']);
  }, 60_000);
});
