// The file backend's atomic replace (Django's mkstemp + write + close + rename) off the event loop, in one
// round trip to a writer thread instead of four libuv pool round trips (each a thread wake-up on the way in
// and out: dispatching them was a quarter of the main thread's time per request). Saves of one session
// made in the same event loop turn, or while its previous save is still being written, are coalesced: only
// the newest content is written, and every one of those saves completes after it. That is one of Django's own interleavings
// (concurrent saves of one session, the last rename wins; none of them answers before the file holds its
// content or a newer one), so readers, the crash test and the files on disk cannot tell the difference.
import { Worker } from 'node:worker_threads';

/** What the writer saw of the file it renamed into place: enough to recognise it later (file-cache.ts). */
export interface WrittenFile { ino: number; size: number; mtimeMs: number; ctimeMs: number }

interface Reply { id: number; file: WrittenFile | null }

// CommonJS source for `new Worker(..., { eval: true })`: no TypeScript loader is needed in the thread.
const WORKER_SOURCE = `
const fs = require('node:fs');
const { parentPort } = require('node:worker_threads');
const { O_WRONLY, O_CREAT, O_EXCL } = fs.constants;
parentPort.on('message', ({ id, temp, target, text }) => {
  let file = null, renamed = false;
  try {
    const fd = fs.openSync(temp, O_WRONLY | O_CREAT | O_EXCL, 0o600);
    let ino;
    try { fs.writeSync(fd, Buffer.from(text, 'latin1')); ino = fs.fstatSync(fd).ino; } finally { fs.closeSync(fd); }
    fs.renameSync(temp, target);
    renamed = true;
    const st = fs.statSync(target);
    if (st.ino === ino) file = { ino, size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs };
  } catch {
    // Django ignores write errors here (the session is silently not saved)
  } finally {
    if (!renamed) try { fs.unlinkSync(temp); } catch { /* never created or already gone */ }
  }
  parentPort.postMessage({ id, file });
});`;

let worker: Worker | null = null;
let nextId = 0;
const replies = new Map<number, (file: WrittenFile | null) => void>();

function writerThread(): Worker {
  if (worker) return worker;
  const w = new Worker(WORKER_SOURCE, { eval: true });
  w.on('message', (m: Reply) => {
    replies.get(m.id)?.(m.file);
    replies.delete(m.id);
    if (!replies.size) w.unref();
  });
  // a dead writer fails its pending writes like I/O errors (not saved) and is replaced on the next write
  w.on('error', () => { if (worker === w) worker = null; for (const done of replies.values()) done(null); replies.clear(); });
  w.on('exit', () => { if (worker === w) worker = null; });
  return (worker = w);
}

function writeOnce(temp: string, target: string, text: string): Promise<WrittenFile | null> {
  const w = writerThread();
  const id = nextId++;
  if (!replies.size) w.ref();
  return new Promise((resolve) => {
    replies.set(id, resolve);
    w.postMessage({ id, temp, target, text });
  });
}

interface Queued { text: string; waiters: (() => void)[] }
/** per target: whether a write is running, and the save waiting for the next one */
const targets = new Map<string, { next: Queued | null }>();

/**
 * Writes `text` (latin-1) to a fresh temp file (`tempName()`, mode 0600, O_EXCL) and renames it over `target`.
 * `written` sees each file actually renamed into place. I/O errors are swallowed, as Django's save does.
 * A write starts at the end of the event loop turn (setImmediate), so the saves of requests that arrived
 * together share it instead of the first one going alone.
 */
export function replaceFile(target: string, tempName: () => string, text: string, written: (f: WrittenFile, text: string) => void): Promise<void> {
  let state = targets.get(target);
  if (!state) {
    targets.set(target, (state = { next: null }));
    setImmediate(() => void flush(target, tempName, written));
  }
  const next = state.next ?? (state.next = { text, waiters: [] });
  next.text = text;
  return new Promise((resolve) => next.waiters.push(resolve));
}

async function flush(target: string, tempName: () => string, written: (f: WrittenFile, text: string) => void): Promise<void> {
  const state = targets.get(target)!;
  for (let batch = state.next; batch; batch = state.next) {
    state.next = null;
    const file = await writeOnce(tempName(), target, batch.text);
    if (file) written(file, batch.text);
    batch.waiters.forEach((w) => w());
  }
  targets.delete(target);
}
