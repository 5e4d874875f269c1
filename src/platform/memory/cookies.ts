import { cookieKeyOf, cookieKeyString, type CookieRecord, type CookieWrite } from '../../core/protocol/index.ts';
import type { CookieChange, CookieFilter, CookiesPort } from '../types.ts';

/** A cookie store keyed like the browser's; tests drive it directly or through set()/remove(). */
export class MemoryCookies implements CookiesPort {
  readonly jar = new Map<string, CookieRecord>();
  private listeners: ((c: CookieChange) => void)[] = [];
  /** what set() will refuse, to mimic the browser rejecting an edit */
  rejectSet: ((w: CookieWrite) => boolean) | null = null;

  constructor(private now: () => number = Date.now) {}

  async getAll(filter: CookieFilter): Promise<CookieRecord[]> {
    const host = filter.url ? new URL(filter.url).hostname : filter.domain;
    return [...this.jar.values()].filter((c) => (!filter.name || c.name === filter.name)
      && (!host || host === c.domain || (!c.hostOnly && host.endsWith(`.${c.domain}`))));
  }

  async set(w: CookieWrite): Promise<CookieRecord | null> {
    if (this.rejectSet?.(w)) return null;
    const host = new URL(w.url).hostname;
    const cookie: CookieRecord = {
      name: w.name, value: w.value, domain: w.domain ?? host, hostOnly: w.domain === undefined, path: w.path ?? '/',
      secure: w.secure ?? false, httpOnly: w.httpOnly ?? false, sameSite: w.sameSite ?? 'unspecified',
      session: w.expirationDate === undefined, storeId: w.storeId ?? '0', size: w.name.length + w.value.length,
    };
    if (w.expirationDate !== undefined) cookie.expirationDate = w.expirationDate;
    if (w.partitionKey?.topLevelSite) cookie.partitionKey = { topLevelSite: w.partitionKey.topLevelSite };
    this.store(cookie);
    return cookie;
  }

  async remove(details: { url: string; name: string }): Promise<void> {
    for (const c of await this.getAll({ url: details.url, name: details.name })) this.delete(c, 'explicit');
  }

  onChanged(listener: (change: CookieChange) => void): void { this.listeners.push(listener); }

  /** A stopped worker's listeners die with it: call before starting a new background on this store. */
  detachListeners(): void { this.listeners = []; }

  /** Stores like the browser does: an existing cookie is first removed with cause 'overwrite'. */
  store(cookie: CookieRecord): void {
    const key = cookieKeyString(cookieKeyOf(cookie));
    const old = this.jar.get(key);
    if (old) this.emit({ removed: true, cookie: old, cause: 'overwrite', time: this.now() });
    this.jar.set(key, cookie);
    this.emit({ removed: false, cookie, cause: 'explicit', time: this.now() });
  }

  delete(cookie: CookieRecord, cause: CookieChange['cause']): void {
    const key = cookieKeyString(cookieKeyOf(cookie));
    const old = this.jar.get(key);
    if (!old) return;
    this.jar.delete(key);
    this.emit({ removed: true, cookie: old, cause, time: this.now() });
  }

  private emit(change: CookieChange): void { for (const l of this.listeners) l(change); }
}
