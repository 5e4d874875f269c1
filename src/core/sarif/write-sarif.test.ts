// Validates the SARIF output against the 2.1.0 JSON schema (test/fixtures/sarif-schema-2.1.0.json, the
// sarif-2.1.0-rtm.5 schema shipped by the npm package @microsoft/jest-sarif, MIT).
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { toSarif } from './write-sarif.ts';
import { auditExchanges } from '../audit/exchanges.ts';

function compileSchema() {
  const schema = JSON.parse(readFileSync(new URL('../../../test/fixtures/sarif-schema-2.1.0.json', import.meta.url), 'utf8'));
  // The schema is written in draft-04 (meta-schema URI, "id"); Ajv 8 speaks draft-07, which reads it the same
  // way once the root "id" is spelled "$id" (draft-04's boolean exclusiveMinimum is not used by this schema).
  delete schema.$schema;
  schema.$id = schema.id;
  delete schema.id;
  // unicodeRegExp off: the schema's language pattern has a stray "]" that only non-unicode regexps accept.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  ajv.addFormat('uri', (s: string) => URL.canParse(s));
  ajv.addFormat('uri-reference', (s: string) => URL.canParse(s, 'http://base.invalid/'));
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)) && /^\d{4}-\d\d-\d\dT/.test(s));
  return ajv.compile(schema);
}

describe('toSarif', () => {
  const validate = compileSchema();

  it('produces a log that validates against the SARIF 2.1.0 schema', async () => {
    const findings = await auditExchanges([{ request: { url: 'http://app.example.com/' }, response: { setCookieHeaders: ['sessionid=1; SameSite=None', '__Host-x=1', 'csrftoken=abc'] } }]);
    expect(findings.length).toBeGreaterThan(3);
    const log = toSarif(findings, { toolVersion: '0.1.0', commandLine: 'sessionscope audit http://app.example.com/', startTime: new Date().toISOString() });
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    const run = log.runs[0];
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
    expect(run.results.find((r) => r.ruleId === 'samesite-none-insecure')?.level).toBe('error');
  });

  it('validates with no findings, and the schema does reject a broken log', () => {
    expect(validate(toSarif([], { toolVersion: '0.1.0' }))).toBe(true);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
    const log = toSarif([], { toolVersion: '0.1.0' });
    expect(validate({ ...log, runs: [{ ...log.runs[0], results: [{ ruleId: 'x', level: 'critical', message: { text: 'm' } }] }] })).toBe(false);
  });
});
