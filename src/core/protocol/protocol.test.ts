import { describe, expect, it } from 'vitest';
import {
  CONTENT_TO_BACKGROUND, PANEL_TO_BACKGROUND, PROTOCOL_VERSION, cookieKeyOf, cookieKeyString, makeMessage, parseMessage,
  type ContentToBackground, type PanelToBackground,
} from './index.ts';

const panel = (value: unknown) => parseMessage<PanelToBackground>(PANEL_TO_BACKGROUND, value);
const content = (value: unknown) => parseMessage<ContentToBackground>(CONTENT_TO_BACKGROUND, value);

describe('protocol guards', () => {
  it('accepts well-formed messages built by makeMessage', () => {
    expect(panel(makeMessage<PanelToBackground, 'subscribe'>('subscribe', { tabId: 3, since: 10 })).ok).toBe(true);
    expect(panel(makeMessage<PanelToBackground, 'getSettings'>('getSettings', {}, 7))).toMatchObject({ ok: true });
    expect(content(makeMessage<ContentToBackground, 'scriptWrites'>('scriptWrites', {
      url: 'http://a.test/', writes: [{ api: 'document.cookie', text: 'a=1', scriptUrl: 'http://a.test/app.js', time: 1 }],
    })).ok).toBe(true);
  });

  it('names the problem for malformed input', () => {
    expect(panel(null)).toEqual({ ok: false, error: 'not a protocol envelope (v, type, payload)' });
    expect(panel({ v: PROTOCOL_VERSION, type: 'rm -rf', payload: {} })).toEqual({ ok: false, error: 'unknown message type "rm -rf"' });
    expect(panel({ v: 99, type: 'subscribe', payload: { tabId: 1 } }).ok).toBe(false);
    expect(panel({ v: 1, type: 'subscribe', payload: { tabId: 'x' } })).toEqual({ ok: false, error: 'subscribe.tabId: expected a finite number' });
    expect(panel({ v: 1, type: 'subscribe', payload: { tabId: 1.5 } })).toMatchObject({ ok: false });
    expect(panel({ v: 1, type: 'subscribe', payload: { tabId: 1, extra: true } }))
      .toEqual({ ok: false, error: 'subscribe.extra: unexpected field' });
    expect(panel({ v: 1, type: 'setSettings', payload: { patch: { timelineLimit: 5 } } }))
      .toEqual({ ok: false, error: 'setSettings.patch.timelineLimit: out of range 100..100000' });
    expect(panel({ v: 1, type: 'subscribe', id: 'x', payload: { tabId: 1 } }).ok).toBe(false);
  });

  it('bounds untrusted content-script reports', () => {
    const writes = Array.from({ length: 101 }, () => ({ api: 'document.cookie', text: 'a=1', scriptUrl: '', time: 1 }));
    expect(content({ v: 1, type: 'scriptWrites', payload: { url: 'x', writes } }))
      .toEqual({ ok: false, error: 'scriptWrites.writes: more than 100 items' });
    expect(content({ v: 1, type: 'readableCookies', payload: { url: 'x', names: ['a'.repeat(5000)] } }).ok).toBe(false);
    expect(content({ v: 1, type: 'scriptWrites', payload: { url: 'x', writes: [{ api: 'eval', text: '', scriptUrl: '', time: 1 }] } }).ok)
      .toBe(false);
  });

  it('gives partitioned cookies a different key from unpartitioned ones', () => {
    const base = { name: 'a', domain: 'x.test', path: '/', storeId: '0' };
    const plain = cookieKeyString(cookieKeyOf(base));
    const chips = cookieKeyString(cookieKeyOf({ ...base, partitionKey: { topLevelSite: 'https://top.test' } }));
    expect(plain).not.toBe(chips);
    expect(cookieKeyOf({ ...base, partitionKey: {} })).toEqual(base);
  });
});
