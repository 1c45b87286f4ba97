import { useMemo, useState } from 'react'
import { describeProblem } from '../../../core/outcome'
import type { ColumnMapping } from '../../../core/import/plan-columns'
import { validatePlanRows } from '../../../core/import/validate-plan-rows'
import { PlanVersion } from '../../../core/model/test-plan'
import { href, navigate } from '../../app/route'
import { useRepos } from '../../app/services-context'
import { TextField } from '../../ui/Field'
import { FileSummary } from '../../widgets/import/FileSummary'
import { ColumnMappingControls, PlanPreview } from './ImportPreview'
import { ImportButton } from '../../widgets/import/ImportButton'
import { ImportProblems } from '../../widgets/import/ImportProblems'
import { countCases } from './plan-labels'
import { nothingImported } from '../../../core/import/messages'
import type { PlanFileRead } from '../../../core/import/read-plan-file'
import type { TextEncoding } from '../../../core/import/decode-text'
import { keptColumns } from '../../../core/import/extra-columns'
import { KeptColumnsControls } from './KeptColumnsControls'
import { planSheetWords } from '../../widgets/import/SheetPicker'

type Props = {
  readonly fileName: string
  readonly read: PlanFileRead
  readonly existing: PlanVersion | null
  /** Reads the file again with its text in another encoding (CSV and JSON). */
  readonly onEncoding: (encoding: TextEncoding, choices: readonly TextEncoding[]) => void
  /** Reads the workbook again from another of its sheets (xlsx). */
  readonly onSheet: (sheet: string) => void
}

const baseName = (fileName: string) => fileName.replace(/\.[^.]*$/, '').trim()

/** The file as it will be imported: its name, the column of each field, a preview, every problem, and the one Import button. */
export function ImportReview({ fileName, read, existing, onEncoding, onSheet }: Props) {
  const repos = useRepos()
  const { table } = read
  const [name, setName] = useState(() => existing?.name ?? (baseName(fileName) || 'Imported test plan'))
  // The worker guessed the columns from the headers and checked every row with them; only a changed choice is checked here.
  const [mapping, setMapping] = useState<ColumnMapping>(read.guessed)
  // Columns no field is read from are kept with each case, but those the tester leaves out.
  const [leftOut, setLeftOut] = useState<ReadonlySet<number>>(() => new Set())
  const [importing, setImporting] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const check = useMemo(
    () => (mapping === read.guessed && leftOut.size === 0 ? read.check : validatePlanRows(table, mapping, leftOut)),
    [read, table, mapping, leftOut],
  )
  const unmapped = useMemo(() => keptColumns(table.headers, mapping), [table.headers, mapping])
  const nameCheck = PlanVersion.shape.name.safeParse(name)
  const nameError = nameCheck.success ? undefined : nameCheck.error.issues[0]?.message
  const blocked =
    check.problems.length > 0
      ? 'Import is possible once the report above is empty.'
      : nameError
        ? 'Import is possible once the plan has a name.'
        : check.cases.length === 0
          ? 'The file has no cases to import.'
          : null

  const commit = async () => {
    setImporting(true)
    setFailure(null)
    const imported = await repos.plans.importPlan({
      ...(existing ? { planId: existing.planId } : {}),
      name,
      cases: check.cases,
      source: { kind: table.format, fileName, sha256: read.sha256 },
    })
    if (imported.ok) return navigate(href('plans', imported.value.id))
    setImporting(false)
    setFailure(`${fileName} was not imported: ${describeProblem(imported.problem)} ${nothingImported}`)
  }

  return (
    <>
      <section aria-labelledby="import-file-title">
        <h2 id="import-file-title">{fileName}</h2>
        <FileSummary
          fileName={fileName}
          table={table}
          sheetWords={planSheetWords}
          disabled={importing}
          onEncoding={onEncoding}
          onSheet={onSheet}
        />
        <TextField label="Plan name" value={name} error={nameError} onChange={setName} />
        <ColumnMappingControls headers={table.headers} mapping={mapping} onChange={setMapping} />
        <KeptColumnsControls
          columns={unmapped}
          leftOut={leftOut}
          onChange={(index, keep) =>
            setLeftOut((before) => {
              const next = new Set(before)
              if (keep) next.delete(index)
              else next.add(index)
              return next
            })
          }
        />
        <PlanPreview table={table} mapping={mapping} kept={unmapped.filter((column) => !leftOut.has(column.index))} />
      </section>
      <ImportProblems problems={check.problems} fileName={fileName} />
      <ImportButton
        what={countCases(check.cases.length)}
        importing={importing}
        blocked={blocked}
        onImport={() => void commit()}
      />
      {failure ? (
        <p className="field-error" role="alert">
          {failure}
        </p>
      ) : null}
    </>
  )
}
