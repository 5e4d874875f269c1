// Marks the bench reads (`npm run bench`): first render with data, and filter keystroke → rows.
export const MARKS = { firstRender: 'panel-first-render', filterInput: 'panel-filter-input', filterApplied: 'panel-filter-applied' } as const;

export function mark(name: string): void {
  globalThis.performance?.mark?.(name);
}
