import type { Storage } from 'webextension-polyfill';
import type { KeyValueArea } from '../types.ts';
import { decodeStoredValue, encodeStoredValue } from '../quirks/storage-json-values.ts';

/**
 * With jsonValues, values are stored as JSON text (see quirks/storage-json-values.ts for why): on for
 * storage.session, written every few hundred ms during traffic; storage.local holds a few small records.
 */
export function createWebextArea(area: Storage.StorageArea, opts: { jsonValues?: boolean } = {}): KeyValueArea {
  if (!opts.jsonValues) return { get: (keys) => area.get(keys), set: (items) => area.set(items), remove: (keys) => area.remove(keys) };
  return {
    async get(keys) {
      const stored = await area.get(keys);
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(stored)) out[key] = decodeStoredValue(stored[key]);
      return out;
    },
    set(items) {
      const encoded: Record<string, unknown> = {};
      for (const key of Object.keys(items)) encoded[key] = encodeStoredValue(items[key]);
      return area.set(encoded);
    },
    remove: (keys) => area.remove(keys),
  };
}
