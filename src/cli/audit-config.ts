// Finds and reads sessionscope.config.json (the cwd, or --config FILE) for `sessionscope audit`.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readAuditConfig, type AuditConfig } from '../core/audit/config.ts';

export const CONFIG_NAME = 'sessionscope.config.json';

/** The audit section of the config file; {} when no file is found and none was asked for. */
export function loadAuditConfig(explicit: string | undefined, cwd = process.cwd()): AuditConfig {
  const path = explicit ? resolve(cwd, explicit) : resolve(cwd, CONFIG_NAME);
  if (!explicit && !existsSync(path)) return {};
  let text: string;
  try { text = readFileSync(path, 'utf8'); } catch (err) {
    throw new Error(`cannot read config ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  let json: unknown;
  try { json = JSON.parse(text); } catch (err) {
    throw new Error(`${path}: invalid JSON (${(err as Error).message.split('\n')[0]})`);
  }
  return readAuditConfig(json, path);
}
