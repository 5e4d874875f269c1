// A page with insecure cookies: the background's findings reach the panel, grouped by severity, and the
// exports download with the same findings.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { launchWithExtension } from '../support/extension.ts';
import { page as html, startSite } from '../background/site.ts';

test('insecure cookies show up as findings in the panel and export as SARIF', async () => {
  const site = await startSite({
    '/': { headers: { 'set-cookie': ['sessionid=q8w7e6r5t4y3u2i1o9p8a7s6d5f4g3h2; Path=/', 'pref=1; Path=/; SameSite=Lax'] }, body: html('insecure') },
  });
  const ext = await launchWithExtension();
  try {
    const tab = await ext.context.newPage();
    await tab.goto(site.origin('localhost') + '/');
    const tabId = await ext.worker.evaluate(async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id, site.origin('localhost') + '/');
    const panel = await ext.context.newPage();
    await panel.goto(`chrome-extension://${ext.extensionId}/src/panel/index.html?tabId=${tabId}`);
    await panel.getByTestId('tab-findings').click();
    // the session cookie's finding is high, the same rule on a non-session cookie low (audit-rules.md)
    const rule = (name: string) => panel.locator('[data-testid=finding][data-rule=missing-httponly]', { hasText: `${name} @ localhost` });
    await expect(rule('sessionid')).toHaveAttribute('data-severity', 'high');
    await expect(rule('pref')).toHaveAttribute('data-severity', 'low');
    await expect(panel.locator('[data-testid=finding][data-rule=samesite-missing]', { hasText: 'sessionid' })).toHaveCount(1);
    await expect(panel.locator('[data-testid=finding-group]').first()).toHaveAttribute('data-severity', 'high');
    const [download] = await Promise.all([panel.waitForEvent('download'), panel.getByTestId('export-sarif').click()]);
    expect(download.suggestedFilename()).toBe('sessionscope-findings.sarif');
    const sarif = JSON.parse(readFileSync(await download.path(), 'utf8'));
    expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toContain('missing-httponly');
    await panel.getByTestId('tab-cookies').click();
    await panel.getByTestId('filter-hasFindings').check();
    await expect(panel.locator('[data-testid=cookie-row][data-cookie-name=sessionid]')).toBeVisible();
  } finally {
    await ext.context.close();
    await site.close();
  }
});
