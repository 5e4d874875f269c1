// Session file contents remembered per path and trusted only while the file is provably the same one: same
// inode, size, mtime and ctime. Django's writers (and ours) never change a session file in place, they rename
// a new inode over it, and any in-place change (write, truncate, utime, chmod) moves ctime, which no program
// can set back. So a hot session costs one stat() per read instead of open, fstat, read, close and stat, and
// another process writing the same directory (another companion, Django itself) is still seen at once.
import { closeSync, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import type { WrittenFile } from './file-writer.ts';

interface Entry extends WrittenFile { text: string }

const MAX_ENTRIES = 1000;
const entries = new Map<string, Entry>();

const same = (e: WrittenFile, st: Stats): boolean =>
  e.ino === st.ino && e.size === st.size && e.mtimeMs === st.mtimeMs && e.ctimeMs === st.ctimeMs;

export function rememberFile(path: string, file: WrittenFile, text: string): void {
  entries.delete(path);
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  entries.set(path, { ino: file.ino, size: file.size, mtimeMs: file.mtimeMs, ctimeMs: file.ctimeMs, text });
}

/** For writers that change a file in place (the playground's corrupt view). */
export function forgetFile(path: string): void { entries.delete(path); }

/** The file's text (latin-1) and mtime; throws the fs error (ENOENT …) like readFileSync. */
export function readSessionFile(path: string): { text: string; mtimeMs: number } {
  const cached = entries.get(path);
  if (cached) {
    const st = statSync(path);
    if (same(cached, st)) return { text: cached.text, mtimeMs: st.mtimeMs };
    entries.delete(path);
  }
  const fd = openSync(path, 'r');
  try {
    // identity and content from the same open file, so a concurrent replace cannot pair one with the other
    const st = fstatSync(fd);
    const buf = Buffer.allocUnsafe(st.size);
    let n = 0;
    for (let got = 1; got > 0 && n < buf.length; n += got) got = readSync(fd, buf, n, buf.length - n, n);
    const text = buf.toString('latin1', 0, n);
    if (n === st.size) rememberFile(path, st, text);
    return { text, mtimeMs: st.mtimeMs };
  } finally {
    closeSync(fd);
  }
}
