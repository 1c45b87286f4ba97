import { assertNever } from '../../../core/assert-never'
import type { SheetBasis, SheetSummary } from '../../../core/import/table'
import { countOf } from '../../../core/text/plural'
import { FieldFrame } from '../../ui/Field'

/** "Test cases (150 rows)", "Lists (hidden, 3 rows)": a sheet as the choice lists it. */
export const sheetOptionLabel = (sheet: SheetSummary) =>
  `${sheet.name} (${sheet.hidden ? 'hidden, ' : ''}${sheet.rows === 0 ? 'no rows below a header' : countOf(sheet.rows, 'row')})`

/** How the sheet note speaks of what is read: "Cases", "plan fields", "a case ID and a title". */
export type SheetWords = { readonly Rows: string; readonly fields: string; readonly keys: string }

export const planSheetWords: SheetWords = { Rows: 'Cases', fields: 'plan fields', keys: 'a case ID and a title' }

/** Why the rows were read from this sheet, as the preview says it. */
export function sheetNote(
  sheetName: string,
  basis: SheetBasis,
  sheets: readonly SheetSummary[],
  words: SheetWords = planSheetWords,
): string {
  const others = sheets.length - 1
  const rest =
    others === 0
      ? 'It is the only sheet.'
      : `The workbook has ${countOf(others, 'other sheet')}: choose one to read it instead.`
  switch (basis) {
    case 'best-header':
      return `${words.Rows} are read from sheet “${sheetName}”: its header names the most ${words.fields}. ${rest}`
    case 'first-with-text':
      return `${words.Rows} are read from sheet “${sheetName}”, the first with text: no sheet has a header that names ${words.keys}. ${rest}`
    case 'chosen':
      return `${words.Rows} are read from sheet “${sheetName}”, as chosen.${others === 0 ? '' : ' Choose another sheet to read it instead.'}`
    default:
      return assertNever(basis)
  }
}

type Props = {
  readonly current: string
  readonly sheets: readonly SheetSummary[]
  readonly note: string
  readonly disabled?: boolean
  readonly onChoose: (sheet: string) => void
}

/** The workbook sheet the rows are read from, and a choice of another, which the worker reads again. */
export function SheetPicker({ current, sheets, note, disabled, onChoose }: Props) {
  return (
    <div className="sheet-picker">
      <FieldFrame label="Sheet" hint={note}>
        {({ id, describedBy }) => (
          <select
            id={id}
            value={current}
            disabled={disabled}
            aria-describedby={describedBy}
            onChange={(event) => {
              const chosen = sheets.find((sheet) => sheet.name === event.target.value)
              if (chosen !== undefined && chosen.name !== current) onChoose(chosen.name)
            }}
          >
            {sheets.map((sheet) => (
              <option key={sheet.name} value={sheet.name} disabled={sheet.rows === 0 && sheet.name !== current}>
                {sheetOptionLabel(sheet)}
              </option>
            ))}
          </select>
        )}
      </FieldFrame>
    </div>
  )
}
