import type { TextEncoding } from '../../../core/import/decode-text'
import type { Table } from '../../../core/import/table'
import { EncodingPicker, encodingNote } from './EncodingPicker'
import { SheetPicker, sheetNote, type SheetWords } from './SheetPicker'

type Props = {
  readonly fileName: string
  readonly table: Table
  readonly sheetWords: SheetWords
  readonly disabled: boolean
  /** Reads the file again with its text in another encoding (CSV and JSON). */
  readonly onEncoding: (encoding: TextEncoding, choices: readonly TextEncoding[]) => void
  /** Reads the workbook again from another of its sheets (xlsx). */
  readonly onSheet: (sheet: string) => void
}

/** What was read of a file: its format, sheet and rows, with the choice of another sheet or another text encoding. */
export function FileSummary({ fileName, table, sheetWords, disabled, onEncoding, onSheet }: Props) {
  const rows = table.rows.length
  const { encoding } = table
  return (
    <>
      <p className="muted">
        {table.format.toUpperCase()}
        {table.sheetName ? `, sheet “${table.sheetName}”` : ''} · header in row {table.headerRow} ·{' '}
        {rows === 1
          ? `1 row (row ${table.firstDataRow})`
          : `${rows.toLocaleString('en-US')} rows (rows ${table.firstDataRow}–${table.rowNumbers.at(-1) ?? table.firstDataRow})`}
      </p>
      {table.sheetName !== null && table.sheetBasis !== null && table.sheets.length > 0 ? (
        <SheetPicker
          current={table.sheetName}
          sheets={table.sheets}
          note={sheetNote(table.sheetName, table.sheetBasis, table.sheets, sheetWords)}
          disabled={disabled}
          onChoose={onSheet}
        />
      ) : null}
      {encoding ? (
        <EncodingPicker
          current={encoding.encoding}
          choices={encoding.choices}
          note={encodingNote(fileName, encoding)}
          warn={encoding.replaced > 0}
          disabled={disabled}
          onChoose={(chosen) => onEncoding(chosen, encoding.choices)}
        />
      ) : null}
    </>
  )
}
