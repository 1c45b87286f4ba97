import { planFieldLabels, planFields, type ColumnMapping, type PlanField } from '../../../core/import/plan-columns'
import type { Table } from '../../../core/import/table'
import { SelectField } from '../../ui/Field'
import { clip } from '../../../core/text/clip'
import { columnLetter } from '../../../core/import/cell-address'
import type { KeptColumn } from '../../../core/import/extra-columns'

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

/** "the first 10 of 150 rows", "the 1 row", "all 7 rows": how much of the file the preview shows. */
export function previewExtent(shown: number, total: number): string {
  if (total > shown) return `the first ${shown.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} rows`
  return total === 1 ? 'the 1 row' : `all ${total.toLocaleString('en-US')} rows`
}

/** The first rows as they will be read with the chosen columns, before anything is stored; kept columns after the fields. */
export function PlanPreview({
  table,
  mapping,
  kept = [],
}: {
  table: Pick<Table, 'rows' | 'rowNumbers' | 'sheetName'>
  mapping: ColumnMapping
  kept?: readonly KeptColumn[]
}) {
  const shown = table.rows.slice(0, previewRows)
  const of = table.sheetName === null ? '' : ` of sheet “${clip(table.sheetName, 40)}”`
  const caption = `Preview: ${previewExtent(shown.length, table.rows.length)}${of}`
  return (
    <div className="data-table plan-preview">
      <table aria-label="Preview">
        <caption>
          {caption}, read with the columns chosen above{kept.length > 0 ? ', and the columns kept with each case' : ''}.
        </caption>
        <thead>
          <tr>
            <th scope="col">Row</th>
            {planFields.map((field) => (
              <th key={field} scope="col">
                {planFieldLabels[field]}
              </th>
            ))}
            {kept.map((column) => (
              <th key={`kept-${column.index}`} scope="col" className="kept-column">
                {clip(column.name, 40)}
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
              {kept.map((column) => (
                <td key={`kept-${column.index}`}>{clip(cells[column.index] ?? '', 120)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
