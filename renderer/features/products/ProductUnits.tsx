import { useLiveQuery } from 'dexie-react-hooks'
import { conditionLabels } from '../../../core/model/unit'
import type { Product } from '../../../core/model/product'
import { href } from '../../app/route'
import { useRepos } from '../../app/services-context'
import { dates } from '../../app/lab-dates'

/** The physical samples received for this product: the chain of custody sessions will name. */
export function ProductUnits({ product }: { product: Product }) {
  const repos = useRepos()
  const units = useLiveQuery(() => repos.units.forProduct(product.id), [repos, product.id]) ?? []
  return (
    <section aria-labelledby="product-units-title">
      <h2 id="product-units-title">Tested units</h2>
      {units.length === 0 ? (
        <p className="muted">No units received yet.</p>
      ) : (
        <ul className="link-list">
          {units.map((unit) => (
            <li key={unit.id}>
              <a href={href('units', unit.id)}>Serial {unit.serialNumber}</a>
              {unit.archived ? ' (archived)' : ''} · firmware {unit.firmware} · received{' '}
              {dates.calendarDate(unit.receivedOn)} from {unit.receivedFrom} · {conditionLabels[unit.condition]}
            </li>
          ))}
        </ul>
      )}
      <a className="button" href={href('units', 'new', { product: product.id })}>
        Add unit
      </a>
    </section>
  )
}
