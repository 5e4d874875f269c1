// The file backend's atomic replace (Django's mkstemp + write + close + rename), done synchronously once per
// event loop turn and session file: saves of one session made in the same turn are coalesced, only the newest
// content is written and every one of those saves completes after it. That is one of Django's own
// interleavings (concurrent saves of one session, the last rename wins; none of them answers before the file
// holds its content or a newer one), so readers, the crash test and the files on disk cannot tell.
// Synchronous on purpose: handing the calls to other threads (four libuv pool round trips per save, or one to
// a writer thread) needs two thread wake-ups per hand-off, and on a loaded machine each wake-up waits for a
// core (a 2-core box at load 14: 1,242 req/s with a writer thread, 2,292 synchronous). While a write blocks,
// the next requests queue on their sockets and the next turn's write carries all of them.
import { closeSync, constants, fstatSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';

/** What was renamed into place: enough to recognise the file later (file-cache.ts). */
export interface WrittenFile { ino: number; size: number; mtimeMs: number; ctimeMs: number }

/** mkstemp-like temp file (0600, O_EXCL), write, rename over the target; null when Django would have failed silently. */
function writeNow(temp: string, target: string, text: string): WrittenFile | null {
  let renamed = false;
  try {
    const fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
    let ino: number;
    try { writeSync(fd, Buffer.from(text, 'latin1')); ino = fstatSync(fd).ino; } finally { closeSync(fd); }
    renameSync(temp, target);
    renamed = true;
    // what is at the target now is ours unless another process replaced it in between
    const st = statSync(target);
    return st.ino === ino ? { ino, size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs } : null;
  } catch {
    return null; // Django ignores write errors here (the session is silently not saved)
  } finally {
    if (!renamed) try { unlinkSync(temp); } catch { /* never created or already gone */ }
  }
}

interface Batch { text: string; waiters: (() => void)[] }
const batches = new Map<string, Batch>();

/**
 * Writes `text` (latin-1) to a fresh temp file (`tempName()`) and renames it over `target` at the end of this
 * event loop turn (setImmediate). `written` sees each file actually renamed into place.
 */
export function replaceFile(target: string, tempName: () => string, text: string, written: (f: WrittenFile, text: string) => void): Promise<void> {
  let batch = batches.get(target);
  if (!batch) {
    const created: Batch = { text, waiters: [] };
    batches.set(target, (batch = created));
    setImmediate(() => {
      batches.delete(target);
      const file = writeNow(tempName(), target, created.text);
      if (file) written(file, created.text);
      created.waiters.forEach((w) => w());
    });
  }
  batch.text = text;
  const joined = batch;
  return new Promise((resolve) => joined.waiters.push(resolve));
}
