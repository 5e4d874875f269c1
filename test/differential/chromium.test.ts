// The model against real headless Chromium: curated edge cases, jar sequences and seeded random headers.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHROMIUM_PATH, runInChromium } from './chromium-runner.ts';
import { CURATED_SINGLE } from './curated-cases.ts';
import { SEQUENCE_CASES } from './sequence-cases.ts';
import { generateCases, generateSequences } from './generated-cases.ts';
import { MORE_CASES } from './more-cases.ts';
import { EMBEDDED_CASES } from './embedded-cases.ts';
import { generateWideCases } from './wide-cases.ts';
import { CHROMIUM_KNOWN } from './expectations.ts';
import { describeUnexpected, runDifferential } from './run-differential.ts';

const CASES = [...CURATED_SINGLE, ...SEQUENCE_CASES, ...MORE_CASES, ...EMBEDDED_CASES, ...generateCases(150), ...generateWideCases(150), ...generateSequences(30)];

describe('differential: cookie model vs Chromium', () => {
  it('stores, updates, deletes and rejects exactly what Chromium does, with CDP\'s reasons', async () => {
    expect(existsSync(CHROMIUM_PATH), `Chromium not found at ${CHROMIUM_PATH} (apt-get install chromium)`).toBe(true);
    expect(CASES.length).toBeGreaterThanOrEqual(300);
    const summary = await runDifferential('differential', CASES, runInChromium, { compareReasons: true, comparePriority: true }, CHROMIUM_KNOWN);
    console.log(summary.figure);
    expect(describeUnexpected(summary)).toEqual([]);
    expect(summary.stale, 'listed as known differences but now agree: remove them from expectations.ts').toEqual([]);
  }, 300_000);
});
