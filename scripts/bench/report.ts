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
