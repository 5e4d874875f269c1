// The real-Django peers: Debian's python3 (not a pyenv one on PATH) with python3-django, and
// python3-gunicorn for the HTTP comparison. A missing peer skips its comparison with this reason.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const PYTHON = process.env.SESSIONSCOPE_PYTHON ?? '/usr/bin/python3';

/** null when the module imports, otherwise why the peer is unavailable. */
export function missingPeer(modules: string[]): string | null {
  if (!existsSync(PYTHON)) return `${PYTHON} not found (apt install python3)`;
  for (const m of modules) {
    try {
      execFileSync(PYTHON, ['-c', `import ${m}`], { stdio: 'ignore' });
    } catch {
      return `${PYTHON} cannot import ${m} (apt install python3-${m})`;
    }
  }
  return null;
}
