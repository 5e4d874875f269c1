export { RingBuffer } from './ring-buffer.ts';
export { Timeline, DEFAULT_TIMELINE_LIMIT, type TimelineData } from './timeline.ts';
export { mergeEvents, applyCookieDelta, historyOf } from './reducers.ts';
