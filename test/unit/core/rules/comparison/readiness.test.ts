import { describe, expect, it } from 'vitest'
import { compareListing } from '../../../../../core/rules/comparison/compare-listing'
import { checkIds, type Finding } from '../../../../../core/rules/comparison/finding'
import { checkImage, type HashedImage } from '../../../../../core/rules/comparison/image-check'
import { readinessOf } from '../../../../../core/rules/comparison/readiness'
import { defaultComparisonSettings as settings } from '../../../../../core/rules/comparison/settings'
import { aListing } from '../../../../helpers/listing-snapshots'
import { aProduct, aUnit } from '../../../../helpers/records'

const image = (
  name: string,
  source: HashedImage['source'],
  dHash: string | null,
  pHash: string | null,
): HashedImage => ({
  fileId: name,
  name,
  source,
  dHash,
  pHash,
})

describe('product image', () => {
  it('passes a near copy by both hashes, picking the closest pair, and never fails an image', () => {
    const listing = [image('main.jpg', 'listing', 'ffff000000000000', 'aaaaaaaaaaaaaaaa')]
    const tested = [
      image('bench.jpg', 'unit', '0000ffff00000000', '5555555555555555'),
      image('studio.png', 'reference', 'ffff000000000003', 'aaaaaaaaaaaaaaab'),
    ]
    expect(checkImage(listing, tested, settings)).toMatchObject({
      outcome: 'pass',
      reason: 'Listing image main.jpg is the same picture as reference image studio.png (distances 2 and 1).',
    })
    const far = checkImage(listing, [tested[0]!], settings)
    expect(far.outcome).toBe('needs-review')
    expect(far.evidence).toContainEqual({ label: 'Closest photo of the unit', value: 'bench.jpg' })
    expect(checkImage([], tested, settings).outcome).toBe('needs-review')
    // A pair near by both hashes decides over one closer in sum but far by one of them.
    const lopsided = image('lopsided.jpg', 'unit', 'ffff000000000000', 'aaaaaaaaaaab5555') // d 0, p 17: sum 17
    const even = image('even.jpg', 'reference', 'ffff0000000003ff', 'aaaaaaaaaaaaa955') // d 10, p 10: sum 20
    expect(checkImage(listing, [lopsided, even], settings)).toMatchObject({
      outcome: 'pass',
      evidence: expect.arrayContaining([{ label: 'Closest reference image', value: 'even.jpg' }]),
    })
    // A stored hash that is not 16 hex digits is as none, not a crash.
    expect(checkImage(listing, [image('odd.jpg', 'unit', 'nothex', 'aaaaaaaaaaaaaaaa')], settings).reason).toMatch(
      /no perceptual hashes yet/,
    )
    expect(checkImage(listing, [image('x.jpg', 'unit', null, null)], settings).reason).toMatch(
      /no perceptual hashes yet/,
    )
  })
})

