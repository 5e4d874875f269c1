// Decoding runs here, in the panel, because it needs the developer's secrets and src/core is pure:
// results are cached by (secrets, value) so re-selecting a cookie or diffing versions is free.
import type { DecodeInput, DecodeResult } from '../../core/decode/types.ts';
import type { SecretEntry } from '../../core/protocol/index.ts';
import type { SiteSecrets } from '../model/types.ts';
import type { PanelState } from './initial-state.ts';

export type DecodeFn = (input: DecodeInput) => Promise<DecodeResult>;

/** Decoded entries kept before the oldest are forgotten (each timeline diff decodes two values). */
const MAX_DECODED = 2000;

export function decodeKey(secrets: SecretEntry[] | undefined, value: string): string {
  return `${(secrets ?? []).map((s) => s.value).join('\u0001')}\u0000${value}`;
}

interface Api { getState(): PanelState; setState(patch: Partial<PanelState>): void }

export function createDecodeActions(api: Api, decode: DecodeFn | undefined, now: () => number) {
  const inflight = new Set<string>();
  return {
    /** Decodes one value with the site's secrets unless the same pair is cached or running. */
    async ensureDecoded(value: string, name: string, site: string): Promise<void> {
      const secrets = api.getState().secrets.bySite[site]?.secrets;
      const key = decodeKey(secrets, value);
      if (!decode || api.getState().decoded[key] || inflight.has(key)) return;
      inflight.add(key);
      let result: DecodeResult;
      try {
        result = await decode({ value, name, secrets: secrets?.map((s) => s.value), now: Math.floor(now() / 1000) });
      } catch (error) {
        result = { format: 'unknown', payload: null, signature: 'not-applicable', compressed: null, timestamp: null,
          expired: null, reasons: [], error: `decoder failed: ${error instanceof Error ? error.message : String(error)}` };
      } finally {
        inflight.delete(key);
      }
      const decoded = { ...api.getState().decoded, [key]: { value, secretsKey: key, result } };
      const keys = Object.keys(decoded);
      for (const old of keys.slice(0, Math.max(0, keys.length - MAX_DECODED))) delete decoded[old];
      api.setState({ decoded });
    },
  };
}

export function setSiteSecrets(state: PanelState, site: string, secrets: SiteSecrets): Partial<PanelState> {
  return { secrets: { bySite: { ...state.secrets.bySite, [site]: secrets }, error: null } };
}
