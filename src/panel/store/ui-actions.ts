import { cookieId } from '../model/types.ts';
import { createInitialFilter, type CookieFilter, type PanelState, type PanelTab, type SortColumn } from './initial-state.ts';
import { selectVisibleCookies } from './selectors.ts';

interface Api { getState(): PanelState; setState(patch: Partial<PanelState>): void }

export function createUiActions(api: Api) {
  const setUi = (patch: Partial<PanelState['ui']>) => api.setState({ ui: { ...api.getState().ui, ...patch } });
  return {
    select: (id: string | null) => setUi({ selectedId: id }),
    /** Keyboard navigation over the visible (filtered, sorted) rows; clamps at both ends. */
    moveSelection(delta: number) {
      const rows = selectVisibleCookies(api.getState());
      if (rows.length === 0) return;
      const at = rows.findIndex((c) => cookieId(c) === api.getState().ui.selectedId);
      // nothing selected: moving down starts above the first row, moving up below the last (so End picks the last)
      const from = at >= 0 ? at : delta > 0 ? -1 : rows.length;
      const next = Math.max(0, Math.min(rows.length - 1, from + delta));
      setUi({ selectedId: cookieId(rows[next]) });
    },
    setFilter: (patch: Partial<CookieFilter>) => setUi({ filter: { ...api.getState().ui.filter, ...patch } }),
    resetFilter: () => setUi({ filter: createInitialFilter() }),
    toggleSort(column: SortColumn) {
      const { sort } = api.getState().ui;
      setUi({ sort: { column, dir: sort.column === column && sort.dir === 'asc' ? 'desc' : 'asc' } });
    },
    setTab: (tab: PanelTab) => setUi({ tab }),
    setTimelineCookie: (name: string | null) => setUi({ timelineCookie: name }),
    notify: (kind: 'info' | 'error', text: string) => setUi({ notice: { kind, text } }),
  };
}
