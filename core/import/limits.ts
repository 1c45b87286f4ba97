import { formatBytes } from '../format-bytes'
import { maxPlanCases } from '../model/test-plan'
import { columnCapSetting } from './column-cap'
import { count, fileLabel } from './table'

/**
 * What a plan file may be before it is refused, with a message and nothing stored.
 * maxBytes is checked before parsing and maxRows right after. maxUnpackedBytes bounds
 * what an xlsx file (a zip) may inflate to, so a small "zip bomb" is refused before
 * the spreadsheet library unpacks it. maxMillis is the budget of the Web Worker that
 * runs the import: parsing is synchronous, so the worker's host stops it after that
 * long; readTable also checks the clock between its steps. maxColumns is the default of
 * a setting (column-cap.ts): the window passes the lab's own value.
 */
export const planImportLimits = {
  maxBytes: 10 * 1024 * 1024,
  maxRows: maxPlanCases,
  maxMillis: 10_000,
  maxUnpackedBytes: 200 * 1024 * 1024,
  maxColumns: columnCapSetting.defaultValue,
} as const

export type PlanImportLimits = { readonly [K in keyof typeof planImportLimits]: number }

/**
 * Why a plan file of `size` bytes is refused before any of it is read, naming the
 * file and the limit; undefined when it is within the limit. The one size check:
 * the drop, the window's reader and readTable all ask it.
 */
export function planFileSizeRefusal(
  name: string,
  size: number,
  limits: PlanImportLimits = planImportLimits,
  fileNoun = 'plan file',
): string | undefined {
  if (size <= limits.maxBytes) return undefined
  const limit = formatBytes(limits.maxBytes)
  // Just over the limit rounds to the limit itself ("10 MiB; at most 10 MiB"): then the exact count says why.
  const shown = formatBytes(size) === limit ? `${count(size)} bytes` : formatBytes(size)
  return `${fileLabel(name)} is ${shown}; a ${fileNoun} can be at most ${limit}.`
}
