import { DEFAULT_SETTINGS } from '../../core/protocol/index.ts';
import type { CompanionInfo } from '../lib/companion-client.ts';
import type {
  DecodedEntry, PanelCookie, PanelFinding, SameSite, ServerRecord, SiteSecrets,
} from '../model/types.ts';

/** A protocol timeline event: `seq` orders and de-duplicates, the rest is read by normalizeEvent. */
export interface RawEvent { seq: number; kind: string; [field: string]: unknown }

export type ConnectionStatus = 'idle' | 'connecting' | 'connected' | 'disconnected' | 'no-tab';
export type CompanionStatus = 'unknown' | 'checking' | 'online' | 'offline';
export type PanelTab = 'cookies' | 'findings' | 'timeline' | 'server';
export type SortColumn =
  | 'name' | 'value' | 'domain' | 'path' | 'expires' | 'size' | 'httpOnly' | 'secure'
  | 'sameSite' | 'partitionKey' | 'priority' | 'format' | 'findings';

export interface CookieFilter {
  text: string;
  sessionOnly: boolean;
  hasFindings: boolean;
  secure: boolean;
  httpOnly: boolean;
  sameSite: SameSite | 'any';
  thirdParty: boolean;
}

export interface Acceptance { host: string; key: string; name: string; domain: string; path: string; accepted: boolean; reason: string }

export interface PanelState {
  connection: { status: ConnectionStatus; tabId: number | null; attempts: number; lastError: string | null };
  /** the inspected tab's page, as the background last reported it */
  page: { url: string | null; startedAt: number | null };
  cookies: { list: PanelCookie[] };
  /**
   * Protocol events as received (only shape-checked): turning 50,000 of them into panel rows is
   * deferred to selectEvents(), so the first render of the Cookies tab does not pay for it.
   */
  timeline: { raw: RawEvent[]; dropped: number };
  findings: { list: PanelFinding[] };
  /** decode results by decodeKey(secrets, value): a new value or new secrets decode afresh */
  decoded: Record<string, DecodedEntry>;
  server: {
    status: CompanionStatus;
    info: CompanionInfo | null;
    error: string | null;
    /** by `${host}\u0000${key}` */
    records: Record<string, ServerRecord>;
    /** revocation checks of logged-out keys, by `${host}\u0000${key}` */
    acceptance: Record<string, Acceptance>;
    /** server-side session events seen on the companion's stream, newest last */
    events: { at: number; type: string; host: string; key: string | null }[];
  };
  secrets: { bySite: Record<string, SiteSecrets>; error: string | null };
  ui: {
    tab: PanelTab;
    selectedId: string | null;
    filter: CookieFilter;
    sort: { column: SortColumn; dir: 'asc' | 'desc' };
    timelineCookie: string | null;
    notice: { kind: 'info' | 'error'; text: string } | null;
  };
  settings: PanelSettings;
}

/** The extension settings the panel shows and edits (the background owns and persists them). */
export interface PanelSettings {
  companionUrl: string;
  allowEditAnyHost: boolean;
  timelineLimit: number;
  badgeEnabled: boolean;
  badgeDisabledSites: string[];
}

export const DEFAULT_COMPANION_URL = 'http://localhost:8765';

export function createInitialFilter(): CookieFilter {
  return { text: '', sessionOnly: false, hasFindings: false, secure: false, httpOnly: false, sameSite: 'any', thirdParty: false };
}

export function createInitialState(tabId: number | null = null): PanelState {
  return {
    connection: { status: tabId === null ? 'no-tab' : 'idle', tabId, attempts: 0, lastError: null },
    page: { url: null, startedAt: null },
    cookies: { list: [] },
    timeline: { raw: [], dropped: 0 },
    findings: { list: [] },
    decoded: {},
    server: { status: 'unknown', info: null, error: null, records: {}, acceptance: {}, events: [] },
    secrets: { bySite: {}, error: null },
    ui: {
      tab: 'cookies',
      selectedId: null,
      filter: createInitialFilter(),
      sort: { column: 'name', dir: 'asc' },
      timelineCookie: null,
      notice: null,
    },
    settings: {
      companionUrl: DEFAULT_COMPANION_URL, allowEditAnyHost: false, timelineLimit: DEFAULT_SETTINGS.timelineLimit,
      badgeEnabled: DEFAULT_SETTINGS.badgeEnabled, badgeDisabledSites: [],
    },
  };
}
