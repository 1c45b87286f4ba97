// The records of the lab-year seed, made from small specs: deterministic text, so both labs hold
// the same largest plan and a re-seed the same lab. Pure: the page writes what these make.
import { marketplaces, type Region } from '../../core/model/marketplace'
import type { Product } from '../../core/model/product'
import type { Verdict } from '../../core/model/result'
import type { PlanVersion, TestCase } from '../../core/model/test-plan'
import { unitConditions, type Unit } from '../../core/model/unit'
import { gtinCheckDigit } from '../../core/rules/retail-id'
import type { CaseChange } from '../../renderer/storage/repos/sessions/results-repo'
import { aCase, aProduct, aUnit } from '../../test/helpers/records'
import type { PlanSpec, ProductSpec, SessionSpec } from './lab-year-seed-api'
import { seededRandom } from './seeded-random'

export const pick = <T>(items: readonly T[], index: number): T => {
  const item = items[index % items.length]
  if (item === undefined) throw new Error('pick from an empty list')
  return item
}

const capabilities = [
  'Alexa.PowerController',
  'Alexa.BrightnessController',
  'Alexa.ColorController',
  'Alexa.ThermostatController',
  'Alexa.LockController',
  'Alexa.EndpointHealth',
  'Discovery',
  'Account linking',
  'Alexa.ToggleController',
  'Reporting',
  'Routines',
  'Firmware update',
]
const actions = [
  ['turn on', 'off', 'on'],
  ['turn off', 'on', 'off'],
  ['set to 40 %', '100 %', '40 %'],
  ['lock', 'unlocked', 'locked'],
  ['set to 21 °C', '18 °C', '21 °C'],
] as const

// Text about as long as a real WWA case's: the frozen copy of every plan a session ran is stored.
export function caseAt(plan: PlanSpec, i: number): TestCase {
  const n = i + 1
  const [verb, from, to] = pick(actions, i + plan.seed)
  return aCase(`TC-${String(n).padStart(4, '0')}`, {
    title: `Case ${n}: ${verb} by voice and check the state report`,
    category: pick(capabilities, Math.floor(i / 7) + plan.seed),
    steps: `1. Put the device in its ${from} state from the manufacturer's app.\n2. Say "Alexa, ${verb} the device".\n3. Open the Alexa app and look at the device's state.`,
    expected: `The device changes within 2 s, Alexa answers "OK", and the Alexa app shows it ${to} within 5 s.`,
    required: i % 10 !== 9,
  })
}

/** The edit that makes version n + 1: one case's expected result reworded after a lab review. */
export function revised(version: PlanVersion): PlanVersion {
  const target = (version.version * 37) % version.cases.length
  return {
    ...version,
    cases: version.cases.map((c, i) =>
      i === target
        ? {
            ...c,
            expected: `${c.expected} Revised in version ${version.version + 1}: the report may arrive up to 8 s late.`,
          }
        : c,
    ),
  }
}

export const brands = [
  'Acme',
  'Brightlane',
  'Cosyhome',
  'Domotek',
  'Everlite',
  'Fernwood',
  'Glowbit',
  'Hearthly',
  'Ironleaf',
  'Juniper Labs',
  'Kestrel',
  'Lumora',
  'Meridian',
  'Northwind',
  'Orchid',
  'Pebble & Co',
  'Quillon',
  'Riverstone',
  'Solace',
  'Tidewater',
  'Umbra',
  'Vireo',
  'Willowby',
  'Xylo',
  'Zephyr',
]
const deviceTypes = [
  'Light',
  'Plug',
  'Switch',
  'Thermostat',
  'Lock',
  'Camera',
  'Doorbell',
  'Contact sensor',
  'Motion sensor',
  'Fan',
  'Air purifier',
  'Blinds',
]
const regionMarketplaces: Readonly<Record<Region, readonly string[]>> = {
  NA: ['US', 'CA'],
  EU: ['UK', 'DE', 'FR', 'IT', 'ES'],
  FE: ['JP', 'AU'],
}
const knownCodes = new Set(marketplaces.map((m) => m.code))

export const asinOf = (n: number) => `B0${n.toString(36).toUpperCase().padStart(8, '0')}`

