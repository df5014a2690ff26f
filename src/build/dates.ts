/** Date helpers of the content build; parsing itself is shared with the Worker (src/dates.ts). */
export { type DateTime, parseDateTime } from '../dates';

/** "2025-09-05 12:00 +08:00" for messages: an instant in Beijing time. */
export function beijingTime(ms: number): string {
  return `${new Date(ms + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')} +08:00`;
}

/** The current minute in Beijing time as front matter writes it, e.g. 2026-11-29T20:05:00+08:00 (never in the future). */
export function beijingNow(now = Date.now()): string {
  return `${new Date(Math.floor(now / 60_000) * 60_000 + 8 * 3600_000).toISOString().slice(0, 16)}:00+08:00`;
}
