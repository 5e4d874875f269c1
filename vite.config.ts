import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx } from '@crxjs/vite-plugin';
import baseManifest from './manifest.json' with { type: 'json' };

const browser = process.env.BROWSER === 'firefox' ? 'firefox' : 'chrome';

// Firefox has no MV3 service worker: it runs background scripts, and AMO needs a gecko id
// and (since 140) data_collection_permissions.
function manifestFor(target: 'chrome' | 'firefox') {
  if (target === 'chrome') return baseManifest;
  const { background: _sw, ...rest } = baseManifest;
  return {
    ...rest,
    background: { scripts: ['src/background/index.ts'] },
    browser_specific_settings: {
      gecko: {
        id: 'sessionscope@sessionscope.dev',
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
      // Firefox for Android only reads data_collection_permissions from 142 on; without this, web-ext lint warns
      gecko_android: { strict_min_version: '142.0' },
    },
  };
}

export default defineConfig({
  plugins: [
    preact(),
    // content script as a standalone IIFE: no web_accessible_resources, so pages cannot fingerprint us
    crx({ manifest: manifestFor(browser) as never, browser, contentScripts: { standaloneFiles: ['src/content/index.ts', 'src/content/page-hook.ts'] } } as never),
  ],
  build: {
    outDir: `dist/${browser}`,
    emptyOutDir: true,
    // the panel is only referenced from devtools.panels.create(), which crxjs cannot see
    rolldownOptions: { input: { panel: 'src/panel/index.html' } },
  },
});
