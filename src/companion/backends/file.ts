// django.contrib.sessions.backends.file: "<SESSION_COOKIE_NAME><key>" files in SESSION_FILE_PATH, written to a
// temp file in the same directory and renamed over the target (atomic), mode 0600. No fsync, as in Django: once
// write() returns the bytes are in the page cache, which a killed process cannot lose (only power loss can).
import { closeSync, openSync, readdirSync, constants } from 'node:fs';
// The save's temp file + rename runs synchronously once per event loop turn for all saves of a session in that
// turn (file-writer.ts explains why that beats thread hand-offs). The rarer directory-changing calls (the
// create placeholder, unlink) and the key-collision stat stay in the libuv pool. Reading a hot session file
// (file-cache.ts) and opening it for the update check are synchronous: microseconds.
import { open, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { SessionBase, VALID_KEY_CHARS } from '../engine/session-base.ts';
import { forgetFile, readSessionFile, rememberFile } from './file-cache.ts';
import { replaceFile } from './file-writer.ts';
import { CreateError, ServerError, SuspiciousOperation, UpdateError } from '../engine/errors.ts';
import type { EngineContext } from '../engine/context.ts';
import { PyDateTime, isTruthy, pyTypeName, toNumber, type PyDict } from '../py/value.ts';

class InvalidSessionKey extends SuspiciousOperation {}

export class FileSession extends SessionBase {
  /** set by clear_expired: load() must not create() replacements */
  noCreate = false;
  private expiring = false;

  protected get dir(): string { return this.ctx.fileDir!; }
  protected get prefix(): string { return this.ctx.settings.SESSION_COOKIE_NAME; }

  /** _key_to_file: only [a-z0-9] keys name a file (path traversal and upper case are refused). */
  protected keyToFile(key: string | null = this.sessionKey): string {
    if (key === null || ![...key].every((c) => VALID_KEY_CHARS.includes(c))) throw new InvalidSessionKey();
    return join(this.dir, this.prefix + key);
  }

  async load(): Promise<PyDict> {
    let data: PyDict = new Map();
    try {
      const { text, mtimeMs } = readSessionFile(this.keyToFile());
      if (text) {
        data = await this.decode(text);
        const expiry = data.get('_session_expiry');
        const mtime = Math.round(mtimeMs * 1000);
        const effective = isTruthy(expiry) ? expiry! : new PyDateTime(mtime + this.ctx.settings.SESSION_COOKIE_AGE * 1e6, 'utc');
        const rawAge = await this.getExpiryAge({ expiry: effective });
        const age = toNumber(rawAge);
        // `expiry_age <= 0` on a str/list/dict expiry is a TypeError in Python, which load() does not catch
        if (age === null) throw new ServerError(`TypeError: '<=' not supported between instances of '${pyTypeName(rawAge)}' and 'int'`);
        if (age <= 0) {
          const old = this.sessionKey;
          data = new Map();
          this.expiring = true;
          try { await this.delete(); } finally { this.expiring = false; }
          this.ctx.emit(this.noCreate ? 'cleared' : 'expired', old);
          if (!this.noCreate) await this.create();
        }
      }
    } catch (e) {
      if (!(e instanceof InvalidSessionKey) && !isFsError(e)) throw e;
      this.setKey(null);
    }
    return data;
  }

  async exists(key: string): Promise<boolean> {
    try { await stat(this.keyToFile(key)); return true; } catch { return false; }
  }

  async create(): Promise<void> { await this.createWithFreshKey(); }

  async save(mustCreate = false): Promise<void> {
    if (this.sessionKey === null) return this.create();
    const data = await this.session(mustCreate);
    const path = this.keyToFile();
    try {
      if (mustCreate) await (await open(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o666)).close();
      else closeSync(openSync(path, constants.O_WRONLY));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' && !mustCreate) throw new UpdateError();
      if (code === 'EEXIST' && mustCreate) throw new CreateError();
      throw e;
    }
    const encoded = await this.encode(data);
    const tempPrefix = join(this.dir, `${this.prefix}${this.sessionKey}_out_`);
    await replaceFile(path, () => tempPrefix + tempSuffix(), encoded, (file, text) => rememberFile(path, file, text));
    if (!mustCreate) this.ctx.emit('modified', this.sessionKey);
  }

  async delete(key: string | null = null): Promise<void> {
    const k = key ?? this.sessionKey;
    if (k === null) return;
    const path = this.keyToFile(k);
    forgetFile(path);
    try {
      await unlink(path);
      // expiry removals are reported by load() as expired/cleared instead
      if (key !== null || !this.expiring) this.ctx.emit('deleted', k);
    } catch { /* a missing file is ignored, as Django */ }
  }
}

const isFsError = (e: unknown): boolean => typeof (e as NodeJS.ErrnoException)?.code === 'string';

// tempfile._RandomNameSequence's alphabet; the name only has to be unlikely to exist (O_EXCL refuses a clash)
const TEMP_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789_';
function tempSuffix(): string {
  let out = '';
  for (let i = 0; i < 8; i++) out += TEMP_CHARS[Math.floor(Math.random() * TEMP_CHARS.length)];
  return out;
}

/** clearsessions for the file backend: load every "<cookie name>*" file without re-creating expired ones. */
export async function clearExpiredFiles(ctx: EngineContext): Promise<void> {
  const prefix = ctx.settings.SESSION_COOKIE_NAME;
  for (const name of readdirSync(ctx.fileDir!)) {
    if (!name.startsWith(prefix)) continue;
    const s = new FileSession(ctx, name.slice(prefix.length));
    s.noCreate = true;
    try { await s.load(); } catch { /* unreadable: skipped */ }
  }
}

export function countSessionFiles(ctx: EngineContext): number {
  return readdirSync(ctx.fileDir!).filter((n) => n.startsWith(ctx.settings.SESSION_COOKIE_NAME)).length;
}