describe('badge readiness', () => {
  /** One listing of the product, its model number spaced, compared with a unit that pasted no discovery response. */
  const input = {
    product: aProduct(),
    listing: aListing({ modelNumber: 'AC 100' }),
    hub: undefined,
    skill: undefined,
    skillSnapshot: undefined,
    unit: aUnit(),
    listingImages: [],
    testedImages: [],
    now: new Date('2026-11-21T09:00:00.000Z'),
    settings,
  }
  const findings = compareListing(input)

  it('makes every check, in the order a reviewer reads them', () => {
    expect(findings.map((f) => f.check)).toEqual([...checkIds])
    expect(Object.fromEntries(findings.map((f) => [f.check, f.outcome]))).toEqual({
      'listing-status': 'pass',
      brand: 'pass',
      'model-number': 'needs-review',
      'device-type': 'pass',
      image: 'needs-review',
      hub: 'not-applicable',
      bundle: 'not-applicable',
      skill: 'not-applicable',
      'discovery-model': 'needs-review',
      'discovery-manufacturer': 'needs-review',
      'retail-ids': 'not-applicable',
    })
  })

  it('is ready once every check that is not a pass was accepted on this snapshot', () => {
    const open = readinessOf(findings, [], 'ls-1')
    expect(open.ready).toBe(false)
    if (!open.ready)
      expect(open.blocking.map((b) => b.check)).toEqual([
        'model-number',
        'image',
        'discovery-model',
        'discovery-manufacturer',
      ])
    /** The finding a decision was made on: the current one, unless a test says what it was then. */
    const seen = (check: Finding['check']) => {
      const f = findings.find((each) => each.check === check)!
      return { outcome: f.outcome, reason: f.reason, basis: f.basis }
    }
    const accept = (check: Finding['check'], snapshotId = 'ls-1') => ({
      check,
      snapshotId,
      decision: 'accept' as const,
      note: '',
      finding: seen(check),
    })
    const all = ['model-number', 'image', 'discovery-model', 'discovery-manufacturer'] as const
    expect(
      readinessOf(
        findings,
        all.map((c) => accept(c)),
        'ls-1',
      ),
    ).toEqual({ ready: true, accepted: [...all] })
    // Decided on an older snapshot whose findings rested on other inputs: the newer capture re-opened them.
    expect(
      readinessOf(
        findings,
        all.map((c) => ({ ...accept(c, 'ls-0'), finding: { ...seen(c), basis: '["AC-1O0","AC-100"]' } })),
        'ls-1',
      ).ready,
    ).toBe(false)
  })

  it('keeps a decision while the finding it was made on holds, on this capture or a newer one, and only then', () => {
    const modelNumber = findings.find((f) => f.check === 'model-number')!
    const same = { outcome: modelNumber.outcome, reason: modelNumber.reason, basis: modelNumber.basis }
    const older = { check: 'model-number' as const, snapshotId: 'ls-0', note: '', finding: same }
    const blocks = (decisions: Parameters<typeof readinessOf>[1]) => {
      const r = readinessOf(findings, decisions, 'ls-1')
      return r.ready ? [] : r.blocking.map((b) => b.check)
    }
    expect(blocks([{ ...older, decision: 'accept' }])).not.toContain('model-number')
    const rejected = readinessOf(findings, [{ ...older, decision: 'reject', note: 'No' }], 'ls-1')
    expect(rejected.ready === false && rejected.blocking[0]?.kind).toBe('rejected')
    // A decision on this snapshot wins over one carried from an earlier capture.
    expect(
      blocks([
        { ...older, decision: 'reject', note: 'No' },
        { ...older, snapshotId: 'ls-1', decision: 'accept' },
        { ...older, decision: 'reject', note: 'Later, on the old one' },
      ]),
    ).not.toContain('model-number')
    // Made on this very snapshot, but on another outcome (the skill store recorded since): it no longer counts.
    expect(
      blocks([{ ...older, snapshotId: 'ls-1', decision: 'accept', finding: { ...same, outcome: 'fail' } }]),
    ).toContain('model-number')
  })

  it('is blocked by a rejection, even of a pass, and by a question, naming the reviewer’s note', () => {
    const seen = (check: Finding['check']) => {
      const f = findings.find((each) => each.check === check)!
      return { outcome: f.outcome, reason: f.reason, basis: f.basis }
    }
    const rejected = readinessOf(
      findings,
      [{ check: 'brand', snapshotId: 'ls-1', decision: 'reject', note: 'Logo differs', finding: seen('brand') }],
      'ls-1',
    )
    expect(rejected.ready === false && rejected.blocking[0]).toEqual({
      check: 'brand',
      kind: 'rejected',
      reason: 'Brand: rejected by the reviewer (Logo differs).',
    })
    const asked = readinessOf(
      findings,
      [
        {
          check: 'model-number',
          snapshotId: 'ls-1',
          decision: 'needs-information',
          note: 'Ask the maker',
          finding: seen('model-number'),
        },
      ],
      'ls-1',
    )
    expect(asked.ready === false && asked.blocking[0]).toMatchObject({
      kind: 'needs-information',
      reason: 'Model number: the reviewer asked for information (Ask the maker).',
    })
  })

  it('rests each finding on what it compared: a new capture changes the listing status only, an equal brand not', () => {
    const again = compareListing({
      ...input,
      listing: aListing({ id: 'ls-2', modelNumber: 'AC 100', capturedAt: '2026-11-21T08:00:00.000Z' }),
    })
    const changed = checkIds.filter(
      (c) => findings.find((f) => f.check === c)?.basis !== again.find((f) => f.check === c)?.basis,
    )
    expect(changed).toEqual(['listing-status'])
  })

  it('writes each basis as decisions stored it, with or without a run that remembers findings', () => {
    const pictured = {
      ...input,
      listingImages: [image('page.jpg', 'listing', 'ffff000000000000', null)],
      testedImages: [image('bench.jpg', 'unit', '0000ffff00000000', '5555555555555555')],
    }
    const basis = (found: readonly Finding[], check: string) => found.find((f) => f.check === check)?.basis
    const expected = {
      brand: '[Acme\u0002Acme]',
      image:
        '[[[page.jpg\u0004ffff000000000000\u0004\u0001]]\u0002[[bench.jpg\u00040000ffff00000000\u00045555555555555555]]' +
        '\u0002[page.jpg]\u0002[[unit\u0004bench.jpg]]]',
    }
    const cache = new Map()
    for (const found of [compareListing(pictured), compareListing(pictured, cache), compareListing(pictured, cache)])
      expect({ brand: basis(found, 'brand'), image: basis(found, 'image') }).toEqual(expected)
  })

  it('reuses, within one run, the finding of a check whose basis it has seen, and only then', () => {
    const cache = new Map()
    const first = compareListing(input, cache)
    const other = compareListing({ ...input, listing: aListing({ id: 'ls-2', modelNumber: 'AC-1OO' }) }, cache)
    expect(first).toEqual(findings)
    // The same brand is the same finding object; the model number differs, and is compared again.
    expect(other.find((f) => f.check === 'brand')).toBe(first.find((f) => f.check === 'brand'))
    expect(other.find((f) => f.check === 'model-number')?.reason).toContain('AC-1OO')
    expect(other.find((f) => f.check === 'listing-status')).not.toBe(first.find((f) => f.check === 'listing-status'))
  })
})
