import type { Hub } from '../../../core/model/hub'
import { listingStatusLabels, type ListingSnapshot } from '../../../core/model/listing-snapshot'
import type { Product } from '../../../core/model/product'
import type { Unit } from '../../../core/model/unit'

type Props = {
  readonly snapshot: ListingSnapshot
  readonly product: Product
  readonly hub: Hub | undefined
  readonly unit: Unit | undefined
}

const blank = (text: string) => (text.trim() === '' ? <span className="muted">(blank)</span> : text)

/** What the listing showed beside what the lab tested, field by field. */
export function SideBySide({ snapshot, product, hub, unit }: Props) {
  const discovery = unit?.discoveryCaptures?.at(-1)
  const rows: readonly [string, React.ReactNode, React.ReactNode][] = [
    ['Brand', blank(snapshot.brand), product.brand],
    ['Model number', blank(snapshot.modelNumber), product.modelNumber],
    ['Device type', blank(snapshot.deviceType), blank(product.deviceType)],
    ['Title / name', blank(snapshot.title), product.name],
    ['Listing status', listingStatusLabels[snapshot.status], '—'],
    [
      'Hub',
      [snapshot.hubAsin, snapshot.hubRequirement].filter(Boolean).join(' — ') || blank(''),
      hub ? `${hub.brand} ${hub.modelNumber} (${hub.asins.join(', ') || 'no ASIN'})` : 'No hub tested',
    ],
    ['In the box', snapshot.bundleContents.length > 0 ? snapshot.bundleContents.join('; ') : blank(''), '—'],
    [
      'Retail identifiers',
      snapshot.retailIds.map((id) => `${id.kind} ${id.value}`).join(', ') || blank(''),
      product.retailIds.map((id) => `${id.kind} ${id.value}`).join(', ') || blank(''),
    ],
    [
      'Discovery',
      '—',
      discovery
        ? discovery.endpoints.map((e) => `${e.manufacturer ?? '?'} ${e.model ?? '?'}`).join('; ')
        : unit
          ? 'No discovery response pasted'
          : 'No unit tested',
    ],
  ]
  return (
    <table className="side-by-side">
      <caption>The listing beside what was tested</caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Listing ({snapshot.marketplace})</th>
          <th scope="col">Tested{unit ? ` (unit ${unit.serialNumber})` : ''}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([field, listing, tested]) => (
          <tr key={field}>
            <th scope="row">{field}</th>
            <td>{listing}</td>
            <td>{tested}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
