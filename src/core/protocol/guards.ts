// One shape check per message of each direction map; used by the background on every message it
// receives and by the panel/content script on what they receive back.
import { arr, bool, int, num, obj, oneOf, opt, partial, str, type Check } from './checks.ts';
import { LIMITS } from './model.ts';
import type { BackgroundToContent, ContentToBackground, DebugToBackground, PanelToBackground } from './messages.ts';

const tabId = int(-1);
const url = str(LIMITS.urlBytes);
const host = str(253);
const sameSite = oneOf(['no_restriction', 'lax', 'strict', 'unspecified']);
const partitionKey = obj({ topLevelSite: opt(url), hasCrossSiteAncestor: opt(bool) });
const secret = obj({
  kind: oneOf(['django', 'flask', 'rails', 'express', 'jwt', 'generic']),
  value: str(LIMITS.secretBytes),
  label: opt(str(200)),
});

export const settingsPatch: Check = partial({
  timelineLimit: int(LIMITS.timelineLimitMin, LIMITS.timelineLimitMax),
  badgeEnabled: bool,
  badgeDisabledSites: arr(host, 1000),
  companionUrl: url,
  allowRemoteEdit: bool,
});

const cookieWrite = obj({
  url, name: str(4096), value: str(4096), domain: opt(host), path: opt(str(1024)),
  secure: opt(bool), httpOnly: opt(bool), sameSite: opt(sameSite), expirationDate: opt(num(0)),
  storeId: opt(str(100)), partitionKey: opt(partitionKey),
});

export const PANEL_TO_BACKGROUND: { [K in keyof PanelToBackground]: Check } = {
  subscribe: obj({ tabId, since: opt(int(0)) }),
  setCookie: obj({ tabId, cookie: cookieWrite }),
  removeCookie: obj({ tabId, url, name: str(4096), storeId: opt(str(100)), partitionKey: opt(partitionKey) }),
  getSecrets: obj({ site: host }),
  setSecrets: obj({ site: host, secrets: arr(secret, LIMITS.secretsPerSite), persist: bool }),
  getSettings: obj({}),
  setSettings: obj({ patch: settingsPatch }),
  clearTimeline: obj({ tabId }),
};

const scriptWrite = obj({
  api: oneOf(['document.cookie', 'cookieStore.set', 'cookieStore.delete']),
  text: str(LIMITS.textBytes),
  scriptUrl: url,
  time: num(0),
});

export const CONTENT_TO_BACKGROUND: { [K in keyof ContentToBackground]: Check } = {
  hello: obj({ url }),
  scriptWrites: obj({ url, writes: arr(scriptWrite, LIMITS.writesPerBatch) }),
  readableCookies: obj({ url, names: arr(str(4096), LIMITS.namesPerReport) }),
  passwordSubmit: obj({ url, action: url }),
  disableBadge: obj({ site: host }),
};

const badgeItem = obj({
  rule: str(100), severity: oneOf(['error', 'high', 'medium', 'low', 'info']), cookieName: str(4096), message: str(2000),
});

export const BACKGROUND_TO_CONTENT: { [K in keyof BackgroundToContent]: Check } = {
  findings: obj({ enabled: bool, items: arr(badgeItem, 1000) }),
};

export const DEBUG_TO_BACKGROUND: { [K in keyof DebugToBackground]: Check } = {
  debugState: obj({ tabId: opt(tabId) }),
};
