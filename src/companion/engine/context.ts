// What every SessionStore of one site shares: settings, Django version, clock, storage and the change feed.
import type { ChangeType, Clock, DjangoVersion, Engine, SessionSettings } from '../types.ts';
import type { SqlStore } from '../backends/sql.ts';
import type { CacheStore } from '../backends/cache-store.ts';

export interface EngineContext {
  engine: Engine;
  settings: SessionSettings;
  django: DjangoVersion;
  clock: Clock;
  sql?: SqlStore;
  cache?: CacheStore;
  /** resolved SESSION_FILE_PATH */
  fileDir?: string;
  emit(type: ChangeType, key: string | null, previousKey?: string | null): void;
  warn(logger: string, message: string): void;
}

/** Django >= 4.1 stores datetime expiries as ISO strings; 4.2 is the first version we emulate with that. */
export const isoExpiry = (ctx: EngineContext): boolean => ctx.django !== '3.2';
