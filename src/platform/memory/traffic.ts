import type { RequestRecord, ResponseRecord, TrafficPort } from '../types.ts';

/** Tests push requests/responses as if webRequest had seen them. */
export class MemoryTraffic implements TrafficPort {
  private requestListeners: ((r: RequestRecord) => void)[] = [];
  private responseListeners: ((r: ResponseRecord) => void)[] = [];

  onRequest(listener: (r: RequestRecord) => void): void { this.requestListeners.push(listener); }
  onResponse(listener: (r: ResponseRecord) => void): void { this.responseListeners.push(listener); }

  request(r: RequestRecord): void { for (const l of this.requestListeners) l(r); }
  response(r: ResponseRecord): void { for (const l of this.responseListeners) l(r); }
}
