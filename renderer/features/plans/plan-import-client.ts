import { planImportLimits, type PlanImportLimits } from '../../../core/import/limits'
import type { ReadPlanOutcome } from '../../../core/import/read-plan-file'
import type { FileReadRequest } from '../../workers/file-import.worker'
import {
  createWorkerFileReader,
  type FileImportWorker,
  type ReadImportFile,
} from '../../widgets/import/file-import-client'

/** What the import page calls to read a plan file: the Web Worker in the app, a stand-in in UI tests. */
export type ReadPlanFile = ReadImportFile<ReadPlanOutcome>

export type PlanReadRequest = FileReadRequest
export type PlanWorker = FileImportWorker

/** Reads plan files in a fresh Web Worker each (createWorkerFileReader of kind "plan"). */
export const createWorkerPlanReader = (
  options: { readonly limits?: PlanImportLimits; readonly start?: () => PlanWorker } = {},
): ReadPlanFile =>
  createWorkerFileReader('plan', {
    limits: options.limits ?? planImportLimits,
    fileNoun: 'plan file',
    ...(options.start ? { start: options.start } : {}),
  })

/** The default reader of the app. */
export const readPlanFileInWorker: ReadPlanFile = createWorkerPlanReader()
