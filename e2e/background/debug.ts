// Reads the background's state from inside the service worker (the debug hook exists only in its realm).
import type { Worker } from '@playwright/test';
import type { DebugState } from '../../src/background/debug-state.ts';

export async function readState(worker: Worker): Promise<DebugState> {
  return worker.evaluate(() => (globalThis as unknown as { __sessionscopeDebug: { state(): Promise<unknown> } }).__sessionscopeDebug.state()) as Promise<DebugState>;
}

/** The tab whose top-level URL starts with `prefix`. */
export async function tabFor(worker: Worker, prefix: string) {
  const state = await readState(worker);
  return state.tabs.find((t) => t.url?.startsWith(prefix)) ?? null;
}
