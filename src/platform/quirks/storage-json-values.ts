// chrome.storage.session.set converts each value's object graph into the browser's value tree one
// property at a time (V8ValueConverter, filed as `setAccessLevel` in CPU profiles): a 100-event timeline
// segment took ~0.9 ms of the service worker's time against ~0.04 ms for JSON.stringify plus ~0.2 ms to
// store the one string, and these writes were a third of the worker's CPU during a busy page load. So
// values go in as JSON text. The marker keeps records written before this (and plain strings) readable.
const MARKER = '\u0001json:';

export function encodeStoredValue(value: unknown): unknown {
  // undefined has no JSON text; the areas drop it anyway
  return value === undefined ? value : MARKER + JSON.stringify(value);
}

export function decodeStoredValue(stored: unknown): unknown {
  if (typeof stored !== 'string' || !stored.startsWith(MARKER)) return stored;
  return JSON.parse(stored.slice(MARKER.length)) as unknown;
}
