import { marketplaces, regionNames, type Region } from '../../../core/model/marketplace'
import type { ProductForm } from './ProductEditor'

const regionOrder: readonly Region[] = ['NA', 'EU', 'FE']

/** The marketplaces certification is requested for, grouped by Amazon's regions. */
export function MarketplacePicker({ form }: { form: ProductForm }) {
  const chosen = new Set(form.draft.marketplaces)
  const toggle = (code: string, on: boolean) =>
    form.update(
      (p) => ({
        ...p,
        marketplaces: on ? [...p.marketplaces, code] : p.marketplaces.filter((c) => c !== code),
      }),
      'marketplaces',
    )
  return (
    <fieldset>
      <legend>Marketplaces requested</legend>
      <div className="regions">
        {regionOrder.map((region) => (
          <fieldset key={region} className="region">
            <legend>{regionNames[region]}</legend>
            {marketplaces
              .filter((m) => m.region === region)
              .map((m) => (
                <label key={m.code} className="check">
                  <input type="checkbox" checked={chosen.has(m.code)} onChange={(e) => toggle(m.code, e.target.checked)} />
                  {m.name} ({m.code})
                </label>
              ))}
          </fieldset>
        ))}
      </div>
      {form.visibleError('marketplaces') ? <p className="field-error">{form.visibleError('marketplaces')}</p> : null}
    </fieldset>
  )
}
