import { planImportLimits, type PlanImportLimits } from './limits'

// The words of the import's refusals, in one place: the window, the worker and the tests say them alike.

export const nothingImported = 'Nothing was imported.'

export const canceledMessage = `Reading stopped. ${nothingImported}`

export const tookTooLongMessage = (name: string, limits: PlanImportLimits = planImportLimits) =>
  `Reading ${name} took longer than ${limits.maxMillis / 1000} seconds; the file is too large or damaged. ${nothingImported}`

/** A message that ends by saying nothing was stored, said once. */
export const withNothingImported = (message: string) =>
  message.includes(nothingImported) ? message : `${message} ${nothingImported}`
