import { defineConfig } from '@playwright/test';

// Browsers come from Debian (chromium, firefox-esr); each spec launches its own persistent context
// because extensions only load there. Two cores: one worker keeps timings sane.
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  workers: 1,
  timeout: 60_000,
  // One retry: CI machines are shared and a browser under load can miss a deadline; a retried pass is
  // still reported as flaky in the summary line of `npm test`, so it is never silent.
  retries: 1,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
});
