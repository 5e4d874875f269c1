// Batch audit of recorded traffic (a HAR file, the CLI's redirect chain): replays each exchange through an
// auditor, recognising logins (password form posts) and logouts on the way.
import { createAuditor } from './auditor.ts';
import { classifySession } from './classify.ts';
import { parseCookieHeader } from './request-audit.ts';
import { severityRank } from './catalog.ts';
import type { AuditOptions, Finding, RequestObservation, ResponseObservation } from './types.ts';

export interface Exchange {
  request: RequestObservation;
  response?: Omit<ResponseObservation, 'url'> & { url?: string };
}

const PASSWORD_FIELD = /pass(word|wd)?|pwd/i;
const LOGOUT_PATH = /log-?out|sign-?out|log_out|sign_off|logoff/i;

function setCookieValue(response: Exchange['response'], name: string): string | undefined {
  const line = response?.setCookieHeaders.flatMap((h) => h.split(/\r?\n/)).reverse().find((h) => h.replace(/^\s*set-cookie\s*:\s*/i, '').split('=')[0].trim() === name);
  return line?.replace(/^\s*set-cookie\s*:\s*/i, '').split(';')[0].split('=').slice(1).join('=').trim();
}

function observeLifecycle(auditor: ReturnType<typeof createAuditor>, ex: Exchange): void {
  const sent = parseCookieHeader(ex.request.cookieHeader ?? '');
  const method = (ex.request.method ?? 'GET').toUpperCase();
  if (method === 'POST' && (ex.request.formFields ?? []).some((f) => PASSWORD_FIELD.test(f)) && ex.response) {
    const status = ex.response.status ?? 0;
    const authChanged = (status >= 300 && status < 400) || ex.response.setCookieHeaders.length > 0;
    const after = sent.map((c) => ({ name: c.name, value: setCookieValue(ex.response, c.name) ?? c.value }));
    auditor.observeLogin({ url: ex.request.url, before: sent, after, passwordSubmitted: true, authChanged });
  }
  if (LOGOUT_PATH.test(new URL(ex.request.url).pathname)) {
    for (const c of sent) if (classifySession(c.name, c.value).is) auditor.observeLogout({ url: ex.request.url, cookie: c });
  }
}

export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || a.rule.localeCompare(b.rule) || a.cookie.name.localeCompare(b.cookie.name));
}

/** Audits exchanges in order; returns every finding (noise control applied), most severe first. */
export async function auditExchanges(exchanges: Exchange[], options: AuditOptions = {}): Promise<Finding[]> {
  const auditor = createAuditor(options);
  for (const ex of exchanges) {
    auditor.observeRequest(ex.request);
    observeLifecycle(auditor, ex);
    if (ex.response) auditor.observeResponse({ ...ex.response, url: ex.response.url ?? ex.request.url });
  }
  await auditor.settle();
  return sortFindings(auditor.findings());
}
