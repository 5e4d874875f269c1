import type { Browser } from '../browser-api.ts';
import type { CookieWrite } from '../../core/protocol/index.ts';
import type { CookiesPort } from '../types.ts';
import { getAllIncludingPartitioned } from '../quirks/partitioned-get-all.ts';
import { toChangeCause, toCookieRecord, type RawCookie } from './cookie-record.ts';

type Details = Record<string, unknown>;

export function createWebextCookies(browser: Browser): CookiesPort {
  const api = browser.cookies as unknown as {
    getAll(d: Details): Promise<RawCookie[]>;
    getAllCookieStores(): Promise<{ id: string }[]>;
    set(d: Details): Promise<RawCookie | null>;
    remove(d: Details): Promise<unknown>;
  };
  return {
    async getAll(filter) {
      // every store: the default one, private windows' and Firefox containers'
      const stores = await api.getAllCookieStores();
      const lists = await Promise.all(stores.map((s) =>
        getAllIncludingPartitioned((d) => api.getAll(d), { ...filter, storeId: s.id })));
      return lists.flat().map(toCookieRecord);
    },
    async set(write: CookieWrite) {
      const raw = await api.set({ ...write });
      return raw ? toCookieRecord(raw) : null;
    },
    async remove(details) {
      await api.remove({ ...details });
    },
    onChanged(listener) {
      browser.cookies.onChanged.addListener((info) => {
        listener({ removed: info.removed, cookie: toCookieRecord(info.cookie as RawCookie), cause: toChangeCause(info.cause), time: Date.now() });
      });
    },
  };
}
