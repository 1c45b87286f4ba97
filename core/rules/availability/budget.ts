/**
 * The downtime a target allows over a stretch of time, in whole milliseconds: (100 − target) % of its length.
 * The share is taken as parts per million first, so 99.93 % is exactly 700 ppm and no binary fraction creeps in.
 * Rounded to the nearest millisecond, never to the second: a 365-day window allows 0.0007 × 365 × 86,400 s =
 * 22,075.2 s (6 h 7 min 55.2 s; SPEC's "6 h 7 min 55 s" is this cut to the second), a 366-day one 22,135.68 s
 * (6 h 8 min 55.68 s, which SPEC rounds up to 6 h 8 min 56 s). Downtime equal to the budget is within it.
 */
export function allowedDowntimeMs(lengthMs: number, targetPercent: number): number {
  const partsPerMillion = Math.round((100 - targetPercent) * 1e4)
  return Math.round((lengthMs * partsPerMillion) / 1e6)
}

/** Availability in percent over a stretch of `lengthMs` with `downtimeMs` down: 100 for a stretch not yet begun. */
export const availabilityPercent = (downtimeMs: number, lengthMs: number): number =>
  lengthMs > 0 ? 100 * (1 - downtimeMs / lengthMs) : 100
