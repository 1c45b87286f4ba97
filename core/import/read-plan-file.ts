import { guessMapping, planTableKind, type ColumnMapping } from './plan-columns'
import { planImportLimits, type PlanImportLimits } from './limits'
import { readImportBytes, type ImportFile, type ImportFileRead, type ImportReadOutcome } from './read-import-file'
import { validatePlanRows, type PlanRowsCheck } from './validate-plan-rows'

/** A plan file as it arrives from the dialog or a drop. */
export type PlanFile = ImportFile

/** A plan file read as a table, its columns guessed and every row checked. */
export type PlanFileRead = ImportFileRead<ColumnMapping, PlanRowsCheck>

export type ReadPlanOutcome = ImportReadOutcome<PlanFileRead>

/** Reads a plan file to a table, guesses its columns and checks every row (readImportBytes with a plan's words). */
export const readPlanBytes = (file: PlanFile, limits: PlanImportLimits = planImportLimits): Promise<ReadPlanOutcome> =>
  readImportBytes(file, limits, planTableKind, (table) => {
    const guessed = guessMapping(table.headers)
    return { guessed, check: validatePlanRows(table, guessed) }
  })
