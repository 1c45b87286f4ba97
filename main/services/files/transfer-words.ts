import { formatBytes } from '../../../core/format-bytes'

// Small words the messages of chunked saves and range reads share.

/** "2 minutes", "30 seconds": an idle limit as a message says it. */
export function durationInWords(ms: number): string {
  if (ms >= 60_000) {
    const minutes = Math.round(ms / 60_000)
    return `${minutes} minute${minutes === 1 ? '' : 's'}`
  }
  const seconds = Math.max(1, Math.round(ms / 1000))
  return `${seconds} second${seconds === 1 ? '' : 's'}`
}

/** Two sizes as a message says them, exact when rounding would show them equal ("16 MiB … 16 MiB"). */
export function twoSizes(a: number, b: number): readonly [string, string] {
  const [shownA, shownB] = [formatBytes(a), formatBytes(b)]
  return shownA === shownB
    ? [`${a.toLocaleString('en-US')} bytes`, `${b.toLocaleString('en-US')} bytes`]
    : [shownA, shownB]
}
