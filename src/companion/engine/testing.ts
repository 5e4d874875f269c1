// Builds an EngineContext over real storage (SQLite in memory, LocMem, a temp dir) for unit tests.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChangeEvent, DjangoVersion, Engine, SessionSettings } from '../types.ts';
import { defaultSettings } from '../settings.ts';
import { createClock } from './clock.ts';
import type { EngineContext } from './context.ts';
import { openSqliteStore } from '../backends/sql-sqlite.ts';
import { createLocMemCache } from '../backends/locmem.ts';

export interface TestContext extends EngineContext { events: ChangeEvent[]; warnings: string[] }

export function makeTestContext(engine: Engine, opts: { django?: DjangoVersion; settings?: Partial<SessionSettings> } = {}): TestContext {
  const clock = createClock();
  const events: ChangeEvent[] = [];
  const warnings: string[] = [];
  const ctx: TestContext = {
    engine, django: opts.django ?? '3.2', clock, events, warnings,
    settings: { ...defaultSettings(engine), ...opts.settings },
    emit: (type, key, previousKey) => { events.push({ type, engine, key, previousKey, at: clock.now() }); },
    warn: (logger, message) => { warnings.push(`${logger}: ${message}`); },
  };
  if (engine === 'db' || engine === 'cached_db') ctx.sql = openSqliteStore(':memory:');
  if (engine === 'cache' || engine === 'cached_db') ctx.cache = createLocMemCache(clock);
  if (engine === 'file') ctx.fileDir = mkdtempSync(join(tmpdir(), 'ss-files-'));
  return ctx;
}
