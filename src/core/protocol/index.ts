// One typed protocol for every boundary (background ⇄ panel ⇄ content ⇄ companion).
// Payloads are JSON-only so they survive structured cloning, ports and storage.session alike.
// Bump PROTOCOL_VERSION on a breaking change; additive fields and messages keep it.
import type { Check } from './checks.ts';

export const PROTOCOL_VERSION = 1;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type * from './model.ts';
export type * from './messages.ts';
export { DEFAULT_SETTINGS, LIMITS } from './model.ts';
export {
  PANEL_TO_BACKGROUND, CONTENT_TO_BACKGROUND, BACKGROUND_TO_CONTENT, DEBUG_TO_BACKGROUND, settingsPatch,
} from './guards.ts';
export { cookieKeyOf, cookieKeyString } from './cookie-key.ts';

/** The envelope every hop uses. `id` pairs a request with its reply (`result` or a named reply). */
export type MessageOf<M> = {
  [K in keyof M]: { v: typeof PROTOCOL_VERSION; type: K; id?: number; payload: M[K] };
}[keyof M];

export function makeMessage<M, K extends keyof M & string>(type: K, payload: M[K], id?: number): MessageOf<M> {
  return (id === undefined ? { v: PROTOCOL_VERSION, type, payload } : { v: PROTOCOL_VERSION, type, id, payload }) as MessageOf<M>;
}

/** Shape guard used at every boundary: version, known type, object payload. */
export function isEnvelope(value: unknown, types: readonly string[]): value is { v: number; type: string; id?: number; payload: unknown } {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  return m.v === PROTOCOL_VERSION && typeof m.type === 'string' && types.includes(m.type)
    && typeof m.payload === 'object' && m.payload !== null
    && (m.id === undefined || (typeof m.id === 'number' && Number.isSafeInteger(m.id)));
}

export type Parsed<M> = { ok: true; message: MessageOf<M> } | { ok: false; error: string };

/** Validates an untrusted value against one direction's guard table; the error says what is wrong. */
export function parseMessage<M>(guards: { [K in keyof M]: Check }, value: unknown): Parsed<M> {
  const types = Object.keys(guards);
  if (!isEnvelope(value, types)) {
    const type = (value as { type?: unknown } | null)?.type;
    return { ok: false, error: typeof type === 'string' && !types.includes(type)
      ? `unknown message type ${JSON.stringify(type.slice(0, 40))}` : 'not a protocol envelope (v, type, payload)' };
  }
  const error = (guards as Record<string, Check>)[value.type](value.payload, value.type);
  return error ? { ok: false, error } : { ok: true, message: value as unknown as MessageOf<M> };
}

/** Runtime port names: the background routes on them. */
export const PORT_NAMES = {
  panel: 'sessionscope-panel',
} as const;
