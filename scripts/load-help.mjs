// `npm start`, between the build and the companion: tells the user what to load into which browser, with the
// absolute paths of the builds just made (issue 2: npm start builds the extension and says what to load).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const chrome = resolve('dist/chrome');
const firefox = resolve('dist/firefox/manifest.json');
for (const path of [chrome, firefox]) {
  if (!existsSync(path)) {
    console.error(`sessionscope: ${path} is missing; the build did not finish (run npm run build and read its errors)`);
    process.exit(1);
  }
}
console.log(`
sessionscope is built. Load it into your browser:
  Chrome/Chromium: chrome://extensions -> Developer mode -> Load unpacked -> ${chrome}
  Firefox:         about:debugging#/runtime/this-firefox -> Load Temporary Add-on -> ${firefox}
Then open DevTools on a page and pick the "Sessions" panel. Starting the companion server (Ctrl+C stops it):
`);
