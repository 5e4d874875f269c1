// Loads every case in headless Debian Chromium and reads back what it stored, plus CDP's blocked reasons.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright';
import { embedUrl, stepUrl, type DiffCase, type Ports } from './case-types.ts';
import { fromCdpCookie, type CdpCookie, type CaseObservation, type StepObservation } from './observation.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

interface ExtraInfo { blockedCookies?: { blockedReasons: string[]; cookieLine: string }[] }

/** Collects Network.responseReceivedExtraInfo per request id and lets a step wait for its own. */
function trackExtraInfo(cdp: CDPSession) {
  const urls = new Map<string, string>();
  const infos = new Map<string, ExtraInfo>();
  const waiters = new Map<string, (info: ExtraInfo) => void>();
  const normalize = (url: string) => new URL(url).href; // Chrome reports IDN hosts in punycode
  cdp.on('Network.requestWillBeSent', (e) => { if (e.type === 'Document') urls.set(normalize(e.request.url), e.requestId); });
  cdp.on('Network.responseReceivedExtraInfo', (e) => {
    infos.set(e.requestId, e);
    waiters.get(e.requestId)?.(e);
  });
  return (url: string): Promise<ExtraInfo> => {
    const id = urls.get(normalize(url));
    if (id === undefined) return Promise.resolve({});
    const known = infos.get(id);
    if (known) return Promise.resolve(known);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve({}), 3000);
      waiters.set(id, (info) => { clearTimeout(timer); resolve(info); });
    });
  };
}

async function runStep(page: Page, extraInfoFor: ReturnType<typeof trackExtraInfo>, url: string, script?: string[], topUrl?: string): Promise<StepObservation> {
  const now = Date.now();
  const observed: StepObservation = { url, topUrl, now, blocked: [] };
  try {
    // 'load' of the framing page waits for its iframe, whose response is the one under test
    await page.goto(topUrl ?? url, { waitUntil: topUrl ? 'load' : script ? 'domcontentloaded' : 'commit', timeout: 10_000 });
    // reading document.cookie back is a sync IPC on the same pipe, so the writes have landed when it returns
    const frame = topUrl ? page.frames().find((f) => f !== page.mainFrame()) : page.mainFrame();
    if (script) await frame?.evaluate((list) => { for (const s of list) document.cookie = s; return document.cookie; }, script);
  } catch (error) {
    observed.error = (error as Error).message.split('\n')[0];
  }
  const info = await extraInfoFor(url);
  observed.blocked = (info.blockedCookies ?? []).map((b) => ({ line: b.cookieLine, reasons: [...b.blockedReasons].sort() }));
  return observed;
}

/** One browser context working through a share of the cases; cookies are cleared between cases. */
async function runShare(context: BrowserContext, cases: readonly DiffCase[], ports: Ports, out: Map<string, CaseObservation>): Promise<void> {
  const page = context.pages()[0] ?? await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const extraInfoFor = trackExtraInfo(cdp);
  for (const c of cases) {
    await cdp.send('Network.clearBrowserCookies');
    await cdp.send('Network.setCookieControls', { enableThirdPartyCookieRestriction: c.blockThirdPartyCookies === true });
    const steps: StepObservation[] = [];
    for (const [i, step] of c.steps.entries()) {
      const url = stepUrl(step, c.id, i, ports);
      steps.push(await runStep(page, extraInfoFor, url, step.script, step.embedIn && embedUrl(step.embedIn, url, ports)));
    }
    const { cookies } = await cdp.send('Network.getAllCookies') as { cookies: CdpCookie[] };
    out.set(c.id, { id: c.id, steps, cookies: cookies.map(fromCdpCookie) });
  }
}

/**
 * Runs the cases in one regular (persistent-profile) context: unlike Playwright's incognito-like contexts it
 * allows third-party cookies by default, which cases switch off with CDP when they want them blocked.
 */
export async function runInChromium(cases: readonly DiffCase[], ports: Ports): Promise<CaseObservation[]> {
  const profile = mkdtempSync(join(tmpdir(), 'ss-diff-'));
  // Chromium 156 blocks third-party cookies by default; the profile preference turns that off
  mkdirSync(join(profile, 'Default'));
  writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify({ profile: { cookie_controls_mode: 0, block_third_party_cookies: false } }));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH, headless: true, ignoreHTTPSErrors: true,
    args: ['--host-resolver-rules=MAP * 127.0.0.1', '--ignore-certificate-errors', '--disable-gpu', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-site-isolation-trials',
      // iframes stay in the page's process, so the page's CDP session sees their network events
      '--disable-features=HttpsUpgrades,IsolateOrigins,site-per-process'],
  });
  try {
    const out = new Map<string, CaseObservation>();
    await runShare(context, cases, ports, out);
    return cases.map((c) => out.get(c.id)!);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
