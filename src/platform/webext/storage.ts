import type { Storage } from 'webextension-polyfill';
import type { KeyValueArea } from '../types.ts';

export function createWebextArea(area: Storage.StorageArea): KeyValueArea {
  return {
    get: (keys) => area.get(keys) as Promise<Record<string, unknown>>,
    set: (items) => area.set(items),
    remove: (keys) => area.remove(keys),
  };
}
