// Django's cache API as the session backends use it (get/add/set/delete/has_key), keyed with Django's
// default key function "<KEY_PREFIX>:<VERSION>:<key>" = ":1:<key>".
import type { PyValue } from '../py/value.ts';

export interface CacheStore {
  /** the Django cache class this store emulates (shown by /store) */
  backendName: string;
  location: string;
  makeKey(key: string): string;
  get(key: string): Promise<PyValue | null>;
  /** timeout in seconds (null = forever); false when the key already exists */
  add(key: string, value: PyValue, timeout: number | null): Promise<boolean>;
  set(key: string, value: PyValue, timeout: number | null): Promise<void>;
  delete(key: string): Promise<boolean>;
  has(key: string): Promise<boolean>;
  /** the stored bytes under a physical key and the seconds left (null = no expiry) */
  raw(physicalKey: string): Promise<{ raw: Uint8Array; ttl: number | null } | null>;
  /** logical keys (without ":1:") starting with `prefix` */
  keys(prefix: string): Promise<string[]>;
  /** drop everything (fault injection: a cache restart) */
  clear(): Promise<void>;
  close(): Promise<void>;
}

export const makeDjangoCacheKey = (key: string, prefix = '', version = 1): string => `${prefix}:${version}:${key}`;
