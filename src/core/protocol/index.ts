// One typed protocol for every boundary (background ⇄ panel ⇄ content ⇄ companion).
// Payloads are JSON-only so they survive structured cloning, ports and storage.session alike.
export const PROTOCOL_VERSION = 1;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Messages the panel sends to the background. */
export interface PanelToBackground {
  hello: { tabId: number };
}

/** Messages the background sends to the panel. */
export interface BackgroundToPanel {
  welcome: { tabId: number; startedAt: number };
}

/** Messages the content script sends to the background. */
export interface ContentToBackground {
  ping: Record<string, never>;
}

export type MessageOf<M> = {
  [K in keyof M]: { v: typeof PROTOCOL_VERSION; type: K; payload: M[K] };
}[keyof M];

export function makeMessage<M, K extends keyof M & string>(type: K, payload: M[K]): MessageOf<M> {
  return { v: PROTOCOL_VERSION, type, payload } as MessageOf<M>;
}

/** Shape guard used at every boundary: version, known type, object payload. */
export function isEnvelope(value: unknown, types: readonly string[]): value is { v: number; type: string; payload: unknown } {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  return m.v === PROTOCOL_VERSION && typeof m.type === 'string' && types.includes(m.type)
    && typeof m.payload === 'object' && m.payload !== null;
}
