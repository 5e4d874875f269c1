// What the panel page was opened for: the DevTools panel (inspected tab), a plain extension page
// (`?tabId=N`, tests and the standalone window) or demo mode (`?mock=1`).
export interface BootOptions { tabId: number | null; mock: boolean }

export function readBootOptions(query: URLSearchParams, inspectedTabId: number | null): BootOptions {
  const mock = query.get('mock') === '1';
  if (inspectedTabId !== null) return { tabId: inspectedTabId, mock };
  const raw = query.get('tabId');
  const tabId = raw !== null && /^\d+$/.test(raw) ? Number(raw) : null;
  return { tabId: tabId ?? (mock ? 1 : null), mock };
}
