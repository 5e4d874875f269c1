import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { replaceFile, type WrittenFile } from './file-writer.ts';

const dir = (): string => mkdtempSync(join(tmpdir(), 'ss-writer-'));
let temps = 0;
const tempIn = (d: string) => (): string => join(d, `sessionidk_out_${temps++}`);

describe('replaceFile', () => {
  it('renames a 0600 temp file over the target and reports the inode it put there', async () => {
    const d = dir();
    const target = join(d, 'sessionidk');
    const seen: [WrittenFile, string][] = [];
    await replaceFile(target, tempIn(d), 'caf\u00e9', (f, t) => seen.push([f, t]));
    expect(readFileSync(target)).toEqual(Buffer.from([0x63, 0x61, 0x66, 0xe9])); // latin-1, as Django's .encode() of ASCII
    const st = statSync(target);
    expect(st.mode & 0o777).toBe(0o600);
    expect(seen).toEqual([[{ ino: st.ino, size: 4, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs }, 'caf\u00e9']]);
    expect(readdirSync(d)).toEqual(['sessionidk']);
  });

  it('coalesces the saves of one event loop turn: the newest content is written once, every save completes after it', async () => {
    const d = dir();
    const target = join(d, 'sessionidk');
    const written: string[] = [];
    const finished: string[] = [];
    // when a save completes, the file holds its content or a newer one
    const save = (v: string) => replaceFile(target, tempIn(d), v, (_f, t) => written.push(t))
      .then(() => { finished.push(v); expect(readFileSync(target, 'latin1') >= v).toBe(true); });
    await Promise.all(['v1', 'v2'].map(save));
    expect(written).toEqual(['v2']);
    const first = save('v3');
    await new Promise((r) => setImmediate(r)); // a later turn: v3 alone
    await Promise.all([first, save('v4'), save('v5'), save('v6')]);
    expect(written).toEqual(['v2', 'v3', 'v6']);
    expect(readFileSync(target, 'latin1')).toBe('v6');
    expect(finished.sort()).toEqual(['v1', 'v2', 'v3', 'v4', 'v5', 'v6']);
    expect(readdirSync(d)).toEqual(['sessionidk']);
  });

  it('different targets are not coalesced', async () => {
    const d = dir();
    const written: string[] = [];
    await Promise.all(['a', 'b', 'c'].map((k) => replaceFile(join(d, `sessionid${k}`), tempIn(d), k, (_f, t) => written.push(t))));
    expect(written.sort()).toEqual(['a', 'b', 'c']);
    expect(readdirSync(d).sort()).toEqual(['sessionida', 'sessionidb', 'sessionidc']);
  });

  it('swallows I/O errors like Django (the session is not saved) and leaves no temp file', async () => {
    const d = dir();
    const written: string[] = [];
    await replaceFile(join(d, 'missing-dir', 'sessionidk'), () => join(d, 'missing-dir', 'sessionidk_out_x'), 'v', (_f, t) => written.push(t));
    // the temp file can be created but the rename target cannot: the temp file is removed again
    await replaceFile(join(d, 'no', 'such', 'sessionidk'), tempIn(d), 'v', (_f, t) => written.push(t));
    expect(written).toEqual([]);
    expect(readdirSync(d)).toEqual([]);
  });
});
