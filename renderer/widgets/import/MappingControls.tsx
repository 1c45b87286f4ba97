import { columnLetter } from '../../../core/import/cell-address'
import type { Mapping } from '../../../core/import/column-mapping'
import type { Table } from '../../../core/import/table'
import { clip } from '../../../core/text/clip'
import { SelectField } from '../../ui/Field'
import './import.css'

export const previewRows = 10

/** An option's text shows this much of a header: a header can be a whole paragraph, or a hostile run of text. */
const optionHeaderChars = 80

type Fields<F extends string> = { readonly fields: readonly F[]; readonly labels: Readonly<Record<F, string>> }

/** One choice per field of the file column it is read from, guessed from the headers and open to correction. */
export function MappingControls<F extends string>({
  vocabulary,
  headers,
  mapping,
  hints = {},
  onChange,
}: {
  vocabulary: Fields<F>
  headers: readonly string[]
  mapping: Mapping<F>
  /** Said under a field that has no column ("With no column, every case is imported as required."). */
  hints?: Partial<Record<F, string>>
  onChange: (mapping: Mapping<F>) => void
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
        {vocabulary.fields.map((field) => {
          const index = mapping[field]
          return (
            <SelectField
              key={field}
              label={vocabulary.labels[field]}
              value={index === null ? '' : String(index)}
              options={options}
              hint={index === null ? hints[field] : undefined}
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

/** A column shown after the fields: a kept column of a plan, say. */
export type ExtraColumn = { readonly index: number; readonly name: string }

/** The first rows as they will be read with the chosen columns, before anything is stored; extra columns after the fields. */
export function MappedPreview<F extends string>({
  vocabulary,
  table,
  mapping,
  extra = [],
  extraNote = '',
  onlyMapped = false,
}: {
  vocabulary: Fields<F>
  table: Pick<Table, 'rows' | 'rowNumbers' | 'sheetName'>
  mapping: Mapping<F>
  extra?: readonly ExtraColumn[]
  /** Said in the caption when there are extra columns (", and the columns kept with each case"). */
  extraNote?: string
  /** Only the fields that have a column: for a kind with many optional fields, the rest would only crowd it. */
  onlyMapped?: boolean
}) {
  const fields = vocabulary.fields.filter((field) => !onlyMapped || mapping[field] !== null)
  const shown = table.rows.slice(0, previewRows)
  const of = table.sheetName === null ? '' : ` of sheet “${clip(table.sheetName, 40)}”`
  const caption = `Preview: ${previewExtent(shown.length, table.rows.length)}${of}`
  return (
    <div className="data-table import-preview">
      <table aria-label="Preview">
        <caption>
          {caption}, read with the columns chosen above{extra.length > 0 ? extraNote : ''}.
        </caption>
        <thead>
          <tr>
            <th scope="col">Row</th>
            {fields.map((field) => (
              <th key={field} scope="col">
                {vocabulary.labels[field]}
              </th>
            ))}
            {extra.map((column) => (
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
              {fields.map((field) => {
                const at = mapping[field]
                return (
                  <td key={field}>{at === null ? <span className="muted">—</span> : clip(cells[at] ?? '', 120)}</td>
                )
              })}
              {extra.map((column) => (
                <td key={`kept-${column.index}`}>{clip(cells[column.index] ?? '', 120)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
