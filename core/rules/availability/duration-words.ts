/**
 * A duration as a person reads it in a reason: "6 h 7 min 55.2 s", "0.001 s", "0 s". Seconds keep their
 * milliseconds, so a budget reads exactly as it is computed and one millisecond over is not written as "0 s".
 */
export function durationWords(ms: number): string {
  const negative = ms < 0
  let rest = Math.abs(ms)
  const days = Math.floor(rest / 86_400_000)
  rest -= days * 86_400_000
  const hours = Math.floor(rest / 3_600_000)
  rest -= hours * 3_600_000
  const minutes = Math.floor(rest / 60_000)
  rest -= minutes * 60_000
  const seconds = Math.round(rest) / 1000
  const parts = [
    days > 0 ? `${days} d` : '',
    hours > 0 ? `${hours} h` : '',
    minutes > 0 ? `${minutes} min` : '',
    seconds > 0 || (days === 0 && hours === 0 && minutes === 0) ? `${seconds} s` : '',
  ].filter((p) => p !== '')
  return `${negative ? '−' : ''}${parts.join(' ')}`
}
