import { describe, expect, it } from 'vitest'
import type { DiscoveryCapture } from '../../../../../core/model/discovery-capture'
import { checkDiscoveryManufacturer, checkDiscoveryModel } from '../../../../../core/rules/comparison/discovery-checks'
import { defaultComparisonSettings as settings } from '../../../../../core/rules/comparison/settings'
import { aProduct, aUnit } from '../../../../helpers/records'

const capture = (
  endpoints: { model: string | null; manufacturer: string | null; manufacturerName: string | null }[],
  pastedAt = '2026-11-20T09:00:00.000Z',
): DiscoveryCapture => ({
  id: `c-${pastedAt}`,
  fileId: `f-${pastedAt}`,
  sha256: 'a'.repeat(64),
  size: 100,
  pastedAt,
  pastedBy: { id: 'jd', name: 'Jo Doe' },
  endpoints: endpoints.map((e, i) => ({ endpointId: `e-${i}`, friendlyName: `Plug ${i + 1}`, ...e })),
})

describe('discovery model and manufacturer', () => {
  it('reads the newest capture: an earlier, matching one does not count', () => {
    const unit = aUnit({
      discoveryCaptures: [
        capture([{ model: 'AC-100', manufacturer: 'Acme', manufacturerName: 'Acme' }], '2026-11-19T09:00:00.000Z'),
        capture([{ model: 'AC-100X', manufacturer: 'Acme', manufacturerName: 'Acme' }], '2026-11-20T09:00:00.000Z'),
      ],
    })
    expect(checkDiscoveryModel(unit, aProduct())).toMatchObject({
      outcome: 'fail',
      reason: 'Unit SN-0001 reports model “AC-100X” in discovery, not the certified “AC-100”.',
    })
  })

  it('passes when every endpoint reports the model, and asks when only some do', () => {
    const one = aUnit({
      discoveryCaptures: [capture([{ model: 'AC-100', manufacturer: 'ACME', manufacturerName: 'Acme™' }])],
    })
    expect(checkDiscoveryModel(one, aProduct()).outcome).toBe('pass')
    expect(checkDiscoveryManufacturer(one, aProduct(), settings).outcome).toBe('pass')
    const bridge = aUnit({
      discoveryCaptures: [
        capture([
          { model: 'AC-100', manufacturer: 'Acme', manufacturerName: 'Acme' },
          { model: 'OTHER-1', manufacturer: 'Zentro', manufacturerName: 'Zentro' },
        ]),
      ],
    })
    // A bridge's own endpoint that reports no model is not compared.
    const quiet = aUnit({
      discoveryCaptures: [
        capture([
          { model: null, manufacturer: 'Acme', manufacturerName: 'Acme' },
          { model: 'AC-100', manufacturer: 'Acme', manufacturerName: 'Acme' },
        ]),
      ],
    })
    expect(checkDiscoveryModel(quiet, aProduct()).outcome).toBe('pass')
    expect(checkDiscoveryModel(bridge, aProduct())).toMatchObject({
      outcome: 'needs-review',
      reason: expect.stringMatching(/^1 of 2 endpoints/),
    })
    expect(checkDiscoveryManufacturer(bridge, aProduct(), settings)).toMatchObject({
      outcome: 'fail',
      reason: 'The device reports manufacturer “Zentro”, not the brand “Acme”.',
    })
  })

  it('asks for what is missing: no unit, no response pasted, no manufacturer reported', () => {
    expect(checkDiscoveryModel(undefined, aProduct()).outcome).toBe('needs-review')
    expect(checkDiscoveryModel(aUnit(), aProduct()).reason).toMatch(/No discovery response of unit SN-0001 was read/)
    const silent = aUnit({
      discoveryCaptures: [capture([{ model: 'AC-100', manufacturer: null, manufacturerName: null }])],
    })
    expect(checkDiscoveryManufacturer(silent, aProduct(), settings).outcome).toBe('needs-review')
  })
})
