/** What the projection reads of one scope's part of the window. */
export type BurnRequest = {
  /** The part measured under one rule set, [start, end). */
  readonly start: number
  readonly end: number
  readonly at: number
  /** Downtime of the part so far, [start, min(at, end)). */
  readonly downtimeMs: number
  readonly budgetMs: number
}

/**
 * When the budget runs out at the burn rate so far (downtime so far ÷ time elapsed, carried on in a straight
 * line): the first whole millisecond past the instant the projected downtime equals the budget. null when nothing
 * is down yet, when the budget is already exceeded (the breach is a fact, not a projection), or when it would last
 * to the end of the part. A trailing window ends at the instant evaluated, so it never projects.
 */
export function projectedBreachAt(request: BurnRequest): number | null {
  const { start, end, at, downtimeMs, budgetMs } = request
  const elapsedMs = Math.min(at, end) - start
  if (downtimeMs <= 0 || elapsedMs <= 0 || downtimeMs > budgetMs) return null
  const runsOut = start + (budgetMs * elapsedMs) / downtimeMs
  const breach = Math.floor(runsOut) + 1
  return breach < end ? breach : null
}
