// Builds Findings from rule hits: severity from the catalog, fix from the framework table, masking.
import { fixFor } from './fixes.ts';
import { severityFor, type RuleId } from './catalog.ts';
import type { Finding, Framework, SessionVerdict, Severity } from './types.ts';

export interface Hit {
  rule: RuleId;
  message: string;
  /** already masked as the options require */
  evidence: string;
  /** overrides the catalog severity (missing-secure on localhost is info) */
  severity?: Severity;
  /** appended to the framework fix, e.g. the localhost advice */
  fixNote?: string;
}

export interface Subject {
  name: string;
  domain: string;
  path: string;
  url: string;
  session: SessionVerdict;
}

// An oversize cookie or attribute would otherwise put kilobytes into every report line.
const MAX_EVIDENCE = 400;

export function makeFinding(subject: Subject, hit: Hit): Finding {
  const { session } = subject;
  const framework: Framework | undefined = session.framework;
  const fix = fixFor(hit.rule, framework, subject.name, session.is);
  const finding: Finding = {
    rule: hit.rule,
    severity: hit.severity ?? severityFor(hit.rule, session.is),
    cookie: { name: subject.name, domain: subject.domain, path: subject.path },
    url: subject.url,
    message: hit.message,
    evidence: hit.evidence.length > MAX_EVIDENCE ? `${hit.evidence.slice(0, MAX_EVIDENCE - 20)}…(${hit.evidence.length} chars)` : hit.evidence,
    // framework fixes are settings ('Django: SESSION_COOKIE_SECURE = True') with no full stop of their own
    fix: hit.fixNote ? `${fix}${/[.!?]$/.test(fix) ? '' : '.'} ${hit.fixNote}` : fix,
    session: { is: session.is, reason: session.reason },
  };
  if (framework) finding.framework = framework;
  return finding;
}

/** Identity of a finding for de-duplication across responses: the same cookie flaw is reported once. */
export function findingKey(f: Finding): string {
  return [f.rule, f.cookie.name, f.cookie.domain, f.cookie.path].join('\u0000');
}
