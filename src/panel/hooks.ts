import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { useSyncExternalStore } from 'preact/compat';
import type { PanelState } from './store/initial-state.ts';
import type { PanelActions, PanelStore } from './store/create-panel-store.ts';

export const StoreContext = createContext<PanelStore | null>(null);

/** The store itself, for event handlers that read state once (no subscription, no re-render). */
export function useStoreApi(): PanelStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('panel components need a StoreContext provider');
  return store;
}

/**
 * Narrow subscriptions: a component re-renders only when its selected value changes. Written on
 * preact/compat's useSyncExternalStore rather than zustand's React binding, which imports `react`
 * and so needs a bundler alias that unit tests (node resolution) do not have.
 */
export function usePanel<T>(selector: (state: PanelState) => T): T {
  const store = useStoreApi();
  return useSyncExternalStore(store.subscribe, () => selector(store.getState()));
}

export function useActions(): PanelActions {
  return useStoreApi().actions;
}