const upcA = (body: number) => {
  const digits = String(body).padStart(11, '0')
  return `${digits}${gtinCheckDigit(digits)}`
}

export const uuidOf = (r: () => number) => {
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(r() * 16).toString(16)).join('')
  return `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`
}

/** The product of a spec; `ids` are the stored hubs' and skills' record ids, by their index. */
export function productOf(
  spec: ProductSpec,
  ids: { readonly hubIds: readonly string[]; readonly skillIds: readonly string[] },
): Product {
  const brand = pick(brands, spec.index)
  const deviceType = pick(deviceTypes, Math.floor(spec.index / brands.length) + spec.index)
  const codes = spec.regions.flatMap((r) => regionMarketplaces[r]).filter((code) => knownCodes.has(code))
  return aProduct({
    id: crypto.randomUUID(),
    brand,
    modelNumber: `${brand.slice(0, 2).toUpperCase()}-${deviceType.slice(0, 1)}${1000 + spec.index}`,
    name: `${brand} Smart ${deviceType} ${spec.index % 3 === 0 ? 'Pro' : spec.index % 3 === 1 ? 'Mini' : 'Gen 2'}`,
    deviceType,
    connection: spec.connection,
    hubId: spec.hub === null ? null : (ids.hubIds[spec.hub] ?? null),
    skillRecordId: spec.skill === null ? null : (ids.skillIds[spec.skill] ?? null),
    marketplaces: codes,
    retailIds: [{ kind: 'UPC-A', value: upcA(81_000_000_000 + spec.index * 7) }],
    asins: codes.map((code, i) => ({
      marketplace: code,
      asin: asinOf(spec.index * 40 + i + 1_000_000),
      variation: '',
    })),
    createdAt: spec.at,
    updatedAt: spec.at,
  })
}

export function unitsOf(spec: ProductSpec, product: Product): Unit[] {
  return Array.from({ length: spec.units }, (_, u) =>
    aUnit({
      id: crypto.randomUUID(),
      productId: product.id,
      serialNumber: `${product.modelNumber}-SN${String(spec.index * 10 + u).padStart(6, '0')}`,
      firmware: `${1 + (spec.index % 4)}.${u}.${spec.index % 9}`,
      hardwareRevision: u === 0 ? 'A' : 'B',
      receivedOn: spec.at.slice(0, 10),
      receivedFrom: `${product.brand} Ltd., certification desk`,
      condition: pick(unitConditions, spec.index + u),
      conditionNotes: (spec.index + u) % 7 === 0 ? 'Outer box dented on one corner; device unmarked.' : '',
      createdAt: spec.at,
      updatedAt: spec.at,
    }),
  )
}

// --- Verdicts: mostly passed; some sessions find failures; optional cases are sometimes blocked. ---

const failNotes = [
  'State report arrived after 9 s; Alexa app showed the old state.',
  'Device did not respond to the voice request; worked on the second try.',
  'Discovery listed the device twice after the firmware update.',
]
const otherNotes = [
  'Checked on the second unit as well.',
  'Needed a power cycle before discovery.',
  'Hub firmware updated before this case.',
]

export function verdictsFor(cases: readonly TestCase[], spec: SessionSpec): CaseChange[] {
  const r = seededRandom(spec.index * 7919 + 17)
  // Over half of the sessions pass cleanly; the rest find a handful of failures, as retests after a fix do.
  const failRate = r() < 0.55 ? 0 : 0.002 + r() * 0.01
  return cases.slice(0, spec.decided).map((c, i): CaseChange => {
    const x = r()
    const verdict: Verdict = c.required
      ? x < failRate
        ? 'failed'
        : x < failRate + 0.03
          ? 'not-applicable'
          : 'passed'
      : x < 0.06
        ? 'blocked'
        : x < 0.14
          ? 'not-applicable'
          : x < 0.15
            ? 'failed'
            : 'passed'
    const notes =
      verdict === 'failed' || verdict === 'blocked' ? pick(failNotes, i) : r() < 0.02 ? pick(otherNotes, i) : ''
    return { caseId: c.caseId, change: notes === '' ? { verdict } : { verdict, notes } }
  })
}
