import { DEFAULT_SETTINGS, settingsPatch, type SecretEntry, type Settings } from '../core/protocol/index.ts';
import type { KeyValueArea } from '../platform/types.ts';

const SETTINGS_KEY = 'ss:settings';
const secretKey = (site: string) => `ss:secrets:${site.toLowerCase()}`;

/** Settings live in storage.local (they are preferences, not secrets); a corrupt record falls back to defaults. */
export async function loadSettings(local: KeyValueArea): Promise<Settings> {
  const stored = (await local.get([SETTINGS_KEY]))[SETTINGS_KEY];
  if (stored === undefined) return { ...DEFAULT_SETTINGS };
  if (settingsPatch(stored, 'settings') !== null) {
    console.warn('sessionscope: stored settings are malformed, using defaults');
    return { ...DEFAULT_SETTINGS };
  }
  return { ...DEFAULT_SETTINGS, ...(stored as Partial<Settings>) };
}

export async function saveSettings(local: KeyValueArea, settings: Settings): Promise<void> {
  await local.set({ [SETTINGS_KEY]: settings });
}

/**
 * Dev secrets per site: storage.session by default (gone when the browser closes, never synced, and not
 * readable by content scripts), storage.local only after the explicit persist opt-in.
 */
export async function loadSecrets(session: KeyValueArea, local: KeyValueArea, site: string): Promise<{ secrets: SecretEntry[]; persist: boolean }> {
  const key = secretKey(site);
  const persisted = (await local.get([key]))[key];
  if (Array.isArray(persisted)) return { secrets: persisted as SecretEntry[], persist: true };
  const held = (await session.get([key]))[key];
  return { secrets: Array.isArray(held) ? held as SecretEntry[] : [], persist: false };
}

export async function saveSecrets(session: KeyValueArea, local: KeyValueArea, site: string, secrets: SecretEntry[], persist: boolean): Promise<void> {
  const key = secretKey(site);
  if (persist) {
    await local.set({ [key]: secrets });
    await session.remove([key]);
  } else {
    await session.set({ [key]: secrets });
    await local.remove([key]); // opting out of persistence must also erase the persisted copy
  }
}
