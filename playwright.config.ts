import { defineConfig } from '@playwright/test';

// Browsers come from Debian (chromium, firefox-esr); each spec launches its own persistent context
// because extensions only load there. Two cores: one worker keeps timings sane.
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  workers: 1,
  timeout: 60_000,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
});
