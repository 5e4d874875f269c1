import { describe, expect, it, vi } from 'vitest';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// count the opens behind each read (the module under test imports these bindings)
const opens = vi.hoisted(() => ({ n: 0 }));
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  return { ...real, openSync: (...args: Parameters<typeof real.openSync>) => { opens.n++; return real.openSync(...args); } };
});
const { forgetFile, readSessionFile, rememberFile } = await import('./file-cache.ts');

function sessionFile(text: string): string {
  const path = join(fs.mkdtempSync(join(tmpdir(), 'ss-fcache-')), 'sessionidk');
  fs.writeFileSync(path, text, 'latin1');
  return path;
}

describe('readSessionFile', () => {
  it('reads latin-1 text and its mtime, then serves the unchanged file from memory', () => {
    const path = sessionFile('caf\u00e9');
    const first = readSessionFile(path);
    expect(first).toEqual({ text: 'caf\u00e9', mtimeMs: fs.statSync(path).mtimeMs });
    const before = opens.n;
    expect(readSessionFile(path)).toEqual(first);
    expect(opens.n).toBe(before);
  });

  it('sees a file renamed over it by another writer', () => {
    const path = sessionFile('old');
    readSessionFile(path);
    fs.writeFileSync(path + '_out_1', 'new', 'latin1');
    fs.renameSync(path + '_out_1', path);
    expect(readSessionFile(path).text).toBe('new');
  });

  it('sees an in-place change of the same size even with the mtime put back (ctime moves)', async () => {
    const path = sessionFile('aaaa');
    fs.utimesSync(path, 1_700_000_000, 1_700_000_000);
    readSessionFile(path);
    await new Promise((r) => setTimeout(r, 20)); // past the filesystem clock's tick
    fs.writeFileSync(path, 'bbbb', 'latin1');
    fs.utimesSync(path, 1_700_000_000, 1_700_000_000);
    expect(fs.statSync(path).mtimeMs).toBe(1_700_000_000_000);
    expect(readSessionFile(path).text).toBe('bbbb');
  });

  it('throws ENOENT for a deleted file, and reads again after forgetFile', () => {
    const path = sessionFile('x');
    readSessionFile(path);
    fs.unlinkSync(path);
    expect(() => readSessionFile(path)).toThrow(expect.objectContaining({ code: 'ENOENT' }));
    fs.writeFileSync(path, 'y', 'latin1');
    forgetFile(path);
    expect(readSessionFile(path).text).toBe('y');
  });

  it('trusts what a writer remembered only while the file is that inode', () => {
    const path = sessionFile('on disk');
    rememberFile(path, fs.statSync(path), 'on disk');
    const before = opens.n;
    expect(readSessionFile(path).text).toBe('on disk');
    expect(opens.n).toBe(before);
    rememberFile(path, { ...fs.statSync(path), ino: -1 }, 'stale');
    expect(readSessionFile(path).text).toBe('on disk');
  });
});
