// Findings exports: JSON (the CLI's `audit --format json` shape), SARIF 2.1.0 and Markdown.
import type { PanelFinding, Severity } from '../model/types.ts';
import { SEVERITY_ORDER } from '../store/selectors.ts';

export type ExportFormat = 'json' | 'sarif' | 'markdown';

export function findingsToJson(findings: PanelFinding[], pageUrl: string | null): string {
  return JSON.stringify({ tool: 'sessionscope', url: pageUrl, findings }, null, 2);
}

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' };

export function findingsToSarif(findings: PanelFinding[], pageUrl: string | null): string {
  const rules = [...new Set(findings.map((f) => f.rule))].sort();
  const results = findings.map((f) => ({
    ruleId: f.rule,
    ruleIndex: rules.indexOf(f.rule),
    level: SARIF_LEVEL[f.severity],
    message: { text: f.fix ? `${f.message} Fix: ${f.fix}` : f.message },
    locations: [{
      ...(pageUrl ? { physicalLocation: { artifactLocation: { uri: pageUrl } } } : {}),
      logicalLocations: [{ name: f.cookie.name, fullyQualifiedName: `${f.cookie.domain}${f.cookie.path}#${f.cookie.name}`, kind: 'cookie' }],
    }],
    properties: { severity: f.severity, ...(f.evidence ? { evidence: f.evidence } : {}) },
  }));
  return JSON.stringify({
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'sessionscope', informationUri: 'https://github.com/sessionscope/sessionscope', rules: rules.map((id) => ({ id, shortDescription: { text: id } })) } },
      results,
    }],
  }, null, 2);
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

export function exportFindings(format: ExportFormat, findings: PanelFinding[], pageUrl: string | null): { text: string; mime: string; filename: string } {
  switch (format) {
    case 'json': return { text: findingsToJson(findings, pageUrl), mime: 'application/json', filename: 'sessionscope-findings.json' };
    case 'sarif': return { text: findingsToSarif(findings, pageUrl), mime: 'application/sarif+json', filename: 'sessionscope-findings.sarif' };
    case 'markdown': return { text: findingsToMarkdown(findings, pageUrl), mime: 'text/markdown', filename: 'sessionscope-findings.md' };
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
