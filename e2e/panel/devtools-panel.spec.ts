// Smoke test of the panel inside real DevTools (headless Chromium). It drives DevTools internals
// (InspectorView.showPanel, reached through a non-flattened CDP session), which may change without
// notice, so this is the only test that does; everything else opens the panel page as a tab.
import { test, expect, type CDPSession } from '@playwright/test';
import { launchWithExtension } from '../support/extension.ts';
import { page as html, startSite } from '../background/site.ts';

interface Target { targetId: string; type: string; url: string }

async function evaluateIn(cdp: CDPSession, targetId: string, expression: string): Promise<unknown> {
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: false }) as { sessionId: string };
  const reply = new Promise<{ result?: { result?: { value?: unknown } } }>((resolve) => {
    const onMessage = (e: { sessionId: string; message: string }) => {
      const m = JSON.parse(e.message) as { id?: number; result?: { result?: { value?: unknown } } };
      if (e.sessionId === sessionId && m.id === 1) { cdp.off('Target.receivedMessageFromTarget', onMessage); resolve(m); }
    };
    cdp.on('Target.receivedMessageFromTarget', onMessage);
  });
  await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method: 'Runtime.evaluate', params: { expression, awaitPromise: true, returnByValue: true } }) });
  const value = (await reply).result?.result?.value;
  await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => {});
  return value;
}

const targets = async (cdp: CDPSession) => (await cdp.send('Target.getTargets') as { targetInfos: Target[] }).targetInfos;

test('the Sessions panel opens inside real DevTools and shows the inspected tab', async () => {
  const site = await startSite({ '/': { headers: { 'set-cookie': 'sessionid=0123456789abcdefghijklmnopqrstuv; HttpOnly; Path=/; SameSite=Lax' }, body: html('devtools smoke') } });
  const ext = await launchWithExtension(['--auto-open-devtools-for-tabs']);
  try {
    const page = await ext.context.newPage();
    await page.goto(site.origin() + '/');
    const tabId = await ext.worker.evaluate(async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id, site.origin() + '/');
    const cdp = await ext.context.browser()!.newBrowserCDPSession();
    const panelId = `chrome-extension://${ext.extensionId}Sessions`;
    const panelUrl = `chrome-extension://${ext.extensionId}/src/panel/index.html`;
    // --auto-open-devtools-for-tabs gives the first blank tab its own DevTools window too, and each window
    // registers our panel whenever its devtools_page gets to it; so every poll asks every DevTools window
    // to show the panel (idempotent) and then reads every panel, until the inspected tab's panel has rows.
    await expect.poll(async () => {
      for (const t of (await targets(cdp)).filter((x) => x.url.startsWith('devtools://'))) {
        await evaluateIn(cdp, t.targetId, `(async () => { const L = await import('./ui/legacy/legacy.js');
          const view = L.InspectorView.InspectorView.instance(); if (!view.tabbedPane.tabIds().includes(${JSON.stringify(panelId)})) return 0;
          await view.showPanel(${JSON.stringify(panelId)}); return 1; })()`);
      }
      const seen: unknown[] = [];
      for (const t of (await targets(cdp)).filter((x) => x.url.startsWith(panelUrl))) {
        seen.push(await evaluateIn(cdp, t.targetId, `({ tabId: chrome.devtools.inspectedWindow.tabId, root: !!document.querySelector('[data-testid=panel-root]'),
          rows: [...document.querySelectorAll('[data-testid=cookie-row]')].map((r) => r.dataset.cookieName) })`));
      }
      return seen;
    }, { timeout: 40_000 }).toContainEqual({ tabId, root: true, rows: ['sessionid'] });
  } finally {
    await ext.context.close();
    await site.close();
  }
});
