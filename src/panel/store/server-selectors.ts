// Server diagnostics derived from state: computed once per change of their inputs and merged into
// the findings list, so the Findings tab and exports include them.
import { deriveTimeline } from '../lib/derive-timeline.ts';
import { memoizeLast } from '../lib/memoize.ts';
import { diagnoseFixation, diagnoseRecord, diagnoseRevocation } from '../lib/server-diagnostics.ts';
import type { PanelCookie, PanelFinding, ServerRecord } from '../model/types.ts';
import type { PanelState } from './initial-state.ts';
import { eventsOf, selectEvents } from './selectors.ts';
import { recordKey, siteFor } from './server-actions.ts';

export const selectDerivedTimeline = (s: PanelState) => derive(selectEvents(s));
const derive = memoizeLast(deriveTimeline);

export function selectRecordFor(state: PanelState, cookie: PanelCookie): ServerRecord | null {
  const site = siteFor(state, cookie);
  return site ? state.server.records[recordKey(site.host, cookie.value)] ?? null : null;
}

const NONE: PanelFinding[] = [];

const compute = memoizeLast((cookies: PanelCookie[], server: PanelState['server'], raw: PanelState['timeline']['raw'], nowSec: number) => {
  // nothing fetched yet (or no companion): skip deriving a possibly huge timeline
  if (Object.keys(server.records).length === 0 && Object.keys(server.acceptance).length === 0) return NONE;
  const out: PanelFinding[] = [];
  const rows = derive(eventsOf(raw));
  for (const c of cookies) {
    const site = siteFor({ server }, c);
    const record = site ? server.records[recordKey(site.host, c.value)] : undefined;
    if (!record) continue;
    out.push(...diagnoseRecord(c, record, nowSec));
    const fixation = diagnoseFixation(c, record, rows);
    if (fixation) out.push(fixation);
  }
  for (const a of Object.values(server.acceptance)) {
    const f = diagnoseRevocation({ name: a.name, domain: a.domain, path: a.path } as PanelCookie, a.key, a.accepted, a.reason);
    if (f) out.push(f);
  }
  return out;
});

/** Server diagnostics at minute resolution (expiry checks do not need finer time). */
export function selectServerFindings(state: PanelState, nowMs: number): PanelFinding[] {
  return compute(state.cookies.list, state.server, state.timeline.raw, Math.floor(nowMs / 60_000) * 60);
}

const mergeFindings = memoizeLast((a: PanelFinding[], b: PanelFinding[]) => {
  if (b.length === 0) return a;
  const seen = new Set(a.map((f) => `${f.rule}|${f.cookie.name}|${f.cookie.domain}`));
  return a.concat(b.filter((f) => !seen.has(`${f.rule}|${f.cookie.name}|${f.cookie.domain}`)));
});

export function selectAllFindings(state: PanelState, nowMs: number): PanelFinding[] {
  return mergeFindings(state.findings.list, selectServerFindings(state, nowMs));
}
