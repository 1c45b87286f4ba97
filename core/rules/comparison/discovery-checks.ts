import type { Product } from '../../model/product'
import type { Unit } from '../../model/unit'
import { normalizeBrand } from '../brand'
import { latestDiscovery, latestEndpoints } from '../unit-discovery'
import { finding, quoted, type Evidence, type Finding } from './finding'
import type { ComparisonSettings } from './settings'
import { jaroWinkler } from './similarity'

const noUnit = (check: 'discovery-model' | 'discovery-manufacturer') =>
  finding(check, 'needs-review', 'No tested unit of this product is recorded.', [])

/** The device's newest discovery response: every endpoint that reports a model must report the certified model number. */
export function checkDiscoveryModel(unit: Unit | undefined, product: Product): Finding {
  if (!unit) return noUnit('discovery-model')
  const latest = latestDiscovery(unit)
  const endpoints = latestEndpoints(latest)
  if (latest === null || endpoints.length === 0)
    return finding(
      'discovery-model',
      'needs-review',
      `No discovery response of unit ${unit.serialNumber} was read: paste it on the unit’s page.`,
      [],
    )
  const tested = product.modelNumber.trim()
  const evidence: Evidence[] = endpoints.map((e, i) => ({
    label: `Endpoint ${e.friendlyName ?? e.endpointId ?? i + 1}: additionalAttributes.model`,
    value: e.model ?? '',
  }))
  // Only endpoints that report a model are compared: a bridge's own endpoint may report none.
  const reported = endpoints.map((e) => (e.model ?? '').trim()).filter((m) => m !== '')
  if (reported.length === 0)
    return finding(
      'discovery-model',
      'needs-review',
      'No endpoint of the discovery response reports a model.',
      evidence,
    )
  const equal = reported.filter((m) => m === tested).length
  if (equal === reported.length)
    return finding(
      'discovery-model',
      'pass',
      `Unit ${unit.serialNumber} reports model ${quoted(tested)} in discovery, as certified.`,
      evidence,
    )
  if (equal > 0)
    return finding(
      'discovery-model',
      'needs-review',
      `${equal} of ${reported.length} endpoints report model ${quoted(tested)}; the others report ${reported
        .filter((m) => m !== tested)
        .map(quoted)
        .join(', ')}: decide whether they are other devices behind it.`,
      evidence,
    )
  return finding(
    'discovery-model',
    'fail',
    `Unit ${unit.serialNumber} reports model ${reported.map(quoted).join(', ')} in discovery, not the certified ${quoted(tested)}.`,
    evidence,
  )
}

/** The manufacturer the device reports (`additionalAttributes.manufacturer`, and `manufacturerName` shown in the Alexa app) against the brand. */
export function checkDiscoveryManufacturer(
  unit: Unit | undefined,
  product: Product,
  settings: ComparisonSettings,
): Finding {
  if (!unit) return noUnit('discovery-manufacturer')
  const endpoints = latestEndpoints(latestDiscovery(unit))
  if (endpoints.length === 0)
    return finding(
      'discovery-manufacturer',
      'needs-review',
      `No discovery response of unit ${unit.serialNumber} was read.`,
      [],
    )
  const names = endpoints.flatMap((e, i) => {
    const which = e.friendlyName ?? e.endpointId ?? String(i + 1)
    return [
      { label: `Endpoint ${which}: additionalAttributes.manufacturer`, value: e.manufacturer },
      { label: `Endpoint ${which}: manufacturerName`, value: e.manufacturerName },
    ]
  })
  const evidence: Evidence[] = names.map((n) => ({ label: n.label, value: n.value ?? '' }))
  const reported = names.flatMap((n) => (n.value === null || n.value.trim() === '' ? [] : [n.value]))
  if (reported.length === 0)
    return finding(
      'discovery-manufacturer',
      'needs-review',
      'The discovery response reports no manufacturer.',
      evidence,
    )
  const brand = normalizeBrand(product.brand)
  const unlike = reported.filter((m) => normalizeBrand(m) !== brand)
  if (unlike.length === 0)
    return finding(
      'discovery-manufacturer',
      'pass',
      `The device reports the brand ${quoted(product.brand)} as its manufacturer.`,
      evidence,
    )
  const similarity = Math.min(...unlike.map((m) => jaroWinkler(normalizeBrand(m), brand)))
  return finding(
    'discovery-manufacturer',
    similarity >= settings.brandReviewSimilarity ? 'needs-review' : 'fail',
    `The device reports manufacturer ${[...new Set(unlike.map((m) => m.trim()))].map(quoted).join(', ')}, not the brand ${quoted(product.brand)}.`,
    evidence,
    { similarity },
  )
}
