import { describe, expect, it } from 'vitest';
import { applySetCookie } from './apply-set-cookie.ts';
import { classifySetContext, defaultPartitionKey, sameSiteSetReason } from './set-context.ts';

const NOW = Date.UTC(2026, 10, 30, 12);
const u = (s: string) => new URL(s);
const inFrame = (top: string, url: string, header: string, blockThirdPartyCookies = false) =>
  applySetCookie({ url, header, jar: [], now: NOW, topLevelUrl: top, blockThirdPartyCookies });

describe('classifySetContext', () => {
  it('is same-site for top-level responses and same-site frames', () => {
    expect(classifySetContext(u('https://x.test/'))).toBe('same-site');
    expect(classifySetContext(u('https://api.x.test/'), u('https://www.x.test/'))).toBe('same-site');
  });

  it('separates cross-site from cross-scheme', () => {
    expect(classifySetContext(u('https://y.test/'), u('https://x.test/'))).toBe('cross-site');
    expect(classifySetContext(u('https://b.github.io/'), u('https://a.github.io/'))).toBe('cross-site');
    expect(classifySetContext(u('https://sub.x.test/'), u('http://x.test/'))).toBe('cross-scheme');
  });
});

describe('SameSite when setting', () => {
  it('names blocks with the Schemeful CDP reasons, as Chromium 156 does', () => {
    expect(sameSiteSetReason('lax', 'cross-site')).toBe('SchemefulSameSiteLax');
    expect(sameSiteSetReason('strict', 'cross-scheme')).toBe('SchemefulSameSiteStrict');
    expect(sameSiteSetReason('invalid', 'cross-site')).toBe('SchemefulSameSiteUnspecifiedTreatedAsLax');
    expect(sameSiteSetReason('none', 'cross-site')).toBeNull();
    expect(sameSiteSetReason('strict', 'same-site')).toBeNull();
  });

  it('lets only SameSite=None cookies be set from a cross-site frame', () => {
    expect(inFrame('https://x.test/', 'https://y.test/', 'a=1').reasons).toEqual(['SchemefulSameSiteUnspecifiedTreatedAsLax']);
    expect(inFrame('https://x.test/', 'https://y.test/', 'a=1; SameSite=None; Secure').action).toBe('stored');
    expect(inFrame('https://x.test/', 'https://sub.x.test/', 'a=1; SameSite=Strict').action).toBe('stored');
  });

  it('refuses unpartitioned cross-site cookies when third-party cookies are blocked, reporting only that', () => {
    expect(inFrame('https://x.test/', 'https://y.test/', 'a=1; SameSite=None', true).reasons).toEqual(['UserPreferences']);
    expect(inFrame('https://x.test/', 'https://y.test/', 'a=1; SameSite=None; Secure; Partitioned', true).action).toBe('stored');
    expect(inFrame('https://x.test/', 'https://sub.x.test/', 'a=1', true).action).toBe('stored');
  });
});

describe('partition keys', () => {
  it('keys partitioned cookies by the top-level site and flags cross-site frames', () => {
    expect(defaultPartitionKey(u('https://y.test/'), u('https://www.x.test/'))).toEqual({ topLevelSite: 'https://x.test', hasCrossSiteAncestor: true });
    expect(defaultPartitionKey(u('https://sub.x.test/'))).toEqual({ topLevelSite: 'https://x.test', hasCrossSiteAncestor: false });
    const c = inFrame('https://x.test/', 'https://y.test/', 'a=1; SameSite=None; Secure; Partitioned').cookie;
    expect(c?.partitionKey).toEqual({ topLevelSite: 'https://x.test', hasCrossSiteAncestor: true });
  });
});
