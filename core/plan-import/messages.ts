import { formatBytes } from '../format-bytes'
import { planImportLimits, type PlanImportLimits } from './limits'

// The words of the import's refusals, in one place: the window, the worker and the tests say them alike.

export const nothingImported = 'Nothing was imported.'

export const canceledMessage = `Reading stopped. ${nothingImported}`

export function tooLargeMessage(name: string, size: number, limits: PlanImportLimits = planImportLimits): string {
  const limit = formatBytes(limits.maxBytes)
  // Just over the limit rounds to the limit itself ("10 MiB; at most 10 MiB"): then the exact count says why.
  const shown = formatBytes(size) === limit ? `${size.toLocaleString('en-US')} bytes` : formatBytes(size)
  return `${name} is ${shown}; a plan file can be at most ${limit}. ${nothingImported}`
}

export const tookTooLongMessage = (name: string, limits: PlanImportLimits = planImportLimits) =>
  `Reading ${name} took longer than ${limits.maxMillis / 1000} seconds; the file is too large or damaged. ${nothingImported}`

/** A message that ends by saying nothing was stored, said once. */
export const withNothingImported = (message: string) => (message.includes(nothingImported) ? message : `${message} ${nothingImported}`)
