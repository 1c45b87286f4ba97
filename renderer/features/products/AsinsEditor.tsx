import { marketplaceByCode } from '../../../core/model/marketplace'
import type { ListingAsin } from '../../../core/model/product'
import { checkAsin } from '../../../core/rules/asin'
import { RowGroup } from '../../ui/RowGroup'
import { SelectField, TextField } from '../../ui/Field'
import type { ProductForm } from './ProductEditor'

/** The product's ASINs, one row per ASIN and marketplace, each tied to a variation when it sells one. */
export function AsinsEditor({ form }: { form: ProductForm }) {
  const { draft, update, visibleError } = form
  const setRow = (index: number, change: Partial<ListingAsin>) =>
    update(
      (p) => ({ ...p, asins: p.asins.map((row, i) => (i === index ? { ...row, ...change } : row)) }),
      `asins.${index}`,
    )
  const firstMarketplace = draft.marketplaces[0]

  return (
    <fieldset>
      <legend>ASINs per marketplace</legend>
      {draft.asins.length === 0 ? <p className="muted">No ASINs yet.</p> : null}
      <ol className="rows">
        {draft.asins.map((row, index) => {
          const check = checkAsin(row.asin)
          return (
            <RowGroup key={index} label={`ASIN ${index + 1}`}>
              <SelectField
                label="Marketplace"
                value={row.marketplace}
                error={visibleError(`asins.${index}.marketplace`)}
                options={marketplaceOptions(draft.marketplaces, row.marketplace)}
                onChange={(marketplace) => setRow(index, { marketplace })}
              />
              <TextField
                label="ASIN"
                value={row.asin}
                error={visibleError(`asins.${index}.asin`)}
                warning={check.ok ? check.warning : undefined}
                placeholder="B0…"
                onChange={(asin) => setRow(index, { asin: asin.trim() })}
              />
              <SelectField
                label="Variation"
                value={row.variation}
                error={visibleError(`asins.${index}.variation`)}
                options={[{ value: '', label: 'Main item' }, ...draft.variations.map((v) => ({ value: v, label: v }))]}
                onChange={(variation) => setRow(index, { variation })}
              />
              <button
                type="button"
                className="remove"
                aria-label={`Remove ASIN ${row.asin || index + 1}`}
                onClick={() => update((p) => ({ ...p, asins: p.asins.filter((_, i) => i !== index) }), 'asins')}
              >
                Remove
              </button>
            </RowGroup>
          )
        })}
      </ol>
      <button
        type="button"
        disabled={firstMarketplace === undefined}
        onClick={() =>
          firstMarketplace !== undefined &&
          update((p) => ({ ...p, asins: [...p.asins, { marketplace: firstMarketplace, asin: '', variation: '' }] }))
        }
      >
        Add ASIN
      </button>
      {firstMarketplace === undefined ? <p className="field-hint">Choose the requested marketplaces first.</p> : null}
    </fieldset>
  )
}

function marketplaceOptions(requested: readonly string[], current: string) {
  const codes = requested.includes(current) ? requested : [current, ...requested]
  return codes.map((code) => ({ value: code, label: `${marketplaceByCode(code)?.name ?? code} (${code})` }))
}
