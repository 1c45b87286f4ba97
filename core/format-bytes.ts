const units = ['bytes', 'KiB', 'MiB', 'GiB'] as const

/** "64 MiB", "1.5 KiB", "812 bytes": sizes as a person reads them in an error message. */
export function formatBytes(bytes: number): string {
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit += 1
  }
  const shown = unit === 0 || Number.isInteger(value) ? String(value) : value.toFixed(1).replace(/\.0$/, '')
  return `${shown} ${units[unit] ?? 'bytes'}`
}
