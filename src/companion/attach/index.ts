// Attach mode: serve a real Django project's session stores, read-only, through the inspection API.
// Flags: --attach-sqlite PATH, --attach-postgres URL, --attach-files DIR, --attach-redis URL, with the
// project's --secret-key (repeatable for rotation), --cookie-name, --cookie-age, --attach-key-prefix.
import { statSync } from 'node:fs';
import type { InspectTarget, SiteInfo } from '../inspect/types.ts';
import { AttachedDb } from './attach-db.ts';
import { AttachedFiles } from './attach-files.ts';
import { AttachedRedis } from './attach-redis.ts';
import { openPostgresRows, openSqliteRows } from './row-sources.ts';
import type { AttachOptions } from './stored-data.ts';

export interface AttachConfig {
  /** each flag may repeat: several projects' stores side by side */
  sqlite: string[];
  postgres: string[];
  files: string[];
  redis: string[];
  secretKeys: string[];
  cookieName: string;
  cookieAge: number;
  /** Django's CACHES KEY_PREFIX (default '') */
  keyPrefix: string;
}

const FLAGS = { '--attach-sqlite': 'sqlite', '--attach-postgres': 'postgres', '--attach-files': 'files', '--attach-redis': 'redis' } as const;

export const hasAttachFlags = (argv: string[]): boolean => argv.some((a) => a.split('=')[0] in FLAGS);

/** Read the attach flags (both `--flag value` and `--flag=value`); other flags are ignored. */
export function parseAttachArgs(argv: string[]): AttachConfig {
  const config: AttachConfig = { sqlite: [], postgres: [], files: [], redis: [], secretKeys: [], cookieName: 'sessionid', cookieAge: 1209600, keyPrefix: '' };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const take = (): string => {
      const value = inline ?? argv[++i];
      if (value === undefined || (inline === undefined && value.startsWith('--'))) throw new Error(`${flag} needs a value`);
      return value;
    };
    if (flag in FLAGS) config[FLAGS[flag as keyof typeof FLAGS]].push(take());
    else if (flag === '--secret-key') config.secretKeys.push(take());
    else if (flag === '--cookie-name') config.cookieName = take();
    else if (flag === '--attach-key-prefix') config.keyPrefix = take();
    else if (flag === '--cookie-age') {
      const age = Number(take());
      if (!Number.isInteger(age)) throw new Error('--cookie-age must be an integer number of seconds');
      config.cookieAge = age;
    }
  }
  return config;
}

/** Open every configured store; closes what was opened if one fails, so errors never leak connections. */
/**
 * `port` is the companion's: each store gets its own loopback host name on it (attached-sqlite.localhost), so
 * a client that addresses sites by URL (the panel) reaches it like any other site.
 */
export async function openAttachedStores(config: AttachConfig, server: { port: number }): Promise<InspectTarget[]> {
  const opts: AttachOptions = { secretKeys: config.secretKeys, cookieName: config.cookieName, cookieAge: config.cookieAge };
  // the first store of a kind is `attached-sqlite`, further ones `attached-sqlite-2`, …
  const site = (kind: string, i: number): SiteInfo => {
    const engine = `attached-${kind}${i ? `-${i + 1}` : ''}`;
    const host = `${engine}.localhost`;
    return { engine, host, url: `http://${host}:${server.port}`, djangoVersion: 'attached', cookieName: config.cookieName, readOnly: true };
  };
  const opened: InspectTarget[] = [];
  try {
    for (const [i, path] of config.sqlite.entries()) opened.push(new AttachedDb(site('sqlite', i), openSqliteRows(path), opts));
    for (const [i, url] of config.postgres.entries()) opened.push(new AttachedDb(site('postgres', i), await openPostgresRows(url), opts));
    for (const [i, dir] of config.files.entries()) opened.push(new AttachedFiles(site('files', i), checkDirectory(dir), opts));
    for (const [i, url] of config.redis.entries()) opened.push(await AttachedRedis.open(site('redis', i), url, { ...opts, keyPrefix: config.keyPrefix }));
  } catch (err) {
    await Promise.all(opened.map((t) => t.close?.()));
    throw err;
  }
  return opened;
}

function checkDirectory(dir: string): string {
  let ok = false;
  try { ok = statSync(dir).isDirectory(); } catch { /* reported below */ }
  if (!ok) throw new Error(`--attach-files ${dir}: not a directory (expected Django's SESSION_FILE_PATH)`);
  return dir;
}
