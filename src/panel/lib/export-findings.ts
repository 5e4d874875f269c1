// Findings exports: JSON (the CLI's `audit --format json` shape), SARIF 2.1.0 and Markdown.
import manifest from '../../../manifest.json' with { type: 'json' };
import type { Finding } from '../../core/audit/types.ts';
import { classifySession } from '../../core/audit/classify.ts';
import { maskValuesInUrl } from '../../core/audit/mask.ts';
import { toSarif } from '../../core/sarif/write-sarif.ts';
import type { PanelCookie, PanelFinding } from '../model/types.ts';
import { SEVERITY_ORDER } from '../store/selectors.ts';
import { PANEL_ONLY_RULES } from './server-diagnostics.ts';

export type ExportFormat = 'json' | 'sarif' | 'markdown';

export function findingsToJson(findings: PanelFinding[], pageUrl: string | null): string {
  return JSON.stringify({ tool: 'sessionscope', version: manifest.version, url: pageUrl, findings: findings.map((f) => toAuditFinding(f, pageUrl)) }, null, 2);
}

/** The audit contract's Finding: the panel keeps some fields optional, the CLI's JSON always has them. */
function toAuditFinding(f: PanelFinding, pageUrl: string | null): Finding {
  return { rule: f.rule, severity: f.severity, cookie: f.cookie, url: pageUrl ?? '', message: f.message, evidence: f.evidence ?? '',
    fix: f.fix ?? '', session: { is: f.session != null, reason: f.session ?? '' } };
}

/** SARIF through the same writer as `sessionscope audit --format sarif`, so CI and the panel agree. */
export function findingsToSarif(findings: PanelFinding[], pageUrl: string | null): string {
  const log = toSarif(findings.map((f) => toAuditFinding(f, pageUrl)), { toolVersion: manifest.version });
  describePanelRules(log.runs[0]);
  return JSON.stringify(log, null, 2);
}

type SarifRun = ReturnType<typeof toSarif>['runs'][number];
const SARIF_LEVEL = { error: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' } as const;

/** The server diagnostics are not catalogue rules: describe them too, so every result points at its rule. */
function describePanelRules(run: SarifRun): void {
  const rules = run.tool.driver.rules as Array<{ id: string } & Record<string, unknown>>;
  for (const r of run.results) {
    const info = PANEL_ONLY_RULES[r.ruleId];
    if (r.ruleIndex >= 0 || !info) continue;
    let index = rules.findIndex((d) => d.id === r.ruleId);
    if (index < 0) {
      index = rules.push({
        id: r.ruleId, name: r.ruleId.split('-').map((w) => w[0].toUpperCase() + w.slice(1)).join(''),
        shortDescription: { text: info.title }, fullDescription: { text: `${info.title} (sessionscope panel: browser cookie vs companion server record).` },
        help: { text: `Server diagnostic ${r.ruleId} of the sessionscope panel: see docs/panel.md.` },
        defaultConfiguration: { level: SARIF_LEVEL[info.severity] }, properties: { tags: ['security', 'cookies', 'sessions'] },
      }) - 1;
    }
    r.ruleIndex = index;
  }
}

const escapeMd = (s: string) => s.replace(/[|\\`*_<>]/g, (c) => `\\${c}`).replace(/\n/g, ' ');

export function findingsToMarkdown(findings: PanelFinding[], pageUrl: string | null): string {
  const lines = [`# sessionscope findings${pageUrl ? ` for ${escapeMd(pageUrl)}` : ''}`, '', `${findings.length} finding(s).`];
  for (const severity of SEVERITY_ORDER) {
    const group = findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    lines.push('', `## ${severity} (${group.length})`, '', '| Rule | Cookie | Message | Fix |', '|---|---|---|---|');
    for (const f of group) {
      lines.push(`| ${f.rule} | ${escapeMd(`${f.cookie.name} @ ${f.cookie.domain}${f.cookie.path}`)} | ${escapeMd(f.message)} | ${escapeMd(f.fix ?? '')} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Values of the session cookies among `cookies`, longest first: a page URL that carries one (session-in-url) is
 * masked in exports, which end up in tickets and code-scanning uploads. Short values would garble URLs for nothing.
 */
export function sessionValuesOf(cookies: readonly PanelCookie[]): string[] {
  const values = new Set(cookies.filter((c) => c.value.length >= 8 && classifySession(c.name, c.value).is).map((c) => c.value));
  return [...values].sort((a, b) => b.length - a.length);
}

export function exportFindings(format: ExportFormat, findings: PanelFinding[], pageUrl: string | null, sessionValues: readonly string[] = []): { text: string; mime: string; filename: string } {
  const url = pageUrl === null ? null : maskValuesInUrl(pageUrl, sessionValues);
  switch (format) {
    case 'json': return { text: findingsToJson(findings, url), mime: 'application/json', filename: 'sessionscope-findings.json' };
    case 'sarif': return { text: findingsToSarif(findings, url), mime: 'application/sarif+json', filename: 'sessionscope-findings.sarif' };
    case 'markdown': return { text: findingsToMarkdown(findings, url), mime: 'text/markdown', filename: 'sessionscope-findings.md' };
  }
}

/** Triggers a download through a blob URL (no downloads permission needed from an extension page). */
export function downloadText(text: string, mime: string, filename: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  doc.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
