// Extension pages carry a strict CSP: the built manifests allow only the extension's own scripts (no
// inline, eval, wasm-eval or remote sources, no objects) and expose no files or runtime to web pages;
// in the running panel page an injected inline script and eval are both refused by the browser.
import { test, expect } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { launchWithExtension, type LoadedExtension } from '../support/extension.ts';

interface Manifest {
  content_security_policy?: { extension_pages?: string; sandbox?: string };
  web_accessible_resources?: unknown; externally_connectable?: unknown; sandbox?: unknown;
}

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((p) => p[0]).map(([name, ...values]) => [name, values]));
}

for (const browser of ['chrome', 'firefox']) {
  test(`the ${browser} manifest has a strict extension-page CSP and exposes nothing to pages`, () => {
    const file = `dist/${browser}/manifest.json`;
    // npm test builds both targets before e2e; a missing build is a failure, not a reason to skip
    expect(existsSync(file), `${file} is not built (run npm run build)`).toBe(true);
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
    const csp = directives(manifest.content_security_policy?.extension_pages ?? '');
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    for (const [, values] of csp) {
      for (const v of values) expect(v).not.toMatch(/unsafe|wasm-eval|^\*$|^https?:|^data:|^blob:/);
    }
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.sandbox).toBeUndefined();
  });
}

let ext: LoadedExtension;
test.describe('the running panel page', () => {
  test.beforeAll(async () => { ext = await launchWithExtension(); });
  test.afterAll(async () => { await ext?.context.close(); });

  test('refuses an injected inline script and eval', async () => {
    const panel = await ext.context.newPage();
    await panel.goto(`chrome-extension://${ext.extensionId}/src/panel/index.html?mock=1`);
    await expect(panel.getByTestId('panel-root')).toBeVisible();
    const outcome = await panel.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective}`));
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.head.append(script);
      const handler = document.createElement('div');
      handler.setAttribute('onclick', 'window.__handlerRan = true');
      document.body.append(handler);
      handler.click();
      // DevTools' own evaluation may eval (Runtime.evaluate allowUnsafeEvalBlockedByCSP): try from a later task
      const refused = (code: () => unknown) => new Promise<boolean>((done) => setTimeout(() => {
        try { code(); done(false); } catch (e) { done(e instanceof EvalError); }
      }, 0));
      const evalRefused = await refused(() => (0, eval)('1 + 1'));
      const functionRefused = await refused(() => new Function('return 1')());
      await new Promise((r) => setTimeout(r, 200)); // violation events are queued as tasks
      const w = window as unknown as Record<string, unknown>;
      return { inlineRan: w.__inlineRan === true, handlerRan: w.__handlerRan === true, evalRefused, functionRefused, violations };
    });
    expect(outcome).toMatchObject({ inlineRan: false, handlerRan: false, evalRefused: true, functionRefused: true });
    expect(outcome.violations.some((v) => v.startsWith('script-src'))).toBe(true);
    await panel.close();
  });
});
