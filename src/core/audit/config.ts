// Noise control (issue 3 §2): ignore entries (rule, cookie-name glob, host glob) and a minimum severity,
// read from sessionscope.config.json's "audit" section and CLI flags. Pure: the CLI reads the file.
import { isSeverity, RULES, severityRank, SEVERITIES } from './catalog.ts';
import type { Finding, Severity } from './types.ts';

export interface IgnoreEntry {
  rule?: string;
  /** glob on the cookie name: * and ? wildcards, case-sensitive like cookie names */
  cookie?: string;
  /** glob on the finding's host: *.example.com also matches example.com */
  host?: string;
}

export interface AuditConfig {
  ignore?: IgnoreEntry[];
  minSeverity?: Severity;
  /** seconds: the session idle policy for persistent-session */
  sessionMaxAge?: number;
  secrets?: string[];
}

const fail = (source: string, why: string): never => { throw new Error(`${source}: ${why}`); };

function readIgnore(entry: unknown, source: string, i: number): IgnoreEntry {
  if (typeof entry === 'string') entry = { rule: entry };
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) fail(source, `ignore[${i}] must be an object or a rule id`);
  const e = entry as Record<string, unknown>;
  const out: IgnoreEntry = {};
  for (const key of Object.keys(e)) {
    if (key !== 'rule' && key !== 'cookie' && key !== 'host') fail(source, `ignore[${i}] has unknown key "${key}" (use rule, cookie, host)`);
    if (typeof e[key] !== 'string') fail(source, `ignore[${i}].${key} must be a string`);
  }
  if (e.rule !== undefined && !((e.rule as string) in RULES)) fail(source, `ignore[${i}].rule "${e.rule}" is not a rule id`);
  if (e.rule === undefined && e.cookie === undefined && e.host === undefined) fail(source, `ignore[${i}] is empty: it would hide every finding`);
  Object.assign(out, e);
  return out;
}

/** Validates a parsed config (the whole file or its "audit" section); throws a one-line error. */
export function readAuditConfig(json: unknown, source = 'config'): AuditConfig {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return fail(source, 'must be a JSON object');
  const root = json as Record<string, unknown>;
  const section = (typeof root.audit === 'object' && root.audit !== null ? root.audit : root) as Record<string, unknown>;
  const config: AuditConfig = {};
  if (section.ignore !== undefined) {
    if (!Array.isArray(section.ignore)) fail(source, '"ignore" must be an array');
    config.ignore = (section.ignore as unknown[]).map((e, i) => readIgnore(e, source, i));
  }
  if (section.minSeverity !== undefined) {
    if (typeof section.minSeverity !== 'string' || !isSeverity(section.minSeverity)) fail(source, `"minSeverity" must be one of ${SEVERITIES.join(', ')}`);
    config.minSeverity = section.minSeverity as Severity;
  }
  if (section.sessionMaxAge !== undefined) {
    if (typeof section.sessionMaxAge !== 'number' || !(section.sessionMaxAge > 0)) fail(source, '"sessionMaxAge" must be a positive number of seconds');
    config.sessionMaxAge = section.sessionMaxAge as number;
  }
  if (section.secrets !== undefined) {
    if (!Array.isArray(section.secrets) || section.secrets.some((s) => typeof s !== 'string')) fail(source, '"secrets" must be an array of strings');
    config.secrets = section.secrets as string[];
  }
  return config;
}

export function globToRegExp(glob: string, flags = ''): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`, flags);
}

function hostOf(url: string): string {
  try { return new URL(url).hostname.toLowerCase(); } catch { return ''; }
}

function matchesHost(glob: string, host: string): boolean {
  if (globToRegExp(glob, 'i').test(host)) return true;
  return glob.startsWith('*.') && host === glob.slice(2).toLowerCase();
}

export function isIgnored(finding: Finding, entry: IgnoreEntry): boolean {
  if (entry.rule !== undefined && entry.rule !== finding.rule) return false;
  if (entry.cookie !== undefined && !globToRegExp(entry.cookie).test(finding.cookie.name)) return false;
  if (entry.host !== undefined && !matchesHost(entry.host, hostOf(finding.url)) && !matchesHost(entry.host, finding.cookie.domain)) return false;
  return true;
}

/** Keeps the findings that pass the minimum severity and no ignore entry. */
export function applyNoiseControl(findings: Finding[], config: AuditConfig | undefined): Finding[] {
  if (!config) return findings;
  const min = config.minSeverity ? severityRank(config.minSeverity) : 0;
  return findings.filter((f) => severityRank(f.severity) >= min && !(config.ignore ?? []).some((e) => isIgnored(f, e)));
}

/** CLI flags win over the file: --min-severity replaces, --ignore-rule adds. */
export function mergeConfig(file: AuditConfig, flags: { minSeverity?: Severity; ignoreRules?: string[]; secrets?: string[] }): AuditConfig {
  return {
    ...file,
    minSeverity: flags.minSeverity ?? file.minSeverity,
    ignore: [...(file.ignore ?? []), ...(flags.ignoreRules ?? []).map((rule) => ({ rule }))],
    secrets: [...(file.secrets ?? []), ...(flags.secrets ?? [])],
  };
}
