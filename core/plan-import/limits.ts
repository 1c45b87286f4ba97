import { maxPlanCases } from '../model/test-plan'

/**
 * What a plan file may be before it is refused, with a message and nothing stored.
 * maxBytes is checked before parsing and maxRows right after. maxUnpackedBytes bounds
 * what an xlsx file (a zip) may inflate to, so a small "zip bomb" is refused before
 * the spreadsheet library unpacks it. maxMillis is the budget of the Web Worker that
 * runs the import: parsing is synchronous, so the worker's host stops it after that
 * long; readTable also checks the clock between its steps.
 */
export const planImportLimits = {
  maxBytes: 10 * 1024 * 1024,
  maxRows: maxPlanCases,
  maxMillis: 10_000,
  maxUnpackedBytes: 200 * 1024 * 1024,
} as const

export type PlanImportLimits = { readonly [K in keyof typeof planImportLimits]: number }
