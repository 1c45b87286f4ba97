import { useId } from 'react'
import { marketplaces, regionNames, type Region } from '../../../core/model/marketplace'
import type { ProductForm } from './ProductEditor'
import './MarketplacePicker.css'

const regionOrder: readonly Region[] = ['NA', 'EU', 'FE']

/** The marketplaces certification is requested for, grouped by Amazon's regions. */
export function MarketplacePicker({ form }: { form: ProductForm }) {
  const chosen = new Set(form.draft.marketplaces)
  const errorId = useId()
  const error = form.visibleError('marketplaces')
  const toggle = (code: string, on: boolean) =>
    form.update(
      (p) => ({
        ...p,
        marketplaces: on ? [...p.marketplaces, code] : p.marketplaces.filter((c) => c !== code),
      }),
      'marketplaces',
    )
  return (
    <fieldset aria-describedby={error ? errorId : undefined}>
      <legend>Marketplaces requested</legend>
      <div className="regions">
        {regionOrder.map((region) => (
          <fieldset key={region} className={region === 'EU' ? 'region many' : 'region'}>
            <legend>{regionNames[region]}</legend>
            {marketplaces
              .filter((m) => m.region === region)
              .map((m) => (
                <label key={m.code} className="check">
                  <input
                    type="checkbox"
                    checked={chosen.has(m.code)}
                    onChange={(e) => toggle(m.code, e.target.checked)}
                  />
                  {m.name} ({m.code})
                </label>
              ))}
          </fieldset>
        ))}
      </div>
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  )
}
