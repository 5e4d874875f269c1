// Shared driver of the differential tests: serve the cases, run a browser, compare, summarise.
import { mkdirSync, writeFileSync } from 'node:fs';
import { lookupFor, type DiffCase, type Ports } from './case-types.ts';
import { compareCase, type CaseComparison, type CompareOptions } from './compare.ts';
import type { CaseObservation } from './observation.ts';
import { startCookieServer } from './server.ts';

export interface DifferentialSummary {
  label: string;
  agree: number;
  total: number;
  figure: string;
  unexpected: CaseComparison[];
  stale: string[];
}

export async function runDifferential(
  label: string, cases: readonly DiffCase[], run: (cases: readonly DiffCase[], ports: Ports) => Promise<CaseObservation[]>,
  options: CompareOptions, known: Record<string, string>,
): Promise<DifferentialSummary> {
  const server = await startCookieServer(lookupFor(cases));
  let observations: CaseObservation[];
  try {
    observations = await run(cases, server);
    for (const o of observations) {
      for (const step of o.steps) {
        const u = new URL(step.url);
        step.requestCookie = server.requestCookies.get(u.pathname + u.search);
      }
    }
  } finally {
    await server.close();
  }
  const results = cases.map((c, i) => compareCase(c, observations[i], options));
  const agree = results.filter((r) => r.agree).length;
  const figure = `${label}: ${agree}/${results.length} agree (${((100 * agree) / results.length).toFixed(1)}%)`;
  mkdirSync('test-results', { recursive: true });
  writeFileSync(`test-results/${label.replace(/\W+/g, '-')}.json`, JSON.stringify({ figure, results: results.map(({ decisions, ...r }) => r) }, null, 1));
  return {
    label, agree, total: results.length, figure,
    unexpected: results.filter((r) => !r.agree && !(r.id in known)),
    stale: Object.keys(known).filter((id) => results.find((r) => r.id === id)?.agree ?? true),
  };
}

/** One line per unexpected disagreement, for the assertion message. */
export const describeUnexpected = (s: DifferentialSummary): string[] =>
  s.unexpected.map((r) => `${r.id}: ${r.differences.join('; ')}`);
