// Replays the reference scenario against the companion for every engine, variant and Django version, and
// diffs with transcripts recorded from real Django (3.2.25, 4.2.28, 5.2.18).
import { describe, it, expect, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { runScenario } from './scenario.ts';
import { listVariants, maskIrreproducible } from './variants.ts';
import { diffLines } from './diff.ts';
import { startCompanion, startRedis, hasRedis, type Running } from './processes.ts';

const running: Running[] = [];
afterAll(async () => { await Promise.all(running.map((p) => p.stop())); });

describe('companion matches real Django transcripts', () => {
  for (const v of listVariants()) {
    it.skipIf(v.redis && !hasRedis())(`${v.name} (django ${v.django})`, async () => {
      const flags = [...v.flags];
      if (v.redis) {
        const redis = await startRedis();
        running.push(redis);
        flags.push('--redis', redis.url);
      }
      const companion = await startCompanion([...flags, '--port', '0', '--quiet']);
      running.push(companion);
      const actual = maskIrreproducible(await runScenario(companion.url));
      const expected = maskIrreproducible(readFileSync(v.file, 'utf8'));
      const diffs = diffLines(expected, actual);
      expect(diffs.slice(0, 8).join('\n'), `${diffs.length} differing lines`).toBe('');
      // Django logs the corrupted-data read on django.security.SuspiciousSession (engines with stored data)
      if (v.logsCorruption) expect(companion.log()).toContain('django.security.SuspiciousSession: Session data corrupted');
      await companion.stop();
    }, 120_000);
  }
});
