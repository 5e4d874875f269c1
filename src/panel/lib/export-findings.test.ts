import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import type { PanelCookie, PanelFinding } from '../model/types.ts';
import { exportFindings, findingsToMarkdown, findingsToSarif, sessionValuesOf } from './export-findings.ts';

const findings: PanelFinding[] = [
  { rule: 'missing-httponly', severity: 'high', cookie: { name: 'sid', domain: 'a.test', path: '/' }, message: 'No HttpOnly | bad', fix: 'httpOnly: true', evidence: 'sid=ab…' },
  { rule: 'samesite-missing', severity: 'info', cookie: { name: 'pref', domain: 'a.test', path: '/x' }, message: 'No SameSite' },
  { rule: 'oversize', severity: 'error', cookie: { name: 'big', domain: 'a.test', path: '/' }, message: 'Too big' },
];

function sarifValidator() {
  const schema = JSON.parse(readFileSync('test/fixtures/sarif-schema-2.1.0.json', 'utf8'));
  // draft-04 schema: Ajv 8 reads it the same once the root "id" is "$id" (as src/core/sarif's test does)
  delete schema.$schema;
  schema.$id = schema.id;
  delete schema.id;
  return new Ajv({ strict: false, validateFormats: false, unicodeRegExp: false }).compile(schema);
}

describe('findings exports', () => {
  it('writes SARIF 2.1.0 that validates against the schema, with levels and cookie locations', () => {
    const sarif = JSON.parse(findingsToSarif(findings, 'http://a.test/'));
    const validate = sarifValidator();
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const results = sarif.runs[0].results;
    expect(results.map((r: { level: string }) => r.level)).toEqual(['error', 'note', 'error']);
    expect(results[0].locations[0].logicalLocations[0]).toMatchObject({ name: 'sid', kind: 'cookie' });
    expect(results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('http://a.test/');
    const rules = sarif.runs[0].tool.driver.rules.map((r: { id: string }) => r.id);
    expect(rules[results[1].ruleIndex]).toBe('samesite-missing');
  });

  it('describes the server diagnostics in SARIF too, so each result references its rule', () => {
    const diagnostics: PanelFinding[] = [
      { rule: 'record-expired', severity: 'medium', cookie: { name: 'sessionid', domain: 'db.localhost', path: '/' }, message: 'expired', fix: 'align' },
      { rule: 'no-server-record', severity: 'medium', cookie: { name: 'sessionid', domain: 'cache.localhost', path: '/' }, message: 'gone' },
      { rule: 'record-expired', severity: 'medium', cookie: { name: 'sessionid', domain: 'file.localhost', path: '/' }, message: 'expired' },
      { rule: 'session-fixation', severity: 'high', cookie: { name: 'sessionid', domain: 'db.localhost', path: '/' }, message: 'kept' },
    ];
    const sarif = JSON.parse(findingsToSarif(diagnostics, 'http://db.localhost:8765/'));
    const validate = sarifValidator();
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const rules: { id: string; shortDescription: { text: string } }[] = sarif.runs[0].tool.driver.rules;
    const ids = sarif.runs[0].results.map((r: { ruleIndex: number }) => rules[r.ruleIndex]?.id);
    expect(ids).toEqual(['record-expired', 'no-server-record', 'record-expired', 'session-fixation']);
    expect(rules.filter((r) => r.id === 'record-expired')).toHaveLength(1);
    expect(rules.find((r) => r.id === 'no-server-record')!.shortDescription.text).toBe('Session cookie the server has no record for');
  });

  it('writes Markdown grouped by severity, worst first, with table cells escaped', () => {
    const md = findingsToMarkdown(findings, null);
    expect(md.indexOf('## error')).toBeLessThan(md.indexOf('## high'));
    expect(md.indexOf('## high')).toBeLessThan(md.indexOf('## info'));
    expect(md).toContain('No HttpOnly \\| bad');
    expect(md).toContain('3 finding(s).');
  });

  it('names files and types per format; JSON keeps the CLI finding shape', () => {
    const json = exportFindings('json', findings, 'http://a.test/');
    expect(json).toMatchObject({ mime: 'application/json', filename: 'sessionscope-findings.json' });
    expect(JSON.parse(json.text).findings[0]).toEqual({ ...findings[0], url: 'http://a.test/', session: { is: false, reason: '' } });
    expect(exportFindings('sarif', [], null).filename).toBe('sessionscope-findings.sarif');
    expect(exportFindings('markdown', [], null).mime).toBe('text/markdown');
  });

  it('masks a session id that travels in the page URL, in every format', () => {
    const cookie = (name: string, value: string): PanelCookie => ({ name, value, domain: 'a.test', path: '/', expires: null, httpOnly: true,
      secure: false, sameSite: 'lax', partitionKey: null, priority: null, hostOnly: true, storeId: '0', thirdParty: false });
    const sid = 'q8Vn2LrX0cTz7WbK4mYs9PdH6gJf3Ue1';
    const values = sessionValuesOf([cookie('sessionid', sid), cookie('theme', 'dark-mode-on')]);
    expect(values).toEqual([sid]);
    for (const format of ['json', 'sarif', 'markdown'] as const) {
      const text = exportFindings(format, findings, `http://a.test/cart;jsessionid=${sid}?next=%2F`, values).text;
      expect(text).not.toContain(sid);
      // SARIF percent-encodes its URIs, so the mask reads q8Vn%E2%80%A6… there
      expect(text).toContain(format === 'sarif' ? 'q8Vn%E2%80%A6' : 'q8Vn…(32 chars)');
    }
  });
});
