// The targets of issue 6 and the table `npm run bench` prints (also pasted into docs/performance.md).

type Target = { max: number } | { min: number };

export const TARGETS: Record<string, Target> = {
  pageLoadOverheadRatio: { max: 1.05 },
  backgroundEventsPerSec: { min: 50_000 },
  parseVsSetCookieParserRatio: { min: 1 },
  swHeapMB: { max: 30 },
  panelFirstRenderMs: { max: 300 },
  panelFilterMs: { max: 50 },
  decodeVsDjangoRatio: { min: 1 },
  companionVsDjangoRatio: { min: 3 },
};

function verdict(value: number | null, target: Target | undefined): string {
  if (value === null) return 'skipped';
  if (!target) return '';
  return ('max' in target ? value <= target.max : value >= target.min) ? 'met' : 'NOT met';
}

const describe = (t: Target | undefined) => (!t ? '' : 'max' in t ? `<= ${t.max}` : `>= ${t.min}`);

export function tableRows(results: Record<string, unknown>): string[][] {
  const rows: string[][] = [];
  for (const [key, target] of Object.entries(TARGETS)) {
    const value = results[key];
    if (value !== null && typeof value === 'object') {
      for (const [engine, v] of Object.entries(value as Record<string, number | null>)) {
        rows.push([`${key}.${engine}`, v === null ? 'null' : String(v), describe(target), verdict(v, target)]);
      }
    } else if (value !== undefined) {
      const v = value as number | null;
      rows.push([key, v === null ? 'null' : String(v), describe(target), verdict(v, target)]);
    }
  }
  const decode = results.decodeCookiesPerSec as Record<string, number> | null;
  for (const [format, rate] of Object.entries(decode ?? {})) rows.push([`decodeCookiesPerSec.${format}`, String(rate), '', '']);
  return rows;
}

export function printTable(results: Record<string, unknown>): void {
  const rows = [['figure', 'value', 'target', ''], ...tableRows(results)];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  for (const r of rows) console.log(r.map((c, i) => (i === 1 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd());
  const skipped = results.skipped as Record<string, string>;
  for (const [key, reason] of Object.entries(skipped)) console.log(`skipped ${key}: ${reason}`);
}

export const TABLE_START = '<!-- bench-table:start (written by npm run bench) -->';
export const TABLE_END = '<!-- bench-table:end -->';

/** The table as Markdown, with the run's date and machine, for docs/performance.md and the README. */
export function markdownTable(results: Record<string, unknown>): string {
  const machine = results.machine as { cpus: number; node: string; chromium: string | null; loadAverage1m: number; loadAverage1mAtStart?: number };
  const lines = ['| figure | value | target | |', '|---|---:|---|---|',
    ...tableRows(results).map((r) => `| \`${r[0]}\` | ${r[1]} | ${r[2].replace('>=', '≥').replace('<=', '≤')} | ${r[3]} |`)];
  const skipped = Object.entries(results.skipped as Record<string, string>).map(([k, why]) => `- \`${k}\` skipped: ${why}`);
  return [...lines, '', `Measured ${String(results.generatedAt).slice(0, 16).replace('T', ' ')} UTC on ${machine.cpus} cores, Node ${machine.node}, ` +
    `${machine.chromium ?? 'Chromium'}; 1-minute load average ${machine.loadAverage1mAtStart?.toFixed(1) ?? '?'} at the start, ${machine.loadAverage1m.toFixed(1)} at the end; whole run ${results.seconds} s.`, ...skipped].join('\n');
}

/** Replaces the text between the bench markers of `text` (unchanged when the markers are absent). */
export function replaceTable(text: string, table: string): string {
  const start = text.indexOf(TABLE_START);
  const end = text.indexOf(TABLE_END);
  if (start < 0 || end < start) return text;
  return `${text.slice(0, start + TABLE_START.length)}\n${table}\n${text.slice(end)}`;
}
