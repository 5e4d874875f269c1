/** ISO-like local-free rendering: panels are compared across machines, so always UTC. */
export function formatDate(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, ' UTC');
}

export function formatDuration(seconds: number): string {
  const s = Math.abs(Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.round(s / 60)} min`;
  if (s < 86_400 * 2) return `${Math.round(s / 3600)} h`;
  return `${Math.round(s / 86_400)} days`;
}

/** "expires in 14 days" / "expired 3 min ago" relative to `nowSeconds`. */
export function formatExpiresIn(unixSeconds: number, nowSeconds: number): string {
  const delta = unixSeconds - nowSeconds;
  return delta >= 0 ? `expires in ${formatDuration(delta)}` : `expired ${formatDuration(delta)} ago`;
}

export function formatClock(ms: number): string {
  return new Date(ms).toISOString().slice(11, 23);
}
