import { describe, expect, it } from 'vitest';
import { renderJson, renderText, summarise, summaryLine } from './audit-format.ts';
import type { Finding } from '../core/audit/types.ts';

const f = (rule: string, severity: Finding['severity'], name: string): Finding => ({
  rule, severity, cookie: { name, domain: 'a.example', path: '/' }, url: 'https://a.example/', message: `${rule} message`,
  evidence: 'Set-Cookie: x', fix: 'fix it', session: { is: name === 'sid', reason: 'r' },
});
const findings = [f('samesite-none-insecure', 'error', 'x'), f('missing-httponly', 'high', 'sid'), f('samesite-missing', 'info', 'x')];

describe('audit output', () => {
  it('groups by severity, most severe first, and ends with the summary', () => {
    const text = renderText(findings, summarise(findings, ['https://a.example/'], 'high'), false);
    expect(text.split('\n').filter((l) => /^[A-Z]+ \(\d+\)$/.test(l))).toEqual(['ERROR (1)', 'HIGH (1)', 'INFO (1)']);
    expect(text.trim().split('\n').pop()).toBe('3 findings (1 error, 1 high, 1 info) in 1 target - FAILED (--fail-on high)');
    expect(text).not.toContain('\x1b[');
  });

  it('names a nameless cookie instead of printing an empty name', () => {
    const text = renderText([f('prefix-shadowing', 'high', '')], summarise([], ['t'], null), false);
    expect(text).toContain('\n  prefix-shadowing  (nameless) @ a.example/\n');
  });

  it('colours only when asked (a TTY)', () => {
    expect(renderText(findings, summarise(findings, ['t'], null), true)).toContain('\x1b[1;31mERROR (1)\x1b[0m');
  });

  it('summary: counts, session cookies, pass/fail', () => {
    const s = summarise(findings, ['t'], 'error');
    expect(s).toMatchObject({ total: 3, failed: true, sessionCookies: ['sid'], bySeverity: { error: 1, high: 1, medium: 0, low: 0, info: 1 } });
    expect(summarise([findings[2]], ['t'], 'low').failed).toBe(false);
    expect(summaryLine(summarise([], ['a', 'b'], null))).toBe('0 findings in 2 targets');
    expect(JSON.parse(renderJson([], s))).toEqual({ findings: [], summary: s });
  });
});
