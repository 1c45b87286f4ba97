import { columnLetter } from '../../../core/import/cell-address'
import type { KeptColumn } from '../../../core/import/extra-columns'
import { clip } from '../../../core/text/clip'

type Props = {
  /** The columns no field is read from, in file order. */
  readonly columns: readonly KeptColumn[]
  readonly leftOut: ReadonlySet<number>
  readonly onChange: (index: number, keep: boolean) => void
}

/**
 * The file's other columns ("Notes", "Precondition", "Priority"): kept with each case
 * and shown in the runner, unless the tester unticks one. Nothing of the file is
 * dropped without the tester choosing it.
 */
export function KeptColumnsControls({ columns, leftOut, onChange }: Props) {
  if (columns.length === 0) return null
  return (
    <fieldset className="kept-columns">
      <legend>Other columns, kept with each case</legend>
      <p className="field-hint">
        No field is read from these columns. Ticked ones are stored with each case under their header and shown in the
        session runner; untick a column to leave it out.
      </p>
      <ul className="check-list">
        {columns.map((column) => (
          <li key={column.index}>
            <label className="check">
              <input
                type="checkbox"
                checked={!leftOut.has(column.index)}
                onChange={(event) => onChange(column.index, event.target.checked)}
              />
              {clip(column.name, 80)} <span className="muted">(column {columnLetter(column.index)})</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  )
}
