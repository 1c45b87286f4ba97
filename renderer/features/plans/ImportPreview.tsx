import {
  planFieldLabels,
  planFields,
  type ColumnMapping,
  type PlanField,
} from '../../../core/plan-import/column-mapping'
import type { Table } from '../../../core/plan-import/table'
import { SelectField } from '../../ui/Field'
import { clip } from '../../../core/text/clip'
import { columnLetter } from '../../../core/plan-import/cell-address'

export const previewRows = 10

/** An option's text shows this much of a header: a header can be a whole paragraph, or a hostile run of text. */
const optionHeaderChars = 80

const fieldHints: Partial<Record<PlanField, string>> = {
  required: 'With no column, every case is imported as required.',
}

/** One choice per plan field of the file column it is read from, guessed from the headers and open to correction. */
export function ColumnMappingControls({
  headers,
  mapping,
  onChange,
}: {
  headers: readonly string[]
  mapping: ColumnMapping
  onChange: (mapping: ColumnMapping) => void
}) {
  const options = [
    { value: '', label: 'Not in the file' },
    ...headers.map((header, index) => ({
      value: String(index),
      label: `${columnLetter(index)}: ${clip(header, optionHeaderChars) || '(no header)'}`,
    })),
  ]
  return (
    <fieldset>
      <legend>Column of each field</legend>
      <div className="grid">
        {planFields.map((field) => {
          const index = mapping[field]
          return (
            <SelectField
              key={field}
              label={planFieldLabels[field]}
              value={index === null ? '' : String(index)}
              options={options}
              hint={index === null ? fieldHints[field] : undefined}
              onChange={(value) => onChange({ ...mapping, [field]: value === '' ? null : Number(value) })}
            />
          )
        })}
      </div>
    </fieldset>
  )
}

/** The first rows as they will be read with the chosen columns, before anything is stored. */
export function PlanPreview({ table, mapping }: { table: Pick<Table, 'rows' | 'rowNumbers'>; mapping: ColumnMapping }) {
  const shown = table.rows.slice(0, previewRows)
  const caption =
    table.rows.length > shown.length
      ? `Preview: the first ${shown.length} of ${table.rows.length} rows`
      : `Preview: all ${shown.length} rows`
  return (
    <div className="data-table plan-preview">
      <table aria-label="Preview">
        <caption>{caption}, read with the columns chosen above.</caption>
        <thead>
          <tr>
            <th scope="col">Row</th>
            {planFields.map((field) => (
              <th key={field} scope="col">
                {planFieldLabels[field]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((cells, index) => (
            <tr key={index}>
              <th scope="row">{table.rowNumbers[index]}</th>
              {planFields.map((field) => {
                const at = mapping[field]
                return (
                  <td key={field}>{at === null ? <span className="muted">—</span> : clip(cells[at] ?? '', 120)}</td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
