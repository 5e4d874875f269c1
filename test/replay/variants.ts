// Which transcripts exist and which companion flags reproduce each (peers/README.md's table).
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const TRANSCRIPTS = join(import.meta.dirname, '../fixtures/django-transcripts');
export const DJANGO_VERSIONS = ['3.2', '4.2', '5.2'] as const;

export interface Variant { name: string; django: string; flags: string[]; redis: boolean; file: string; logsCorruption: boolean }

const BASE: [string, string[]][] = [
  ['db', ['--engine', 'db']],
  ['cache', ['--engine', 'cache']],
  ['cached_db', ['--engine', 'cached_db']],
  ['file', ['--engine', 'file']],
  ['signed_cookies', ['--engine', 'signed_cookies']],
  ['db+save_every_request', ['--engine', 'db', '--save-every-request']],
  ['db+expire_at_browser_close', ['--engine', 'db', '--expire-at-browser-close']],
  ['db+pickle', ['--engine', 'db', '--serializer', 'pickle']],
  ['signed_cookies+save_every_request', ['--engine', 'signed_cookies', '--save-every-request']],
  ['cache+redis', ['--engine', 'cache']],
  ['cached_db+redis', ['--engine', 'cached_db']],
];

export function listVariants(): Variant[] {
  return DJANGO_VERSIONS.flatMap((django) => BASE.map(([name, flags]) => {
    const file = join(TRANSCRIPTS, django === '3.2' ? '' : `django-${django}`, `${name}.txt`);
    const logsCorruption = ['db', 'file', 'cached_db'].includes(flags[1]);
    return { name, django, flags: [...flags, '--django', django], redis: name.endsWith('+redis'), file, logsCorruption };
  })).filter((v) => existsSync(v.file));
}

/**
 * The /store internal a non-Python server cannot reproduce (peers/README.md): the cache backend's Python
 * class name. Pickle byte counts are compared: the companion writes CPython's exact bytes.
 */
export function maskIrreproducible(transcript: string): string {
  return transcript.replace(/"cache_backend": "[^"]*"/g, '"cache_backend": "<class>"');
}
