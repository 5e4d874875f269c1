// Ad-hoc runner: `npx tsx test/differential/probe.ts [filter]` prints every disagreement with Chromium.
import { CURATED_SINGLE } from './curated-cases.ts';
import { SEQUENCE_CASES } from './sequence-cases.ts';
import { generateCases, generateSequences } from './generated-cases.ts';
import { MORE_CASES } from './more-cases.ts';
import { EMBEDDED_CASES } from './embedded-cases.ts';
import { generateWideCases } from './wide-cases.ts';
import { runInChromium } from './chromium-runner.ts';
import { runDifferential } from './run-differential.ts';

const filter = process.argv[2] ?? '';
const cases = [...CURATED_SINGLE, ...SEQUENCE_CASES, ...MORE_CASES, ...EMBEDDED_CASES, ...generateCases(150), ...generateWideCases(150), ...generateSequences(30)]
  .filter((c) => c.id.includes(filter));
const started = Date.now();
const summary = await runDifferential('probe', cases, runInChromium, { compareReasons: true, comparePriority: true }, {});
for (const r of summary.unexpected) {
  const c = cases.find((x) => x.id === r.id)!;
  console.log(`✗ ${r.id}  ${JSON.stringify(c.steps.map((s) => [s.embedIn, s.origin, s.path, ...s.headers, ...(s.script ?? [])]).flat().filter(Boolean)).slice(0, 300)}`);
  for (const d of r.differences) console.log(`    ${d.slice(0, 300)}`);
}
console.log(`${summary.figure} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
