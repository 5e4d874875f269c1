import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { useStore } from 'zustand';
import type { PanelState } from './store/initial-state.ts';
import type { PanelActions, PanelStore } from './store/create-panel-store.ts';

export const StoreContext = createContext<PanelStore | null>(null);

function useStoreApi(): PanelStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('panel components need a StoreContext provider');
  return store;
}

/** Narrow subscriptions: a component re-renders only when its selected value changes. */
export function usePanel<T>(selector: (state: PanelState) => T): T {
  return useStore(useStoreApi(), selector);
}

export function useActions(): PanelActions {
  return useStoreApi().actions;
}
