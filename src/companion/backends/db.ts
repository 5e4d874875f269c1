// django.contrib.sessions.backends.db: one django_session row per session; load ignores expired rows.
import { SessionBase } from '../engine/session-base.ts';
import { CreateError, UpdateError } from '../engine/errors.ts';
import type { EngineContext } from '../engine/context.ts';
import type { PyDict } from '../py/value.ts';
import type { SessionRow, SqlStore } from './sql.ts';

export class DbSession extends SessionBase {
  constructor(ctx: EngineContext, key: string | null) { super(ctx, key); }

  protected get sql(): SqlStore { return this.ctx.sql!; }

  /** _get_session_from_db: a live row, or key := None */
  protected async liveRow(): Promise<SessionRow | null> {
    const key = this.sessionKey;
    const row = key === null ? null : await this.sql.getLive(key, this.nowMicros());
    if (row) return row;
    // the row may still be there, expired (it stays until clearsessions): tell the change feed
    if (key !== null && (await this.sql.exists(key))) this.ctx.emit('expired', key);
    this.setKey(null);
    return null;
  }

  async load(): Promise<PyDict> {
    const row = await this.liveRow();
    return row ? this.decode(row.session_data) : new Map();
  }

  async exists(key: string): Promise<boolean> { return this.sql.exists(key); }

  async create(): Promise<void> { await this.createWithFreshKey(); }

  async save(mustCreate = false): Promise<void> {
    if (this.sessionKey === null) return this.create();
    const data = await this.session(mustCreate);
    const row: SessionRow = {
      session_key: this.sessionKey,
      session_data: await this.encode(data),
      expire_date: (await this.getExpiryDate()).micros,
    };
    if (mustCreate) {
      if (!(await this.sql.insert(row))) throw new CreateError();
      return;
    }
    if ((await this.sql.update(row)) === 0) throw new UpdateError();
    this.ctx.emit('modified', this.sessionKey);
  }

  async delete(key: string | null = null): Promise<void> {
    const k = key ?? this.sessionKey;
    if (k === null) return;
    if (await this.sql.delete(k)) this.ctx.emit('deleted', k);
  }
}

export async function clearExpiredDb(ctx: EngineContext): Promise<void> {
  const removed = await ctx.sql!.deleteExpired(Math.round(ctx.clock.now() * 1e6));
  for (const key of removed) ctx.emit('cleared', key);
}
