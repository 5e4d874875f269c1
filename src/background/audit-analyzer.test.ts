import { describe, expect, it } from 'vitest';
import { makeMessage, type ContentToBackground } from '../core/protocol/index.ts';
import { createMemoryPlatform } from '../platform/memory/index.ts';
import { createAuditAnalyzer } from './audit-analyzer.ts';
import { cookie, respond, settle, start } from './test-support.ts';

const rulesOf = async (bg: Awaited<ReturnType<typeof start>>['bg'], tabId: number) =>
  (await bg.debugState(tabId)).tabs[0].findings.map((f) => `${f.rule}:${f.cookie.name}`).sort();

describe('background with the real audit engine', () => {
  it('raises findings for insecure cookies and blocked-by-browser with the model reason', async () => {
    const { platform, bg } = await start(createMemoryPlatform(), createAuditAnalyzer());
    respond(platform, 1, 'http://shop.test/', ['sessionid=k3j4h5g6f7d8s9a0p1o2i3u4y5t6r7e8; Path=/', 'cross=1; SameSite=None'],
      [cookie('sessionid', 'k3j4h5g6f7d8s9a0p1o2i3u4y5t6r7e8', 'shop.test')]);
    await settle(platform, bg, 3000);
    const rules = await rulesOf(bg, 1);
    expect(rules).toEqual(expect.arrayContaining(['missing-secure:sessionid', 'missing-httponly:sessionid', 'blocked-by-browser:cross']));
    const events = (await bg.debugState(1)).tabs[0].events;
    expect(events.find((e) => e.kind === 'blocked')).toMatchObject({ name: 'cross', reason: 'SameSiteNoneInsecure' });
    const blocked = (await bg.debugState(1)).tabs[0].findings.find((f) => f.rule === 'blocked-by-browser')!;
    expect(blocked.message).toContain('SameSiteNoneInsecure');
  });

  it('reports session fixation when the session id survives a password login', async () => {
    const { platform, bg } = await start(createMemoryPlatform(), createAuditAnalyzer());
    const sid = 'fixated0fixated1fixated2fixated3';
    respond(platform, 1, 'http://app.test/login', [`sessionid=${sid}; HttpOnly`], [cookie('sessionid', sid, 'app.test', { httpOnly: true })]);
    await settle(platform, bg);
    await platform.messaging.send(makeMessage<ContentToBackground, 'passwordSubmit'>('passwordSubmit', { url: '', action: 'http://app.test/login' }),
      platform.messaging.contentSender(1, 'http://app.test/login'));
    await settle(platform, bg, 100);
    respond(platform, 1, 'http://app.test/login', [`sessionid=${sid}; HttpOnly`, 'auth=1'], [cookie('sessionid', sid, 'app.test', { httpOnly: true }), cookie('auth', '1', 'app.test')]);
    await settle(platform, bg, 6000);
    expect(await rulesOf(bg, 1)).toContain('session-fixation:sessionid');
  });

  it('does not report fixation when the login rotated the id', async () => {
    const { platform, bg } = await start(createMemoryPlatform(), createAuditAnalyzer());
    respond(platform, 1, 'http://app.test/login', ['sessionid=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa; HttpOnly'], [cookie('sessionid', 'a'.repeat(32), 'app.test', { httpOnly: true })]);
    await settle(platform, bg);
    await platform.messaging.send(makeMessage<ContentToBackground, 'passwordSubmit'>('passwordSubmit', { url: '', action: 'http://app.test/login' }),
      platform.messaging.contentSender(1, 'http://app.test/login'));
    respond(platform, 1, 'http://app.test/login', ['sessionid=bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb; HttpOnly'], [cookie('sessionid', 'b'.repeat(32), 'app.test', { httpOnly: true })]);
    await settle(platform, bg, 6000);
    expect(await rulesOf(bg, 1)).not.toContain('session-fixation:sessionid');
  });
});
