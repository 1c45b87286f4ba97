import { TextField } from '../../ui/Field'
import { RowGroup } from '../../ui/RowGroup'
import type { ProductForm } from './ProductEditor'

/** Colours and pack sizes that share the model number: one product, several ASINs. */
export function VariationsEditor({ form }: { form: ProductForm }) {
  const { draft, update, visibleError } = form
  return (
    <fieldset>
      <legend>Variations</legend>
      <p className="muted">Colours or pack sizes sold under this same model number.</p>
      <ol className="rows">
        {draft.variations.map((name, index) => (
          <RowGroup key={index} label={`Variation ${index + 1}`}>
            <TextField
              label="Variation"
              value={name}
              error={visibleError(`variations.${index}`)}
              onChange={(value) =>
                update(
                  (p) => ({
                    ...p,
                    variations: p.variations.map((v, i) => (i === index ? value : v)),
                    // ASINs tied to the old name follow the rename.
                    asins: p.asins.map((a) =>
                      a.variation !== '' && a.variation === name ? { ...a, variation: value } : a,
                    ),
                  }),
                  `variations.${index}`,
                )
              }
            />
            <button
              type="button"
              className="remove"
              aria-label={`Remove variation ${name || index + 1}`}
              onClick={() =>
                update(
                  (p) => ({
                    ...p,
                    variations: p.variations.filter((_, i) => i !== index),
                    asins: p.asins.map((a) => (a.variation === name ? { ...a, variation: '' } : a)),
                  }),
                  'variations',
                )
              }
            >
              Remove
            </button>
          </RowGroup>
        ))}
      </ol>
      <button type="button" onClick={() => update((p) => ({ ...p, variations: [...p.variations, ''] }))}>
        Add variation
      </button>
    </fieldset>
  )
}
