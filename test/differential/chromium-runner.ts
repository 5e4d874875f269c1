// Loads every case in headless Debian Chromium and reads back what it stored, plus CDP's blocked reasons.
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright';
import { stepUrl, type DiffCase, type Ports } from './case-types.ts';
import { fromCdpCookie, type CdpCookie, type CaseObservation, type StepObservation } from './observation.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

interface ExtraInfo { blockedCookies?: { blockedReasons: string[]; cookieLine: string }[] }

/** Collects Network.responseReceivedExtraInfo per request id and lets a step wait for its own. */
function trackExtraInfo(cdp: CDPSession) {
  const urls = new Map<string, string>();
  const infos = new Map<string, ExtraInfo>();
  const waiters = new Map<string, (info: ExtraInfo) => void>();
  cdp.on('Network.requestWillBeSent', (e) => { if (e.type === 'Document') urls.set(e.request.url, e.requestId); });
  cdp.on('Network.responseReceivedExtraInfo', (e) => {
    infos.set(e.requestId, e);
    waiters.get(e.requestId)?.(e);
  });
  return (url: string): Promise<ExtraInfo> => {
    const id = urls.get(url);
    if (id === undefined) return Promise.resolve({});
    const known = infos.get(id);
    if (known) return Promise.resolve(known);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve({}), 3000);
      waiters.set(id, (info) => { clearTimeout(timer); resolve(info); });
    });
  };
}

async function runStep(page: Page, extraInfoFor: ReturnType<typeof trackExtraInfo>, url: string, script?: string[]): Promise<StepObservation> {
  const now = Date.now();
  const observed: StepObservation = { url, now, blocked: [] };
  try {
    await page.goto(url, { waitUntil: script ? 'domcontentloaded' : 'commit', timeout: 10_000 });
    // reading document.cookie back is a sync IPC on the same pipe, so the writes have landed when it returns
    if (script) await page.evaluate((list) => { for (const s of list) document.cookie = s; return document.cookie; }, script);
  } catch (error) {
    observed.error = (error as Error).message.split('\n')[0];
  }
  const info = await extraInfoFor(url);
  observed.blocked = (info.blockedCookies ?? []).map((b) => ({ line: b.cookieLine, reasons: [...b.blockedReasons].sort() }));
  return observed;
}

/** One browser context working through a share of the cases; cookies are cleared between cases. */
async function runShare(context: BrowserContext, cases: readonly DiffCase[], ports: Ports, out: Map<string, CaseObservation>): Promise<void> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const extraInfoFor = trackExtraInfo(cdp);
  for (const c of cases) {
    await cdp.send('Network.clearBrowserCookies');
    const steps: StepObservation[] = [];
    for (const [i, step] of c.steps.entries()) steps.push(await runStep(page, extraInfoFor, stepUrl(step, c.id, i, ports), step.script));
    const { cookies } = await cdp.send('Network.getAllCookies') as { cookies: CdpCookie[] };
    out.set(c.id, { id: c.id, steps, cookies: cookies.map(fromCdpCookie) });
  }
}

/** Runs the cases in a few isolated contexts at once (each has its own cookie store). */
export async function runInChromium(cases: readonly DiffCase[], ports: Ports, parallel = 4): Promise<CaseObservation[]> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH, headless: true,
    args: ['--host-resolver-rules=MAP * 127.0.0.1', '--ignore-certificate-errors', '--disable-gpu', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-features=HttpsUpgrades'],
  });
  try {
    const out = new Map<string, CaseObservation>();
    const shares = Array.from({ length: parallel }, (_, k) => cases.filter((_, i) => i % parallel === k));
    await Promise.all(shares.map(async (share) => runShare(await browser.newContext({ ignoreHTTPSErrors: true }), share, ports, out)));
    return cases.map((c) => out.get(c.id)!);
  } finally {
    await browser.close();
  }
}
