// Output of `sessionscope audit`: text grouped by severity (colours only on a TTY), JSON and SARIF.
import { SEVERITIES, severityRank } from '../core/audit/catalog.ts';
import type { Finding, Severity } from '../core/audit/types.ts';
import { toSarif } from '../core/sarif/write-sarif.ts';

export interface Summary {
  total: number;
  bySeverity: Record<Severity, number>;
  targets: string[];
  sessionCookies: string[];
  failOn: Severity | null;
  failed: boolean;
}

export function summarise(findings: Finding[], targets: string[], failOn: Severity | null): Summary {
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of findings) bySeverity[f.severity]++;
  const sessionCookies = [...new Set(findings.filter((f) => f.session.is).map((f) => f.cookie.name))];
  const failed = failOn !== null && findings.some((f) => severityRank(f.severity) >= severityRank(failOn));
  return { total: findings.length, bySeverity, targets, sessionCookies, failOn, failed };
}

const STYLE: Record<Severity, [string, string]> = {
  error: ['\x1b[1;31m', '\x1b[0m'], high: ['\x1b[31m', '\x1b[0m'], medium: ['\x1b[33m', '\x1b[0m'],
  low: ['\x1b[36m', '\x1b[0m'], info: ['\x1b[2m', '\x1b[0m'],
};
const DIM: [string, string] = ['\x1b[2m', '\x1b[0m'];

export function summaryLine(s: Summary): string {
  const counts = SEVERITIES.filter((sev) => s.bySeverity[sev] > 0).map((sev) => `${s.bySeverity[sev]} ${sev}`);
  const verdict = s.failOn ? (s.failed ? ` - FAILED (--fail-on ${s.failOn})` : ` - passed (--fail-on ${s.failOn})`) : '';
  const what = `${s.total} finding${s.total === 1 ? '' : 's'}${counts.length ? ` (${counts.join(', ')})` : ''}`;
  return `${what} in ${s.targets.length} target${s.targets.length === 1 ? '' : 's'}${verdict}`;
}

export function renderText(findings: Finding[], summary: Summary, color: boolean): string {
  const paint = ([on, off]: [string, string], text: string): string => (color ? on + text + off : text);
  const lines: string[] = [];
  for (const severity of SEVERITIES) {
    const group = findings.filter((f) => f.severity === severity);
    if (!group.length) continue;
    lines.push(paint(STYLE[severity], `${severity.toUpperCase()} (${group.length})`));
    for (const f of group) {
      // a nameless cookie ("=v" or "v") would print as " @ host/"
      const where = `${f.cookie.name === '' ? '(nameless)' : f.cookie.name} @ ${f.cookie.domain}${f.cookie.path}`;
      lines.push(`  ${paint(STYLE[severity], f.rule)}  ${where}${f.session.is ? paint(DIM, '  [session]') : ''}`);
      lines.push(`    ${f.message}`);
      lines.push(paint(DIM, `    evidence: ${f.evidence}`));
      lines.push(`    fix: ${f.fix}`);
    }
    lines.push('');
  }
  lines.push(summaryLine(summary));
  return lines.join('\n') + '\n';
}

export function renderJson(findings: Finding[], summary: Summary): string {
  return JSON.stringify({ findings, summary }, null, 2) + '\n';
}

export function renderSarif(findings: Finding[], version: string, commandLine: string, startTime: string): string {
  return JSON.stringify(toSarif(findings, { toolVersion: version, commandLine, startTime, endTime: new Date().toISOString() }), null, 2) + '\n';
}
