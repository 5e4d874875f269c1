// The bench's bookkeeping (scripts/bench): medians, verdicts against the issue-6 targets, and the table
// that replaces the marked region of the docs. The measurements themselves run only in `npm run bench`.
import { describe, expect, it } from 'vitest';
import { markdownTable, replaceTable, TABLE_END, TABLE_START, tableRows } from '../../scripts/bench/report.ts';
import { median } from '../../scripts/bench/stats.ts';

const results = {
  pageLoadOverheadRatio: 1.02, backgroundEventsPerSec: 40_000, swHeapMB: null,
  companionVsDjangoRatio: { db: 3.5, file: null }, decodeCookiesPerSec: { django: 1234 },
  skipped: { swHeapMB: 'no chromium' }, machine: { cpus: 2, node: 'v20', chromium: null, loadAverage1m: 1.5 },
  generatedAt: '2026-11-30T04:00:00.000Z', seconds: 300,
};

describe('bench report', () => {
  it('takes medians of odd and even counts', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(Number.isNaN(median([]))).toBe(true);
  });

  it('judges each figure against its target, per engine for the companion, and marks skipped ones', () => {
    const rows = Object.fromEntries(tableRows(results).map((r) => [r[0], r.slice(1)]));
    expect(rows.pageLoadOverheadRatio).toEqual(['1.02', '<= 1.05', 'met']);
    expect(rows.backgroundEventsPerSec).toEqual(['40000', '>= 50000', 'NOT met']);
    expect(rows.swHeapMB).toEqual(['null', '<= 30', 'skipped']);
    expect(rows['companionVsDjangoRatio.db']).toEqual(['3.5', '>= 3', 'met']);
    expect(rows['companionVsDjangoRatio.file'][2]).toBe('skipped');
    expect(rows['decodeCookiesPerSec.django'][0]).toBe('1234');
  });

  it('rewrites only the marked region of a document and leaves unmarked ones alone', () => {
    const doc = `intro\n${TABLE_START}\nold table\n${TABLE_END}\noutro\n`;
    const next = replaceTable(doc, markdownTable(results));
    expect(next.startsWith('intro\n')).toBe(true);
    expect(next.endsWith(`${TABLE_END}\noutro\n`)).toBe(true);
    expect(next).not.toContain('old table');
    expect(next).toContain('`swHeapMB` skipped: no chromium');
    expect(replaceTable('no markers here', 'x')).toBe('no markers here');
  });
});
