// Panel requests other than subscribe. Cookie edits are limited to loopback hosts unless the user opted
// in (settings.allowRemoteEdit): edit-and-re-sign is a development tool, not a way to tamper with sites.
import { isLocalhost } from '../core/cookies/index.ts';
import type { PanelToBackground, Settings } from '../core/protocol/index.ts';
import type { BackgroundPlatform } from '../platform/types.ts';
import type { PanelRequestHandler } from './panel-hub.ts';
import { loadSecrets, saveSecrets } from './settings-store.ts';
import { hostOf } from './tab-state.ts';

export interface PanelRequestDeps {
  platform: BackgroundPlatform;
  settings(): Settings;
  updateSettings(patch: Partial<Settings>): Promise<Settings>;
  clearTimeline(tabId: number): void;
  noteOwnWrite(name: string, value: string, host: string, deletion: boolean): void;
}

function assertEditable(url: string, settings: Settings): string {
  const host = hostOf(url);
  if (!host || !/^https?:/.test(url)) throw new Error(`not an http(s) URL: ${url.slice(0, 100)}`);
  if (!settings.allowRemoteEdit && !isLocalhost(host)) {
    throw new Error(`editing cookies is allowed on localhost/loopback hosts only (${host}); enable it in settings to edit elsewhere`);
  }
  return host;
}

export function createPanelRequestHandler(deps: PanelRequestDeps): PanelRequestHandler {
  const { platform } = deps;
  return async ({ type, payload }) => {
    switch (type) {
      case 'setCookie': {
        const { cookie } = payload as PanelToBackground['setCookie'];
        const host = assertEditable(cookie.url, deps.settings());
        deps.noteOwnWrite(cookie.name, cookie.value, host, false);
        const stored = await platform.cookies.set(cookie);
        if (!stored) throw new Error('the browser refused the cookie (check Secure, SameSite, Domain and prefix rules)');
        return null;
      }
      case 'removeCookie': {
        const p = payload as PanelToBackground['removeCookie'];
        const host = assertEditable(p.url, deps.settings());
        deps.noteOwnWrite(p.name, '', host, true);
        const { tabId: _tab, ...details } = p;
        await platform.cookies.remove(details);
        return null;
      }
      case 'getSecrets': {
        const { site } = payload as PanelToBackground['getSecrets'];
        return { type: 'secrets', payload: { site, ...await loadSecrets(platform.session, platform.local, site) } };
      }
      case 'setSecrets': {
        const { site, secrets, persist } = payload as PanelToBackground['setSecrets'];
        await saveSecrets(platform.session, platform.local, site, secrets, persist);
        return { type: 'secrets', payload: { site, secrets, persist } };
      }
      case 'getSettings':
        return { type: 'settings', payload: { settings: deps.settings() } };
      case 'setSettings':
        return { type: 'settings', payload: { settings: await deps.updateSettings((payload as PanelToBackground['setSettings']).patch) } };
      case 'clearTimeline':
        deps.clearTimeline((payload as PanelToBackground['clearTimeline']).tabId);
        return null;
      default:
        throw new Error(`unhandled panel request ${String(type)}`);
    }
  };
}
