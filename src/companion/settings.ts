// SESSION_* settings with Django's names and defaults, resolved from (lowest to highest priority) defaults,
// a JSON config file, environment variables and command-line flags.
import { readFileSync } from 'node:fs';
import { ENGINES, type Engine, type SessionSettings } from './types.ts';

export const DEFAULT_SECRET_KEY = 'django-ref-insecure-secret-key-do-not-use-in-production';

export function defaultSettings(engine: Engine = 'db'): SessionSettings {
  return {
    SECRET_KEY: DEFAULT_SECRET_KEY,
    SESSION_ENGINE: engine,
    SESSION_COOKIE_NAME: 'sessionid',
    SESSION_COOKIE_AGE: 60 * 60 * 24 * 7 * 2,
    SESSION_COOKIE_DOMAIN: null,
    SESSION_COOKIE_PATH: '/',
    SESSION_COOKIE_SECURE: false,
    SESSION_COOKIE_HTTPONLY: true,
    SESSION_COOKIE_SAMESITE: 'Lax',
    SESSION_SAVE_EVERY_REQUEST: false,
    SESSION_EXPIRE_AT_BROWSER_CLOSE: false,
    SESSION_CACHE_ALIAS: 'default',
    SESSION_FILE_PATH: null,
    SESSION_SERIALIZER: 'json',
  };
}

const BOOLEAN = new Set(['SESSION_COOKIE_SECURE', 'SESSION_COOKIE_HTTPONLY', 'SESSION_SAVE_EVERY_REQUEST', 'SESSION_EXPIRE_AT_BROWSER_CLOSE']);
const NULLABLE = new Set(['SESSION_COOKIE_DOMAIN', 'SESSION_COOKIE_SAMESITE', 'SESSION_FILE_PATH']);
export const SETTING_NAMES = Object.keys(defaultSettings()) as (keyof SessionSettings)[];

export class SettingsError extends Error {}

/** Converts a textual value (env var, flag) or a JSON value (config file) for `name`; throws SettingsError. */
export function coerceSetting(name: keyof SessionSettings, value: unknown): SessionSettings[typeof name] {
  const text = typeof value === 'string' ? value.trim() : value;
  if (BOOLEAN.has(name)) {
    if (typeof text === 'boolean') return text;
    if (typeof text === 'string' && /^(1|true|yes|on)$/i.test(text)) return true;
    if (typeof text === 'string' && /^(0|false|no|off)$/i.test(text)) return false;
    throw new SettingsError(`${name} must be true or false, got ${JSON.stringify(value)}`);
  }
  if (name === 'SESSION_COOKIE_AGE') {
    const n = typeof text === 'number' ? text : Number(text);
    if (!Number.isInteger(n)) throw new SettingsError(`SESSION_COOKIE_AGE must be an integer number of seconds, got ${JSON.stringify(value)}`);
    return n;
  }
  if (NULLABLE.has(name) && (text === null || text === '' || (name === 'SESSION_COOKIE_SAMESITE' && /^(off|none_attr)$/i.test(String(text))))) return null;
  if (name === 'SESSION_COOKIE_SAMESITE' && !/^(lax|strict|none)$/i.test(String(text))) {
    throw new SettingsError(`SESSION_COOKIE_SAMESITE must be Lax, Strict, None or off, got ${JSON.stringify(value)}`);
  }
  if (name === 'SESSION_ENGINE') return parseEngine(String(text));
  if (name === 'SESSION_SERIALIZER') {
    const s = String(text).toLowerCase();
    if (s === 'json' || s.endsWith('jsonserializer')) return 'json';
    if (s === 'pickle' || s.endsWith('pickleserializer')) return 'pickle';
    throw new SettingsError(`SESSION_SERIALIZER must be json or pickle, got ${JSON.stringify(value)}`);
  }
  if (typeof text !== 'string') throw new SettingsError(`${name} must be a string`);
  return text;
}

/** "db" or Django's dotted "django.contrib.sessions.backends.db"; cached-db / signed-cookies spellings too. */
export function parseEngine(text: string): Engine {
  const short = text.replace(/^django\.contrib\.sessions\.backends\./, '').replace(/-/g, '_');
  if ((ENGINES as readonly string[]).includes(short)) return short as Engine;
  throw new SettingsError(`unknown session engine "${text}" (expected one of ${ENGINES.join(', ')})`);
}

/** Reads SESSION_* and SECRET_KEY from an environment object. */
export function settingsFromEnv(env: Record<string, string | undefined>): Partial<SessionSettings> {
  const out: Partial<Record<keyof SessionSettings, unknown>> = {};
  for (const name of SETTING_NAMES) {
    const raw = env[name];
    if (raw !== undefined) out[name] = coerceSetting(name, raw);
  }
  return out as Partial<SessionSettings>;
}

/** A JSON config file: {"SESSION_COOKIE_AGE": 3600, ...}; unknown keys are an error so typos are caught. */
export function settingsFromFile(path: string): Partial<SessionSettings> {
  let data: unknown;
  try { data = JSON.parse(readFileSync(path, 'utf8')); } catch (e) { throw new SettingsError(`cannot read config ${path}: ${(e as Error).message}`); }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new SettingsError(`config ${path} must be a JSON object`);
  const out: Partial<Record<keyof SessionSettings, unknown>> = {};
  for (const [k, v] of Object.entries(data)) {
    if (!(SETTING_NAMES as string[]).includes(k)) throw new SettingsError(`config ${path}: unknown setting ${k}`);
    out[k as keyof SessionSettings] = coerceSetting(k as keyof SessionSettings, v);
  }
  return out as Partial<SessionSettings>;
}
