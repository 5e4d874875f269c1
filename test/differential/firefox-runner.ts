// Loads cases in headless Firefox ESR through puppeteer-core (WebDriver BiDi) and reads the cookie store.
import puppeteer, { type Cookie, type Page } from 'puppeteer-core';
import { embedUrl, stepUrl, type DiffCase, type DiffStep, type Ports } from './case-types.ts';
import type { CaseObservation, ObservedCookie, StepObservation } from './observation.ts';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

const BIDI_SAME_SITE: Record<string, ObservedCookie['sameSite']> = { Strict: 'strict', Lax: 'lax', None: 'no_restriction' };

function fromBidiCookie(c: Cookie): ObservedCookie {
  const hostOnly = !c.domain.startsWith('.');
  return {
    name: c.name, value: c.value, domain: hostOnly ? c.domain : c.domain.slice(1), hostOnly, path: c.path,
    secure: c.secure, httpOnly: c.httpOnly ?? false, sameSite: BIDI_SAME_SITE[c.sameSite ?? ''] ?? 'unspecified',
    expiresAt: c.session || c.expires < 0 ? null : Math.round(c.expires * 1000), partitioned: c.partitionKey !== undefined,
  };
}

async function runFirefoxStep(page: Page, url: string, step: DiffStep, ports: Ports): Promise<StepObservation> {
  const topUrl = step.embedIn && embedUrl(step.embedIn, url, ports);
  const observed: StepObservation = { url, topUrl, now: Date.now(), blocked: [] };
  try {
    await page.goto(topUrl ?? url, { waitUntil: 'load', timeout: 10_000 });
    const frame = topUrl ? page.frames().find((f) => f !== page.mainFrame()) : page.mainFrame();
    if (step.script) await frame?.evaluate((list) => { for (const s of list) document.cookie = s; return document.cookie; }, step.script);
  } catch (error) {
    observed.error = (error as Error).message.split('\n')[0];
  }
  return observed;
}

/** Runs each case in a fresh user context of one Firefox session. */
export async function runInFirefox(cases: readonly DiffCase[], ports: Ports): Promise<CaseObservation[]> {
  const browser = await puppeteer.launch({
    browser: 'firefox', executablePath: FIREFOX_PATH, headless: true, acceptInsecureCerts: true,
    extraPrefsFirefox: {
      'network.dns.forceResolve': '127.0.0.1', // every *.test / co.uk host reaches the local server
      'dom.security.https_first': false, 'dom.security.https_only_mode': false,
    },
  });
  try {
    const results: CaseObservation[] = [];
    for (const c of cases) {
      // a BiDi user context per case: its own cookie jar, partitioned cookies included
      const context = await browser.createBrowserContext();
      try {
        const page = await context.newPage();
        const steps: StepObservation[] = [];
        for (const [i, step] of c.steps.entries()) steps.push(await runFirefoxStep(page, stepUrl(step, c.id, i, ports), step, ports));
        results.push({ id: c.id, steps, cookies: (await context.cookies()).map(fromBidiCookie) });
      } finally {
        await context.close();
      }
    }
    return results;
  } finally {
    await browser.close();
  }
}
