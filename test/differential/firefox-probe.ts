// Ad-hoc: `npx tsx test/differential/firefox-probe.ts` prints Firefox disagreements for the curated subset.
import { runInFirefox } from './firefox-runner.ts';
import { FIREFOX_CASES } from './firefox-cases.ts';
import { runDifferential } from './run-differential.ts';

const summary = await runDifferential('firefox-probe', FIREFOX_CASES, runInFirefox, { compareReasons: false, comparePriority: false }, {});
for (const r of summary.unexpected) {
  const c = FIREFOX_CASES.find((x) => x.id === r.id)!;
  console.log(`✗ ${r.id}  ${JSON.stringify(c.steps.map((s) => [s.embedIn, s.origin, ...s.headers, ...(s.script ?? [])]).flat().filter(Boolean)).slice(0, 200)}`);
  for (const d of r.differences) console.log(`    ${d.slice(0, 300)}`);
}
console.log(summary.figure);
