// SARIF 2.1.0 output for code-scanning tools (GitHub code scanning, Azure DevOps, VS Code SARIF viewer).
// Hand-written rather than via node-sarif-builder: the log is a fixed, small shape, and this keeps
// src/core free of Node-only dependencies so the extension can export the same report.
import { RULES, type RuleId } from '../audit/catalog.ts';
import { findingKey } from '../audit/finding.ts';
import type { Finding, Severity } from '../audit/types.ts';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' };
// GitHub ranks security results by this property (0-10): high >= 7, medium >= 4, low > 0.
const SECURITY_SEVERITY: Record<Severity, string> = { error: '7.0', high: '8.0', medium: '5.5', low: '3.0', info: '1.0' };

export interface SarifOptions { toolVersion: string; commandLine?: string; startTime?: string; endTime?: string }

const pascal = (id: string): string => id.split('-').map((w) => w[0].toUpperCase() + w.slice(1)).join('');

function ruleDescriptor(id: RuleId) {
  const info = RULES[id];
  return {
    id, name: pascal(id),
    shortDescription: { text: info.title },
    fullDescription: { text: info.session === info.other ? `${info.title} (${info.session}).` : `${info.title} (${info.session} for session cookies, ${info.other} for others).` },
    help: { text: `Rule ${id} of the sessionscope cookie audit catalog: see docs/audit-rules.md and docs/audit.md.` },
    defaultConfiguration: { level: LEVEL[info.session] },
    properties: { tags: ['security', 'cookies'], 'security-severity': SECURITY_SEVERITY[info.session] },
  };
}

// artifactLocation.uri must be an RFC 3986 URI reference: a masked URL ("?sid=abcd…(32 chars)") or a raw IRI
// is not, so anything outside the URI characters is percent-encoded (a lone surrogate becomes U+FFFD).
const URI_UNSAFE = /[^\x21-\x7e]|["<>\\^`{|}]/gu;
const toUri = (url: string): string => url.replace(URI_UNSAFE, (c) => {
  try { return encodeURIComponent(c); } catch { return '%EF%BF%BD'; }
});

function result(f: Finding, ruleIndex: number) {
  return {
    ruleId: f.rule, ruleIndex, level: LEVEL[f.severity],
    message: { text: `${f.message}. Fix: ${f.fix}` },
    locations: [{
      physicalLocation: { artifactLocation: { uri: toUri(f.url) } },
      logicalLocations: [{ name: f.cookie.name, fullyQualifiedName: `${f.cookie.domain}${f.cookie.path} ${f.cookie.name}`, kind: 'cookie' }],
    }],
    partialFingerprints: { 'sessionscope/v1': findingKey(f).split('\u0000').join('|') },
    properties: {
      severity: f.severity, 'security-severity': SECURITY_SEVERITY[f.severity], evidence: f.evidence, fix: f.fix,
      cookie: f.cookie, session: f.session, ...(f.framework ? { framework: f.framework } : {}),
    },
  };
}

/** Builds a SARIF 2.1.0 log with one run; every catalog rule is listed so results can reference it by index. */
export function toSarif(findings: Finding[], options: SarifOptions) {
  const ids = Object.keys(RULES) as RuleId[];
  const invocation: Record<string, unknown> = { executionSuccessful: true };
  if (options.commandLine) invocation.commandLine = options.commandLine;
  if (options.startTime) invocation.startTimeUtc = options.startTime;
  if (options.endTime) invocation.endTimeUtc = options.endTime;
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0' as const,
    runs: [{
      tool: { driver: { name: 'sessionscope', version: options.toolVersion, rules: ids.map(ruleDescriptor) } },
      invocations: [invocation],
      results: findings.map((f) => result(f, ids.indexOf(f.rule as RuleId))),
    }],
  };
}
