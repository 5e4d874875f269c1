// Public surface of the audit engine: import from 'src/core/audit/index.ts'.
export type * from './types.ts';
export { RULES, RULE_IDS, SEVERITIES, severityRank, isSeverity, severityFor, type RuleId, type RuleInfo } from './catalog.ts';
export { classifySession, sniffFormat } from './classify.ts';
export { createAuditor, type Auditor } from './auditor.ts';
export { auditExchanges, sortFindings, type Exchange } from './exchanges.ts';
export { readAuditConfig, applyNoiseControl, mergeConfig, isIgnored, globToRegExp, type AuditConfig, type IgnoreEntry } from './config.ts';
export { estimateIdBits, analyseIdSample } from './entropy.ts';
export { WEAK_SECRETS } from './weak-secrets.ts';
export { findingKey } from './finding.ts';
