// The model against Firefox ESR on a curated subset; Firefox's own rules are listed in expectations.ts.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIREFOX_PATH, runInFirefox } from './firefox-runner.ts';
import { FIREFOX_CASES } from './firefox-cases.ts';
import { FIREFOX_KNOWN } from './expectations.ts';
import { describeUnexpected, runDifferential } from './run-differential.ts';

describe('differential: cookie model vs Firefox ESR', () => {
  it('agrees with Firefox except for its documented differences', async () => {
    expect(existsSync(FIREFOX_PATH), `Firefox ESR not found at ${FIREFOX_PATH} (apt-get install firefox-esr)`).toBe(true);
    const summary = await runDifferential('differential (firefox)', FIREFOX_CASES, runInFirefox, { compareReasons: false, comparePriority: false }, FIREFOX_KNOWN);
    console.log(summary.figure);
    expect(describeUnexpected(summary)).toEqual([]);
    expect(summary.stale, 'listed as known differences but now agree: remove them from expectations.ts').toEqual([]);
  }, 120_000);
});
