// HAR input for the audit: read a DevTools export and replay it through the auditor.
import { auditExchanges } from '../audit/exchanges.ts';
import type { AuditOptions, Finding } from '../audit/types.ts';
import { readHar } from './read-har.ts';

export { readHar, formatHarCookie, HarError } from './read-har.ts';

/** Audits a HAR 1.2 text (Chrome or Firefox export). Throws HarError for malformed input. */
export async function auditHar(text: string, options: AuditOptions = {}): Promise<Finding[]> {
  return auditExchanges(readHar(text), options);
}
