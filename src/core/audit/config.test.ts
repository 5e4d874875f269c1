import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyNoiseControl, mergeConfig, readAuditConfig } from './config.ts';
import type { Finding } from './types.ts';

const finding = (rule: string, name: string, url: string, severity: Finding['severity']): Finding => ({
  rule, severity, cookie: { name, domain: new URL(url).hostname, path: '/' }, url, message: '', evidence: '', fix: '', session: { is: false, reason: '' },
});
const all = [
  finding('samesite-missing', '_ga', 'https://www.example.com/', 'info'),
  finding('missing-secure', 'sessionid', 'https://dev.example.com/', 'high'),
  finding('missing-httponly', 'csrftoken', 'https://www.example.com/', 'low'),
];

describe('noise control', () => {
  it('filters by rule, cookie glob, host glob and minimum severity', () => {
    const names = (config: object) => applyNoiseControl(all, readAuditConfig(config)).map((f) => f.cookie.name);
    expect(names({ ignore: [{ rule: 'samesite-missing' }] })).toEqual(['sessionid', 'csrftoken']);
    expect(names({ audit: { ignore: [{ cookie: '_g*' }] } })).toEqual(['sessionid', 'csrftoken']);
    expect(names({ ignore: [{ host: '*.example.com', rule: 'missing-secure' }] })).toEqual(['_ga', 'csrftoken']);
    expect(names({ minSeverity: 'low' })).toEqual(['sessionid', 'csrftoken']);
  });

  it('the shipped example config is valid', () => {
    const example = JSON.parse(readFileSync(new URL('../../../sessionscope.config.example.json', import.meta.url), 'utf8'));
    expect(readAuditConfig(example).ignore).toContainEqual({ rule: 'expiry-over-400-days' });
  });

  it('CLI flags add ignores and replace the minimum severity', () => {
    const merged = mergeConfig(readAuditConfig({ minSeverity: 'info' }), { minSeverity: 'high', ignoreRules: ['missing-secure'] });
    expect(applyNoiseControl(all, merged)).toEqual([]);
  });

  it.each([
    [[], /JSON object/],
    [{ ignore: {} }, /must be an array/],
    [{ ignore: [{ rule: 'no-such-rule' }] }, /not a rule id/],
    [{ ignore: [{}] }, /empty/],
    [{ ignore: [{ cookies: 'x' }] }, /unknown key/],
    [{ minSeverity: 'critical' }, /minSeverity/],
  ])('rejects bad config %j with a clear error', (config, message) => {
    expect(() => readAuditConfig(config, 'sessionscope.config.json')).toThrow(message);
  });
});
