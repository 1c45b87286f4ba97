import { planVocabulary, type ColumnMapping, type PlanField } from '../../../core/import/plan-columns'
import type { Table } from '../../../core/import/table'
import type { KeptColumn } from '../../../core/import/extra-columns'
import { MappedPreview, MappingControls } from '../../widgets/import/MappingControls'

const fieldHints: Partial<Record<PlanField, string>> = {
  required: 'With no column, every case is imported as required.',
}

/** One choice per plan field of the file column it is read from, guessed from the headers and open to correction. */
export function ColumnMappingControls(props: {
  headers: readonly string[]
  mapping: ColumnMapping
  onChange: (mapping: ColumnMapping) => void
}) {
  return <MappingControls vocabulary={planVocabulary} hints={fieldHints} {...props} />
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
  return (
    <MappedPreview
      vocabulary={planVocabulary}
      table={table}
      mapping={mapping}
      extra={kept}
      extraNote=", and the columns kept with each case"
    />
  )
}
