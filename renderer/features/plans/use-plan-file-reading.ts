import { useCallback, useMemo } from 'react'
import { extensionsFor } from '../../../core/model/file-types'
import { planImportLimits } from '../../../core/import/limits'
import type { PlanFileRead } from '../../../core/import/read-plan-file'
import { useRepos } from '../../app/services-context'
import { useImportFileReading, type ReadingState } from '../../widgets/import/use-import-file-reading'
import { usePlanFileReader } from './plan-reader-context'

export type { EncodingChoice, SheetChoice } from '../../widgets/import/use-import-file-reading'
export type PlanReadingState = ReadingState<PlanFileRead>

export const planFileFilter = { name: 'Test plans (xlsx, CSV, JSON)', extensions: extensionsFor('plan') }
const dialog = { title: 'Import test plan', filter: planFileFilter }

/** Brings one plan file in and reads it with the page's reader, with the lab's column cap (useImportFileReading). */
export function usePlanFileReading() {
  const repos = useRepos()
  const readFile = usePlanFileReader()
  const limits = useCallback(
    async () => ({
      ...planImportLimits,
      maxColumns: await repos.settings.maxPlanColumns().catch(() => planImportLimits.maxColumns),
    }),
    [repos],
  )
  const options = useMemo(
    () => ({ readFile, limits, maxBytes: planImportLimits.maxBytes, dialog, noun: 'plan', fileNoun: 'plan file' }),
    [readFile, limits],
  )
  return useImportFileReading<PlanFileRead>(options)
}
