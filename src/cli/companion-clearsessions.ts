// `sessionscope companion clearsessions`: Django's `manage.py clearsessions` for the companion's stored sessions
// (expired db rows and session files; a no-op for cache and signed_cookies, as in Django).
import { parseArgs } from 'node:util';
import { attachDashValues } from './cli-args.ts';
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { ENGINES, type Engine } from '../companion/types.ts';
import { createSite } from '../companion/site.ts';
import { SettingsError } from '../companion/settings.ts';
import { OPTIONS, parseDjango, resolveSettings, userDataDir } from './companion.ts';

export const CLEAR_USAGE = `usage: sessionscope companion clearsessions [--engine E] [--data-dir DIR] [--database PATH|URL] [setting flags]

Deletes expired sessions like Django's clearsessions. Without --data-dir it works on the per-user data folder
that \`sessionscope companion\` (all five backends) uses.`;

export async function runClearSessions(argv: string[], env: Record<string, string | undefined>): Promise<number> {
  let values;
  try {
    values = parseArgs({ args: attachDashValues(argv, OPTIONS), options: OPTIONS, strict: true, allowPositionals: false }).values;
    if (values.help) { process.stdout.write(CLEAR_USAGE + '\n'); return 0; }
    const settings = resolveSettings(values, env);
    const django = parseDjango(values.django);
    const chosen = settings.SESSION_ENGINE;
    const engines: Engine[] = chosen ? [chosen] : [...ENGINES];
    const single = !!chosen && !!values['data-dir'];
    const root = values['data-dir'] ?? userDataDir(env);
    for (const engine of engines) {
      const dataDir = single ? root : join(root, engine);
      mkdirSync(dataDir, { recursive: true });
      const site = await createSite({ engine, django, settings, ...(values.database ? { database: values.database } : {}), ...(values.redis ? { redis: values.redis } : {}) },
        { dataDir, url: 'http://127.0.0.1', log: (m) => process.stderr.write(m + '\n'), forward: () => {} });
      try {
        const before = await site.listKeys();
        await site.clearExpired();
        const after = await site.listKeys();
        const what = engine === 'cache' || engine === 'signed_cookies' ? 'nothing to clear (a no-op in Django too)' : `removed ${before.length - after.length} expired, ${after.length} left`;
        process.stdout.write(`clearsessions ${engine}: ${what}\n`);
      } finally {
        await site.close();
      }
    }
    return 0;
  } catch (e) {
    process.stderr.write(`sessionscope companion clearsessions: ${(e as Error).message}\n`);
    return e instanceof SettingsError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') ? 2 : 1;
  }
}
