import { describe, expect, test } from 'vitest'
import { Unit } from '../../../../core/model/unit'
import type { DiscoveryCapture } from '../../../../core/model/discovery-capture'
import { parseDiscoveryResponse } from '../../../../core/rules/discovery'
import {
  discoveryCapture,
  discoveryHistory,
  endpointFindings,
  latestDiscovery,
  latestEndpoints,
  withDiscoveryCapture,
} from '../../../../core/rules/unit-discovery'
import { aUnit } from '../../../helpers/records'

const ann = { id: 'person-ann', name: 'Ann Tester' }
const hash = (digit: string) => digit.repeat(64)

function captureAt(pastedAt: string, model: string, sha = hash('a')): { capture: DiscoveryCapture; model: string } {
  const parsed = parseDiscoveryResponse(
    JSON.stringify({ endpoints: [{ endpointId: 'e1', manufacturerName: 'Acme', additionalAttributes: { model } }] }),
  )
  if (!parsed.ok) throw new Error(parsed.message)
  return {
    capture: discoveryCapture(parsed.endpoints, {
      id: `c-${pastedAt}`,
      fileId: `f-${sha}`,
      sha256: sha,
      size: 100,
      pastedAt,
      pastedBy: ann,
    }),
    model,
  }
}

describe('discovery captures of a unit', () => {
  test('a unit stored before captures were kept still loads, and its summary is its latest discovery', () => {
    const old = {
      ...aUnit(),
      discovery: { manufacturer: 'Acme', model: 'AC-100', endpointCount: 2, pastedAt: '2026-11-01T10:00:00.000Z' },
    }
    delete (old as { discoveryCaptures?: unknown }).discoveryCaptures
    expect(Unit.safeParse(old).success).toBe(true)
    const latest = latestDiscovery(old)
    expect(latest).toMatchObject({ kind: 'summary', summary: { model: 'AC-100' } })
    expect(latestEndpoints(latest)).toEqual([
      { endpointId: null, friendlyName: null, manufacturerName: null, manufacturer: 'Acme', model: 'AC-100' },
    ])
  })

  test('no discovery at all is null', () => {
    expect(latestDiscovery(aUnit())).toBeNull()
    expect(latestEndpoints(null)).toEqual([])
  })

  test('a second paste keeps the first, and the newest is the latest and the summary', () => {
    const first = captureAt('2026-12-01T09:00:00.000Z', 'AC-100', hash('a'))
    const second = captureAt('2026-12-02T09:00:00.000Z', 'AC-100-EU', hash('b'))
    const once = withDiscoveryCapture(aUnit(), first.capture, { manufacturer: 'Acme', model: first.model })
    const twice = withDiscoveryCapture(once, second.capture, { manufacturer: 'Acme', model: second.model })
    expect(Unit.parse(twice)).toEqual(twice)
    expect(twice.discoveryCaptures).toEqual([first.capture, second.capture])
    expect(discoveryHistory(twice).map((c) => c.sha256)).toEqual([hash('b'), hash('a')])
    expect(latestDiscovery(twice)).toEqual({ kind: 'capture', capture: second.capture })
    expect(twice.discovery).toEqual({
      manufacturer: 'Acme',
      model: 'AC-100-EU',
      endpointCount: 1,
      pastedAt: '2026-12-02T09:00:00.000Z',
    })
  })

  test('of two captures pasted in the same millisecond, the later one is newest', () => {
    const at = '2026-12-02T09:00:00.000Z'
    const unit = [captureAt(at, 'A', hash('1')), captureAt(at, 'B', hash('2'))].reduce(
      (u, c) => withDiscoveryCapture(u, c.capture, { manufacturer: '', model: c.model }),
      aUnit(),
    )
    expect(discoveryHistory(unit).map((c) => c.endpoints[0]?.model)).toEqual(['B', 'A'])
  })

  test('an endpoint field too long for the record is kept cut, so the unit still saves', () => {
    const { capture } = captureAt('2026-12-02T09:00:00.000Z', 'M'.repeat(2000))
    expect(capture.endpoints[0]?.model).toHaveLength(500)
    const unit = withDiscoveryCapture(aUnit(), capture, { manufacturer: 'Acme', model: 'M'.repeat(2000) })
    expect(Unit.safeParse(unit).success).toBe(true)
  })
})

describe('endpointFindings', () => {
  const product = { brand: 'Acme', modelNumber: 'AC-100' }
  const endpoint = {
    endpointId: 'e1',
    friendlyName: 'Plug',
    manufacturerName: 'ACME™',
    manufacturer: 'Acme Inc.',
    model: 'AC-100',
  }

  test('compares each manufacturer field with the brand and the model with the model number', () => {
    const findings = endpointFindings(endpoint, product)
    expect(findings.manufacturerName.verdict).toBe('pass')
    expect(findings.manufacturer).toEqual({
      verdict: 'mismatch',
      message: `The device reports additionalAttributes.manufacturer "Acme Inc.", which is not the product's brand "Acme".`,
    })
    expect(findings.model.verdict).toBe('pass')
  })

  test('a missing model is a mismatch', () => {
    expect(endpointFindings({ ...endpoint, model: null }, product).model.verdict).toBe('mismatch')
  })
})
