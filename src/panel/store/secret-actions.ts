// Secrets live in the background (storage.session, or storage.local when the developer opts in);
// the panel asks for them per site and keeps a copy for decoding.
import type { SecretEntry } from '../../core/protocol/index.ts';
import { siteOf } from '../lib/cookie-facts.ts';
import type { ConnectionController } from './connection.ts';
import { setSiteSecrets } from './decode-actions.ts';
import type { PanelState } from './initial-state.ts';

interface Api { getState(): PanelState; setState(patch: Partial<PanelState>): void }
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function createSecretActions(api: Api, connection: ConnectionController) {
  const loading = new Set<string>();
  const fail = (text: string) => api.setState({ secrets: { ...api.getState().secrets, error: text } });
  return {
    async loadSecrets(domain: string): Promise<void> {
      const site = siteOf(domain);
      if (api.getState().secrets.bySite[site] || loading.has(site)) return;
      loading.add(site);
      try {
        const reply = await connection.request('getSecrets', { site });
        const secrets = Array.isArray(reply.secrets) ? (reply.secrets as SecretEntry[]) : [];
        api.setState(setSiteSecrets(api.getState(), site, { secrets, persist: reply.persist === true }));
      } catch (e) {
        fail(`Secrets for ${site} unavailable: ${message(e)}`);
      } finally {
        loading.delete(site);
      }
    },
    async saveSecrets(domain: string, secrets: SecretEntry[], persist: boolean): Promise<void> {
      const site = siteOf(domain);
      try {
        await connection.request('setSecrets', { site, secrets, persist });
        api.setState(setSiteSecrets(api.getState(), site, { secrets, persist }));
      } catch (e) {
        fail(`Secrets not saved: ${message(e)}`);
      }
    },
  };
}
