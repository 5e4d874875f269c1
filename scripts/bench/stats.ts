// Small numeric helpers shared by the benchmarks: these machines are noisy, so every figure is a median.

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Rounds to `digits` significant decimals for the results file (ratios to 3, times to 1). */
export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** A measured figure, or null with the reason it could not be measured (missing peer, failed launch). */
export type Measured<T> = { ok: true; value: T } | { ok: false; reason: string };

export async function attempt<T>(label: string, run: () => Promise<T>): Promise<Measured<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    console.error(`bench: ${label} failed: ${reason}`);
    return { ok: false, reason };
  }
}

export function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}
