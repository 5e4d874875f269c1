// `sessionscope audit URL... | --har FILE`: audits cookies like a browser sees them and reports in text,
// JSON or SARIF. Exit codes: 0 ok, 1 findings at or above --fail-on, 2 bad input (one line, no stack).
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { attachDashValues } from './cli-args.ts';
import { isSeverity, RULES, SEVERITIES } from '../core/audit/catalog.ts';
import { mergeConfig } from '../core/audit/config.ts';
import { auditExchanges, type Exchange } from '../core/audit/exchanges.ts';
import type { Severity } from '../core/audit/types.ts';
import { readHar } from '../core/har/read-har.ts';
import { decodeCookie } from '../core/decode/index.ts';
import type { StoredCookie } from '../core/cookies/index.ts';
import { loadAuditConfig } from './audit-config.ts';
import { fetchChain, redactCredentials } from './audit-fetch.ts';
import { renderJson, renderSarif, renderText, summarise, summaryLine } from './audit-format.ts';
import { maskFindingUrls, sessionValuesOf } from './mask-urls.ts';

export const AUDIT_USAGE = `usage: sessionscope audit URL... | --har FILE [options]

  --har FILE             audit a HAR 1.2 export (Chrome or Firefox DevTools); repeatable
  --secret S             a dev secret to verify/decode signed cookies with; repeatable
  --format F             text (default), json or sarif
  --output FILE, -o      write the report to FILE (the summary line still goes to stdout)
  --fail-on SEVERITY     exit 1 when a finding is at least SEVERITY (${SEVERITIES.join(', ')})
  --min-severity SEV     hide findings below SEV
  --ignore-rule RULE     hide a rule; repeatable
  --config FILE          config file (default: ./sessionscope.config.json when present)
  --show-values          do not mask session values and secrets in evidence`;

const OPTIONS = {
  har: { type: 'string', multiple: true }, secret: { type: 'string', multiple: true }, format: { type: 'string' },
  output: { type: 'string', short: 'o' }, 'fail-on': { type: 'string' }, 'min-severity': { type: 'string' },
  'ignore-rule': { type: 'string', multiple: true }, config: { type: 'string' }, 'show-values': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

class InputError extends Error {}

function readSeverity(flag: string, text: string | undefined): Severity | undefined {
  if (text === undefined) return undefined;
  if (!isSeverity(text)) throw new InputError(`${flag} must be one of ${SEVERITIES.join(', ')}, got "${text}"`);
  return text;
}

function readHarFile(path: string): Exchange[] {
  let text: string;
  try { text = readFileSync(path, 'utf8'); } catch (err) {
    throw new InputError(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  let exchanges: Exchange[];
  try { exchanges = readHar(text); } catch (err) { throw new InputError(`${path}: ${(err as Error).message}`); }
  // Chrome's default "Export HAR (sanitized)" drops Cookie and Set-Cookie: say so rather than report a clean bill
  const cookieless = exchanges.every((ex) => !ex.request.cookieHeader && !ex.response?.setCookieHeaders.length);
  if (exchanges.length > 0 && cookieless) {
    process.stderr.write(`sessionscope audit: note: ${path} holds no Cookie or Set-Cookie header (a sanitized export?); in Chrome use "Export HAR (with sensitive data)"\n`);
  }
  return exchanges;
}

async function collect(urls: string[], hars: string[]): Promise<Exchange[]> {
  const exchanges = hars.flatMap(readHarFile);
  let jar: StoredCookie[] = [];
  for (const url of urls) {
    const chain = await fetchChain(url, jar);
    jar = chain.jar;
    exchanges.push(...chain.exchanges);
  }
  return exchanges;
}

async function run(argv: string[]): Promise<number> {
  const startTime = new Date().toISOString();
  const { values, positionals } = parseArgs({ args: attachDashValues(argv, OPTIONS), options: OPTIONS, allowPositionals: true, strict: true });
  if (values.help) { process.stdout.write(AUDIT_USAGE + '\n'); return 0; }
  const format = values.format ?? 'text';
  if (!['text', 'json', 'sarif'].includes(format)) throw new InputError(`--format must be text, json or sarif, got "${format}"`);
  if (!positionals.length && !values.har?.length) throw new InputError('give at least one URL or --har FILE');
  const failOn = readSeverity('--fail-on', values['fail-on']) ?? null;
  const unknown = (values['ignore-rule'] ?? []).find((r) => !(r in RULES));
  if (unknown) throw new InputError(`--ignore-rule: "${unknown}" is not a rule id`);
  const config = mergeConfig(loadAuditConfig(values.config), {
    minSeverity: readSeverity('--min-severity', values['min-severity']), ignoreRules: values['ignore-rule'], secrets: values.secret,
  });
  const exchanges = await collect(positionals, values.har ?? []);
  const audited = await auditExchanges(exchanges, { decode: decodeCookie, config, showValues: values['show-values'], sessionMaxAge: config.sessionMaxAge });
  const findings = values['show-values'] ? audited : maskFindingUrls(audited, sessionValuesOf(exchanges));
  const summary = summarise(findings, [...positionals.map(redactCredentials), ...(values.har ?? [])], failOn);
  const toFile = values.output !== undefined;
  const color = !toFile && format === 'text' && process.stdout.isTTY === true && !process.env.NO_COLOR;
  const report = format === 'json' ? renderJson(findings, summary)
    : format === 'sarif' ? renderSarif(findings, await toolVersion(), commandLine(argv), startTime)
    : renderText(findings, summary, color);
  if (toFile) {
    try { writeFileSync(values.output!, report); } catch (err) { throw new InputError(`cannot write ${values.output}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`); }
    process.stdout.write(summaryLine(summary) + '\n');
  } else {
    process.stdout.write(report);
  }
  return summary.failed ? 1 : 0;
}

/** The invocation for SARIF, which is uploaded to code-scanning services: no --secret value or URL password. */
function commandLine(argv: string[]): string {
  const shown = argv.map((arg, i) => (argv[i - 1] === '--secret' ? '***' : arg.startsWith('--secret=') ? '--secret=***' : redactCredentials(arg)));
  return ['sessionscope', 'audit', ...shown].join(' ');
}

async function toolVersion(): Promise<string> {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}

/** Entry point registered as the `audit` command. Every failure becomes one line on stderr and exit 2. */
export async function runAudit(argv: string[]): Promise<number> {
  try {
    return await run(argv);
  } catch (err) {
    const message = (err instanceof Error ? err.message : String(err)).split('\n')[0];
    process.stderr.write(`sessionscope audit: ${message}\n`);
    return 2;
  }
}
