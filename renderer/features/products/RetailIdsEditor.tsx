import type { RetailId } from '../../../core/model/product'
import { retailIdKinds, type RetailIdKind } from '../../../core/rules/retail-id'
import { RowGroup } from '../../ui/RowGroup'
import { SelectField, TextField } from '../../ui/Field'
import type { ProductForm } from './ProductEditor'

/** UPC, EAN, JAN and GTIN-14 codes; each check digit is verified as it is typed. */
export function RetailIdsEditor({ form }: { form: ProductForm }) {
  const { draft, update, visibleError } = form
  const setRow = (index: number, change: Partial<RetailId>) =>
    update(
      (p) => ({ ...p, retailIds: p.retailIds.map((row, i) => (i === index ? { ...row, ...change } : row)) }),
      `retailIds.${index}`,
    )
  return (
    <fieldset>
      <legend>Retail identifiers</legend>
      {draft.retailIds.length === 0 ? <p className="muted">No retail identifiers yet.</p> : null}
      <ol className="rows">
        {draft.retailIds.map((row, index) => (
          <RowGroup key={index} label={`Retail identifier ${index + 1}`}>
            <SelectField<RetailIdKind>
              label="Kind"
              value={row.kind}
              options={retailIdKinds.map((kind) => ({ value: kind, label: kind }))}
              onChange={(kind) => setRow(index, { kind })}
            />
            <TextField
              label="Code"
              value={row.value}
              error={visibleError(`retailIds.${index}.value`) ?? visibleError(`retailIds.${index}`)}
              onChange={(value) => setRow(index, { value })}
            />
            <button
              type="button"
              className="remove"
              aria-label={`Remove ${row.kind} ${row.value || index + 1}`}
              onClick={() =>
                update((p) => ({ ...p, retailIds: p.retailIds.filter((_, i) => i !== index) }), 'retailIds')
              }
            >
              Remove
            </button>
          </RowGroup>
        ))}
      </ol>
      <button
        type="button"
        onClick={() => update((p) => ({ ...p, retailIds: [...p.retailIds, { kind: 'UPC-A', value: '' }] }))}
      >
        Add retail identifier
      </button>
    </fieldset>
  )
}
