// `npm test`: type-check, build, lint the Firefox build, unit tests, e2e tests; then one summary line
// "N passed, N failed" over every suite, which CI reads. Keeps going after a failing suite so the
// totals are always complete.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, mkdirSync } from 'node:fs';

const totals = { passed: 0, failed: 0 };
const lines = [];
const only = process.argv.slice(2);

function run(cmd, args) {
  process.stdout.write(`\n$ ${cmd} ${args.join(' ')}\n`);
  return spawnSync(cmd, args, { stdio: 'inherit', env: process.env }).status ?? 1;
}
function readJson(path) {
  try { return JSON.parse(readFileSync(path, 'utf8')); } catch { return null; }
}
function record(suite, passed, failed, note = '') {
  totals.passed += passed; totals.failed += failed;
  lines.push(`${suite}: ${passed} passed, ${failed} failed${note}`);
}
const wanted = (s) => only.length === 0 || only.includes(s);

rmSync('test-results', { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });

if (wanted('typecheck')) {
  const ok = run('npx', ['tsc', '--noEmit']) === 0;
  record('typecheck', ok ? 1 : 0, ok ? 0 : 1);
}
if (wanted('build') || wanted('e2e') || wanted('lint')) {
  const ok = run('npm', ['run', 'build', '--silent']) === 0;
  record('build', ok ? 1 : 0, ok ? 0 : 1);
}
if (wanted('lint')) {
  spawnSync('sh', ['-c', 'npx web-ext lint -s dist/firefox -o json > test-results/web-ext-lint.json'], { stdio: 'inherit' });
  const errors = readJson('test-results/web-ext-lint.json')?.summary?.errors;
  const ok = errors === 0;
  if (!ok) console.error(`web-ext lint: ${errors ?? 'no report'} errors`);
  record('web-ext lint', ok ? 1 : 0, ok ? 0 : 1);
}
if (wanted('unit')) {
  const status = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=test-results/unit.json']);
  const r = readJson('test-results/unit.json');
  if (r) record('unit', r.numPassedTests, r.numFailedTests + (status !== 0 && r.numFailedTests === 0 ? 1 : 0));
  else record('unit', 0, 1);
}
if (wanted('e2e')) {
  const status = run('npx', ['playwright', 'test']);
  const s = readJson('test-results/e2e.json')?.stats;
  if (s) record('e2e', s.expected + s.flaky, s.unexpected + (status !== 0 && s.unexpected === 0 ? 1 : 0), s.flaky ? ` (${s.flaky} passed only on retry)` : '');
  else record('e2e', 0, 1);
}

console.log('\n' + lines.join('\n'));
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exitCode = totals.failed === 0 ? 0 : 1;
