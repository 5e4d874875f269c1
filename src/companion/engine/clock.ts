import type { Clock } from '../types.ts';

/** Wall clock plus an offset that fault injection can shift (expiry demos without waiting). */
export function createClock(): Clock {
  let offset = 0;
  return {
    now: () => Date.now() / 1000 + offset,
    shift: (seconds: number) => { offset += seconds; },
    offset: () => offset,
  };
}
