const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })

/** "1 case", "2,000 cases", "0 entries": a count with its noun, the plural given when it is not the noun plus "s". */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${whole.format(n)} ${n === 1 ? singular : plural}`
}
