// Small facts about a cookie the table and filters need on every row, kept allocation-free.
import { getDomain } from 'tldts';
import { classifySession } from '../../core/audit/classify.ts';
import type { PanelCookie } from '../model/types.ts';
import { detectFormat } from './detect-format.ts';

const verdicts = new Map<string, boolean>();
const MAX_VERDICTS = 20_000;

/** Bytes of name + value as sent (UTF-8), which is what the 4096-byte limit counts. */
export function cookieSize(c: { name: string; value: string }): number {
  let bytes = 0;
  for (const text of [c.name, c.value]) {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code < 0x80) bytes += 1;
      else if (code < 0x800) bytes += 2;
      else if (code >= 0xd800 && code <= 0xdbff) { bytes += 4; i++; }
      else bytes += 3;
    }
  }
  return bytes;
}

/** The audit engine's own classification (so "session only" and the findings agree), cached per name+value. */
export function isSessionCookie(c: PanelCookie): boolean {
  const key = `${c.name}\u0000${c.value}`;
  let verdict = verdicts.get(key);
  if (verdict === undefined) {
    verdict = classifySession(c.name, c.value).is;
    if (verdicts.size >= MAX_VERDICTS) verdicts.clear();
    verdicts.set(key, verdict);
  }
  return verdict;
}

/** Detected session format; computed lazily (and cached) because only visible rows need it. */
export function formatOf(c: PanelCookie): string | null {
  if (c.format && c.format !== 'unknown') return c.format;
  return detectFormat(c.name, c.value);
}

/** The unit secrets are stored under: the registrable domain, or the bare host for localhost and IPs. */
export function siteOf(domain: string): string {
  let site = sites.get(domain);
  if (site === undefined) {
    const host = domain.replace(/^\./, '').toLowerCase();
    site = getDomain(host) ?? host;
    if (sites.size >= MAX_VERDICTS) sites.clear();
    sites.set(domain, site);
  }
  return site;
}
const sites = new Map<string, string>();

export function hostOf(domain: string): string {
  return domain.replace(/^\./, '').toLowerCase();
}

/** Editing cookies is only on by default where it cannot hurt a real account. */
export function isLoopbackHost(domain: string): boolean {
  const host = hostOf(domain).replace(/^\[|\]$/g, '');
  return host === 'localhost' || host.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(host) || host === '::1';
}

export function findingKey(c: { name: string; domain: string; path: string }): string {
  return `${c.name}\u0000${hostOf(c.domain)}\u0000${c.path}`;
}
