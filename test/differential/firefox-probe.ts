// Ad-hoc: `npx tsx test/differential/firefox-probe.ts` prints Firefox disagreements for the curated subset.
import { lookupFor } from './case-types.ts';
import { startCookieServer } from './server.ts';
import { runInFirefox } from './firefox-runner.ts';
import { compareCase } from './compare.ts';
import { FIREFOX_CASES } from './firefox-cases.ts';

const server = await startCookieServer(lookupFor(FIREFOX_CASES));
const started = Date.now();
try {
  const observations = await runInFirefox(FIREFOX_CASES, server);
  const results = FIREFOX_CASES.map((c, i) => compareCase(c, observations[i], { compareReasons: false, comparePriority: false }));
  for (const r of results.filter((x) => !x.agree)) {
    const c = FIREFOX_CASES.find((x) => x.id === r.id)!;
    console.log(`✗ ${r.id}  ${JSON.stringify(c.steps.map((s) => [s.origin, ...s.headers, ...(s.script ?? [])]).flat()).slice(0, 200)}`);
    for (const d of r.differences) console.log(`    ${d.slice(0, 300)}`);
  }
  console.log(`firefox: ${results.filter((r) => r.agree).length}/${results.length} agree in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} finally {
  await server.close();
}
