// `npm run package`: store-ready archives in artifacts/. Chrome Web Store takes a zip of dist/chrome with the
// manifest at the root; Firefox's archive comes from `web-ext build`, which also validates the manifest.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';

const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { stdio: 'inherit', ...opts });
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const out = resolve('artifacts');

run('npm', ['run', 'build', '--silent']);
mkdirSync(out, { recursive: true });

const chromeZip = resolve(out, `sessionscope-chrome-${version}.zip`);
rmSync(chromeZip, { force: true });
// `zip` is not on every machine; Python's zipfile is (python3 is a Node build prerequisite here).
run('python3', ['-c', `import shutil,sys; shutil.make_archive(sys.argv[1][:-4], 'zip', sys.argv[2])`, chromeZip, resolve('dist/chrome')]);

run('npx', ['web-ext', 'build', '-s', 'dist/firefox', '-a', out, '-n', `sessionscope-firefox-${version}.zip`, '--overwrite-dest']);

for (const f of [chromeZip, resolve(out, `sessionscope-firefox-${version}.zip`)]) {
  if (!existsSync(f)) throw new Error(`packaging failed: ${f} missing`);
  console.log(`packaged ${f}`);
}
