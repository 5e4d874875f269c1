// panelFirstRenderMs / panelFilterMs: the real panel page (extension build) in demo mode with a bulk
// snapshot of 10,000 cookies and 50,000 timeline events. First render = the `panel-first-render` mark
// (from navigation start, so it includes loading the bundle and building the snapshot); filter = from
// the input event's `panel-filter-input` mark to `panel-filter-applied` (rows committed), per keystroke.
import { launch } from './chromium.ts';
import { median, round } from './stats.ts';

const COOKIES = 10_000;
const EVENTS = 50_000;
const QUERY = 'host4'; // each keystroke narrows the rows: h, ho, hos, host, host4

export interface PanelFigures {
  firstRenderMs: number; filterMs: number; cookies: number; events: number; firstRenderRunsMs: number[]; filterRunsMs: number[];
  /** DOMContentLoaded per load: how much of the first render is loading the page and bundle */
  domReadyRunsMs: number[];
}

const MARK_EXPR = (name: string) => `(() => performance.getEntriesByName(${JSON.stringify(name)}).map((e) => e.startTime))()`;

export async function benchPanel(extensionDir: string, loads = 5): Promise<PanelFigures> {
  const browser = await launch(extensionDir);
  const id = new URL(browser.worker!.url()).host;
  const url = `chrome-extension://${id}/src/panel/index.html?mock=1&bulk=${COOKIES}x${EVENTS}`;
  const first: number[] = []; const filter: number[] = []; const domReady: number[] = [];
  try {
    for (let i = 0; i <= loads; i++) {
      const page = await browser.context.newPage();
      await page.goto(url);
      await page.waitForFunction(`performance.getEntriesByName('panel-first-render').length > 0`, null, { timeout: 60_000 });
      const [firstMark] = await page.evaluate(MARK_EXPR('panel-first-render')) as number[];
      const box = page.getByTestId('cookie-filter');
      for (const ch of QUERY) {
        const before = (await page.evaluate(MARK_EXPR('panel-filter-applied')) as number[]).length;
        await box.press(ch);
        await page.waitForFunction(`performance.getEntriesByName('panel-filter-applied').length > ${before}`);
      }
      const inputs = await page.evaluate(MARK_EXPR('panel-filter-input')) as number[];
      const applied = await page.evaluate(MARK_EXPR('panel-filter-applied')) as number[];
      const rows = await page.getByTestId('cookie-row').count();
      if (rows === 0) throw new Error('the filtered panel shows no cookie rows');
      if (i > 0) { // the first load warms the browser's code cache
        first.push(firstMark);
        domReady.push(await page.evaluate('performance.getEntriesByType("navigation")[0].domContentLoadedEventEnd') as number);
        // applied[0] is the initial render's layout effect; each later one answers the keystroke before it
        inputs.forEach((t, k) => { const done = applied.find((a) => a >= t); if (done !== undefined) filter.push(done - t); });
      }
      await page.close();
    }
    return { firstRenderMs: round(median(first)), filterMs: round(median(filter)), cookies: COOKIES, events: EVENTS,
      firstRenderRunsMs: first.map((x) => round(x)), filterRunsMs: filter.map((x) => round(x)), domReadyRunsMs: domReady.map((x) => round(x)) };
  } finally {
    await browser.close();
  }
}
